"""``validator.agents.pull`` with the real retell-sdk against a local server standing in for Retell's API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from retell import Retell

from tests.agents.sdk_agents import AGENTS, ENGINES, NUMBER, PHONE, STAMP, TAGS, api_routes
from tests.local_http import LocalServer, Reply, closed_port, serve, silent_listener
from validator.agents.pull import REDACTED, PullError, pull


@pytest.fixture
def api() -> Iterator[LocalServer]:
    with serve(api_routes()) as running:
        yield running


def client(url: str, **options: Any) -> Retell:
    return Retell(api_key="test-key", base_url=url, max_retries=0, **options)


def _paths(server: LocalServer) -> list[str]:
    return [f"{request.method} {request.path}" for request in server.requests]


def test_an_agent_with_its_retell_llm_at_the_version_it_uses(api: LocalServer) -> None:
    pulled = pull(client(api.url("")), ["agent_sales"])
    assert _paths(api) == ["GET /get-agent/agent_sales", "GET /get-retell-llm/llm_sales?version=3", "POST /v2/list-agents?limit=1000"]
    assert api.requests[0].headers["Authorization"] == "Bearer test-key"
    assert json.loads(api.requests[2].body) == {"filter_criteria": {"query": "agent_sales"}}
    document = pulled.documents["agent_sales"]
    assert document["refs"] == {"latest": 3} and document["tags"] == TAGS["agent_sales"] and document["phone_numbers"] == []
    [version] = document["versions"]
    assert version["agent"] == json.loads(AGENTS[("agent_sales", 3)])  # as the SDK's to_json() writes Retell's answer
    llm = json.loads(ENGINES[("/get-retell-llm/llm_sales", 3)])
    tool = llm["states"][0]["tools"][0]
    tool["headers"] = {"Authorization": REDACTED, "X-Account": "{{account_ref}}"}  # a credential is not written; a placeholder is
    assert version["retell_llm"] == llm


def test_versions_by_number_and_tag_and_a_conversation_flow_and_a_custom_llm(api: LocalServer) -> None:
    pulled = pull(client(api.url("")), ["agent_sales", "agent_support", "agent_custom"], versions=[2, "beta"])
    sales = pulled.documents["agent_sales"]
    assert [v["agent"]["version"] for v in sales["versions"]] == [2, 3]
    assert sales["refs"] == {"beta": 2, "latest": 3}
    assert "GET /get-retell-llm/llm_sales?version=2" in _paths(api)
    support = pulled.documents["agent_support"]["versions"]
    assert support[0]["conversation_flow"] == json.loads(ENGINES[("/get-conversation-flow/cf_support", 1)])
    custom = pulled.documents["agent_custom"]["versions"]
    assert list(custom[0]) == ["agent"]  # a custom LLM has no engine to fetch
    assert not [p for p in _paths(api) if "custom" in p and "get-agent" not in p and "list" not in p]


def test_a_phone_numbers_outbound_agent_at_the_numbers_version(api: LocalServer) -> None:
    pulled = pull(client(api.url("")), numbers=[NUMBER])
    assert _paths(api)[:2] == [f"GET /get-phone-number/{NUMBER}", "GET /get-agent/agent_sales"]
    assert "GET /get-agent/agent_sales?version=prod" in _paths(api)
    document = pulled.documents["agent_sales"]
    assert document["refs"] == {"latest": 3, "prod": 3}
    assert document["phone_numbers"] == [json.loads(PHONE)]
    assert pulled.numbers == {NUMBER}


def test_the_tags_are_looked_up_page_by_page() -> None:
    first = {"has_more": True, "pagination_key": "k2", "items": []}
    second = {
        "has_more": False,
        "items": [
            {
                "agent_id": "agent_custom",
                "agent_name": "c",
                "channel": "voice",
                "is_suspended": False,
                "user_modified_timestamp": STAMP,
                "tags": {"prod": {"version": 0, "dynamic_variables": {"x": "1"}}},
            }
        ],
    }
    routes = {
        **api_routes(["agent_custom"]),
        "/v2/list-agents?limit=1000": Reply(json.dumps(first).encode(), content_type="application/json"),
        "/v2/list-agents?limit=1000&pagination_key=k2": Reply(json.dumps(second).encode(), content_type="application/json"),
    }
    with serve(routes) as server:
        pulled = pull(client(server.url("")), ["agent_custom"])
    assert pulled.documents["agent_custom"]["tags"] == {"prod": {"version": 0, "dynamic_variables": {"x": "1"}}}


def _error(status: int, body: dict[str, Any]) -> Reply:
    return Reply(json.dumps(body).encode(), status=status, content_type="application/json")


@pytest.mark.parametrize(
    ("routes", "call", "says"),
    [
        (
            {"/get-agent/agent_sales": _error(401, {"error_message": "Invalid API key"})},
            {"agent_ids": ["agent_sales"]},
            "agent agent_sales: {server} refused the API key (401 Unauthorized): check RETELL_API_KEY",
        ),
        (
            {"/get-agent/agent_sales": _error(403, {})},
            {"agent_ids": ["agent_sales"]},
            "agent agent_sales: the API key may not read it (403 Forbidden)",
        ),
        ({}, {"agent_ids": ["agent_nope"]}, "agent agent_nope: not found (404) at {server}: check the id"),
        ({}, {"numbers": ["+14155550199"]}, "phone number +14155550199: not found (404)"),
        (
            {"/get-agent/agent_sales?version=9": _error(404, {})},
            {"agent_ids": ["agent_sales"], "versions": [9]},
            "agent agent_sales version 9: not found (404)",
        ),
        (
            {"/get-agent/agent_sales": _error(500, {"error_message": "boom"})},
            {"agent_ids": ["agent_sales"]},
            "agent agent_sales: {server} answered 500: boom",
        ),
        (
            {"/get-retell-llm/llm_sales?version=3": _error(422, {"message": "bad version"})},
            {"agent_ids": ["agent_sales"]},
            "Retell LLM llm_sales version 3: {server} answered 422: bad version",
        ),
        (
            {"/v2/list-agents": _error(429, {"error_message": "slow down"})},
            {"agent_ids": ["agent_sales"]},
            "the version tags of agent agent_sales: {server} answered 429: slow down",
        ),
        (
            {
                f"/get-phone-number/{NUMBER}": Reply(
                    json.dumps({**json.loads(PHONE), "outbound_agents": []}).encode(), content_type="application/json"
                )
            },
            {"numbers": [NUMBER]},
            f"phone number {NUMBER} has no outbound agent",
        ),
        (
            {"/get-agent/agent_sales": Reply(b"<html>", content_type="application/json")},
            {"agent_ids": ["agent_sales"]},
            "agent agent_sales: {server}'s answer is not JSON (Expecting value at line 1, column 1)",
        ),
        ({}, {"agent_ids": [""]}, "agent : Expected a non-empty value for `agent_id`"),
    ],
)
def test_every_failure_names_the_request_and_the_cause(routes: dict[str, Reply], call: dict[str, Any], says: str) -> None:
    with serve({**api_routes(), **routes}) as server, pytest.raises(PullError) as caught:
        pull(client(server.url("")), **call)
    assert says.format(server=server.url("")) in str(caught.value)


def test_no_network_and_no_answer_in_time() -> None:
    port = closed_port()
    with pytest.raises(PullError, match=rf"agent a: cannot reach http://127.0.0.1:{port}: "):
        pull(client(f"http://127.0.0.1:{port}"), ["a"])
    with (
        silent_listener() as silent,
        pytest.raises(PullError, match=r"agent a: no answer from http://127.0.0.1:\d+ in time \(timeout 0.3 s; --timeout sets it\)"),
    ):
        pull(client(f"http://127.0.0.1:{silent}", timeout=0.3), ["a"])
