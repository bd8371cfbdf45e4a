"""Fetch agents with Retell's official SDK: each agent with its response engine, the versions asked for, its tags, phone numbers.

Needs the ``retell`` extra. Everything is fetched before anything is written, so a failure
(a refused key, an unknown id, no network, no answer in time) leaves the folder as it was;
:class:`PullError` says which request failed and why. Header values of custom tools that hold
no placeholder are replaced by ``<redacted>`` before a file is written: the files are meant to
be committed, and tools' headers often carry credentials.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from retell import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    Retell,
    RetellError,
    omit,
)

from validator.agents.model import ENGINE_IDS, ENGINE_SECTIONS, ENGINE_WORDS, Ref
from validator.agents.store import agent_document

T = TypeVar("T")
REDACTED = "<redacted>"
_PAGE = 1000  # agents per page when looking up an agent's tags


class PullError(Exception):
    """A request to Retell failed; the message says which and why (nothing was written)."""


@dataclass
class Pulled:
    """What one pull fetched: each agent's file object, and the phone numbers looked up (their routing is now known)."""

    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    numbers: set[str] = field(default_factory=set)


def pull(
    client: Retell,
    agent_ids: Iterable[str] = (),
    numbers: Iterable[str] = (),
    versions: Iterable[Ref] = (),
    pinned: Mapping[str, Iterable[Ref]] | None = None,
) -> Pulled:
    """Fetch ``agent_ids`` and the outbound agents of ``numbers``, each at the version it uses and at ``versions``;
    ``pinned``: more versions of some agents (agent id → references), fetched with them."""
    wanted: dict[str, dict[Ref, None]] = {}  # agent id → references to fetch, in order
    extra = list(dict.fromkeys(versions))
    for agent_id in agent_ids:
        wanted.setdefault(agent_id, dict.fromkeys([None, *extra]))
    for agent_id, refs in (pinned or {}).items():
        wanted.setdefault(agent_id, dict.fromkeys([None, *extra])).update(dict.fromkeys(refs))
    phones: dict[str, list[dict[str, Any]]] = {}  # agent id → the phone numbers calling out with it
    pulled = Pulled()
    for number in dict.fromkeys(numbers):
        phone = _model_json(_ask(client, f"phone number {number}", client.phone_number.retrieve, number))
        outbound = phone.get("outbound_agents") or []
        if not outbound:
            raise PullError(f"phone number {number} has no outbound agent: nothing to pull for it (set one in Retell's dashboard)")
        for entry in outbound:
            refs = wanted.setdefault(entry["agent_id"], dict.fromkeys([None, *extra]))
            refs.setdefault(entry.get("agent_version"), None)
            phones.setdefault(entry["agent_id"], []).append(phone)
        pulled.numbers.add(phone.get("phone_number", number))
    for agent_id, refs in wanted.items():
        pulled.documents[agent_id] = _agent(client, agent_id, list(refs), phones.get(agent_id, []))
    return pulled


def _agent(client: Retell, agent_id: str, refs: list[Ref], phones: list[dict[str, Any]]) -> dict[str, Any]:
    fetched: dict[int, dict[str, Any]] = {}
    resolved: dict[str, int] = {}
    for ref in refs:
        what = f"agent {agent_id}" + ("" if ref is None else f" version {ref}")
        agent = _model_json(_ask(client, what, client.agent.retrieve, agent_id, version=omit if ref is None else ref))
        number = agent.get("version")
        if type(number) is not int:
            raise PullError(f"{what}: Retell's answer has no version number")
        resolved["latest" if ref is None else str(ref)] = number
        if number not in fetched:
            fetched[number] = {"agent": _redacted(agent), **_engine(client, agent)}
    tags = _tags(client, agent_id)
    return agent_document(agent_id, fetched.values(), {k: v for k, v in resolved.items() if not k.isdigit()}, tags, phones)


