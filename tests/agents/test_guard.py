"""The SDK guard with pulled agents: checked against a folder, and pulling what a payload runs on demand."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from retell import AsyncRetell, Retell
from retell.types.batch_call_create_batch_call_params import Task

from tests.agents.sdk_agents import NUMBER, api_routes, document, write_folder
from tests.helpers import FIXED_NOW
from tests.local_http import LocalServer, Reply, serve
from tests.rules.tasks.agents import SALES, call, sales
from validator.agents.store import load_agents
from validator.retell import PayloadRejected, PullError, check_create_batch_call, guard

RESPONSE = json.dumps({"batch_call_id": "b", "from_number": NUMBER, "scheduled_timestamp": 1, "total_task_count": 1}).encode()


@pytest.fixture
def api() -> Iterator[LocalServer]:
    with serve({**api_routes(), "/create-batch-call": Reply(RESPONSE, status=201, content_type="application/json")}) as running:
        yield running


def _tasks(*tasks: dict[str, Any]) -> Any:
    """Tasks as the SDK's ``Task`` TypedDicts (plain dicts here)."""
    return list(tasks)


def _sent(server: LocalServer) -> list[str]:
    return [r.path for r in server.requests if r.path == "/create-batch-call"]


def test_a_task_missing_a_begin_variable_is_not_sent(api: LocalServer, tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "agents", {"agent_sales": document("agent_sales", phone=True)})
    client = guard(Retell(api_key="k", base_url=api.url(""), max_retries=0), agents=folder, now=FIXED_NOW)
    with pytest.raises(PayloadRejected) as rejected:
        client.batch_call.create_batch_call(from_number=NUMBER, tasks=_tasks(sales(0, without=("first_name",))))
    assert rejected.value.report.codes == ["RBV606"]
    assert _sent(api) == []
    client.batch_call.create_batch_call(from_number=NUMBER, tasks=_tasks(sales(0)))
    assert _sent(api) == ["/create-batch-call"]


def test_fetch_agents_pulls_what_the_payload_runs_into_the_folder_then_checks(api: LocalServer, tmp_path: Path) -> None:
    folder = tmp_path / "agents"
    client = guard(Retell(api_key="k", base_url=api.url(""), max_retries=0), agents=folder, fetch_agents=True, now=FIXED_NOW)
    tasks = [
        sales(0, without=("first_name",)),
        call(1, {"name": "A", "order_id": "1"}, override_agent_id="agent_sales", override_agent_version=2),
    ]
    with pytest.raises(PayloadRejected) as rejected:
        client.batch_call.create_batch_call(from_number=NUMBER, tasks=_tasks(*tasks))
    assert [code for code in rejected.value.report.codes if code.startswith("RBV6")] == ["RBV606"]
    agents = load_agents(folder)
    assert set(agents.agents["agent_sales"].versions) == {2, 3} and NUMBER in agents.routes
    requests = len(api.requests)
    client.batch_call.create_batch_call(from_number=NUMBER, tasks=_tasks(sales(0)))
    assert [r.path for r in api.requests[requests:]] == ["/create-batch-call"]  # pulled once: nothing more to fetch


def test_fetch_agents_with_the_async_client(api: LocalServer, tmp_path: Path) -> None:
    folder = tmp_path / "agents"
    client = guard(AsyncRetell(api_key="k", base_url=api.url(""), max_retries=0), agents=folder, fetch_agents=True, now=FIXED_NOW)
    asyncio.run(
        client.batch_call.create_batch_call(
            from_number=NUMBER,
            tasks=_tasks(call(0, {"customer_name": "A", "ticket_id": "1", "product": "x"}, override_agent_id="agent_support")),
        )
    )
    assert set(load_agents(folder).agents) == {"agent_support"}
    assert _sent(api) == ["/create-batch-call"]


def test_a_failed_pull_raises_and_sends_nothing(api: LocalServer, tmp_path: Path) -> None:
    client = guard(Retell(api_key="k", base_url=api.url(""), max_retries=0), agents=tmp_path / "agents", fetch_agents=True, now=FIXED_NOW)
    with pytest.raises(PullError, match="agent agent_nope: not found"):
        client.batch_call.create_batch_call(from_number=NUMBER, tasks=_tasks(call(0, SALES, override_agent_id="agent_nope")))
    assert _sent(api) == [] and not (tmp_path / "agents").exists()


def test_fetch_agents_needs_a_folder_and_the_configuration_can_name_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    with pytest.raises(ValueError, match="fetch_agents=True needs a folder to pull into"):
        guard(Retell(api_key="k", base_url="http://127.0.0.1:1"), fetch_agents=True)
    write_folder(tmp_path / "pulled", {"agent_sales": document("agent_sales", phone=True)})
    (tmp_path / ".retell-validate.toml").write_text(f'agents = "pulled"\nnow = "{FIXED_NOW}"\n')
    report = check_create_batch_call(from_number=NUMBER, tasks=[cast("Task", sales(0, without=("order_id",)))])
    assert report.codes == ["RBV605"]


def test_a_version_pinned_for_the_numbers_agent_is_pulled_once_the_number_is_known(api: LocalServer, tmp_path: Path) -> None:
    folder = tmp_path / "agents"
    client = guard(Retell(api_key="k", base_url=api.url(""), max_retries=0), agents=folder, fetch_agents=True, now=FIXED_NOW)
    client.batch_call.create_batch_call(from_number=NUMBER, tasks=_tasks(call(0, {"name": "A", "order_id": "1"}, override_agent_version=2)))
    assert set(load_agents(folder).agents["agent_sales"].versions) == {2, 3}
    assert _sent(api) == ["/create-batch-call"]