def _engine(client: Retell, agent: Mapping[str, Any]) -> dict[str, Any]:
    """The agent's response engine at the version the agent uses: ``{"retell_llm": {…}}``, ``{"conversation_flow": {…}}`` or nothing."""
    engine = agent.get("response_engine") or {}
    kind = str(engine.get("type"))
    section = ENGINE_SECTIONS.get(kind)
    if section is None:  # a custom LLM: its prompts live on the user's server
        return {}
    engine_id, version = str(engine.get(ENGINE_IDS[kind])), engine.get("version")
    at: Any = omit if version is None else int(version)
    what = f"{ENGINE_WORDS[kind]} {engine_id}" + ("" if version is None else f" version {int(version)}")
    resource: Any = client.llm if kind == "retell-llm" else client.conversation_flow
    return {section: _redacted(_model_json(_ask(client, what, resource.retrieve, engine_id, version=at)))}


def _tags(client: Retell, agent_id: str) -> dict[str, dict[str, Any]]:
    """The agent's version tags and their dynamic variables (list-agents holds them; the agent's own answer names only its tags)."""
    key: Any = omit
    while True:
        page = _ask(
            client,
            f"the version tags of agent {agent_id}",
            client.agent.list,
            filter_criteria={"query": agent_id},
            limit=_PAGE,
            pagination_key=key,
        )
        for item in page.items:
            if item.agent_id == agent_id:
                return {
                    name: {"version": tag.version, "dynamic_variables": dict(tag.dynamic_variables or {})}
                    for name, tag in item.tags.items()
                }
        if not page.has_more or not page.pagination_key:
            return {}
        key = page.pagination_key


def _model_json(model: Any) -> dict[str, Any]:
    """An SDK response as its ``to_json()`` writes it: what the API returned, in its own names."""
    data: dict[str, Any] = json.loads(model.to_json())
    return data


def _redacted(node: Any) -> Any:
    """``headers`` values holding no placeholder replaced by ``<redacted>``; everything else as it was."""
    if isinstance(node, dict):
        return {
            key: {k: v if not isinstance(v, str) or "{{" in v else REDACTED for k, v in value.items()}
            if key == "headers" and isinstance(value, dict)
            else _redacted(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_redacted(item) for item in node]
    return node


def _ask(client: Retell, what: str, request: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """One request; the SDK's errors become a :class:`PullError` that names the request, the server and the cause."""
    server = str(client.base_url).rstrip("/")
    try:
        return request(*args, **kwargs)
    except AuthenticationError:
        raise PullError(f"{what}: {server} refused the API key (401 Unauthorized): check RETELL_API_KEY") from None
    except PermissionDeniedError:
        raise PullError(f"{what}: the API key may not read it (403 Forbidden): use a key of the workspace that owns it") from None
    except NotFoundError:
        raise PullError(f"{what}: not found (404) at {server}: check the id, and that the API key is the right workspace's") from None
    except APITimeoutError:
        raise PullError(f"{what}: no answer from {server} in time (timeout {_seconds(client.timeout)}; --timeout sets it)") from None
    except APIConnectionError as exc:
        cause = exc.__cause__ or exc
        raise PullError(f"{what}: cannot reach {server}: {cause}") from None
    except APIStatusError as exc:
        raise PullError(f"{what}: {server} answered {exc.status_code}: {_detail(exc)}") from None
    except APIResponseValidationError as exc:
        raise PullError(f"{what}: {server}'s answer is not what Retell's SDK expects: {exc}") from None
    except RetellError as exc:
        raise PullError(f"{what}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise PullError(f"{what}: {server}'s answer is not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except ValueError as exc:  # the SDK's own refusal, e.g. an empty id
        raise PullError(f"{what}: {exc}") from None


def _seconds(timeout: Any) -> str:
    seconds = timeout.read if hasattr(timeout, "read") else timeout
    return f"{seconds:g} s" if isinstance(seconds, int | float) else str(seconds)


def _detail(exc: APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        for key in ("error_message", "message", "error"):
            if isinstance(body.get(key), str):
                return str(body[key])
    return str(exc.message)[:200]
