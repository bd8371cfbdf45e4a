"""Agents shaped exactly as Retell's API returns them: built with the SDK's own response types, written with ``to_json()``.

Three agents cover every place a placeholder stands:

* ``agent_sales``: a multi-state Retell LLM (``llm_sales``), versions 2 and 3 (latest), tagged
  ``prod`` (version 3, whose dynamic variables give ``goodbye``) and ``beta`` (version 2);
  begin message, general prompt, a state prompt, tool descriptions, a tool's URL, an end-call
  tool, variables set during the call (``response_variables``, an extract tool), defaults, the
  voicemail message. The phone number ``+14157774444`` calls out with it at ``prod``.
* ``agent_support``: a conversation flow (``cf_support``) whose agent speaks first: the start
  node's static text, a prompt node, an edge's condition, the global prompt, a tool, an extract
  node, defaults.
* ``agent_custom``: a custom LLM (its prompts are the user's server's), with a voicemail message.

:func:`api_routes` serves them as Retell's API does, for ``agent pull`` against a local server;
:func:`pulled_folder` writes the files ``agent pull`` would write, for the rules' tests.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from retell.types import AgentResponse, ConversationFlowResponse, LlmResponse, PhoneNumberResponse
from retell.types.agent_list_response import AgentListResponse

from tests.local_http import Reply
from validator.agents.store import agent_document, agent_file_name, write_json_atomic

NUMBER = "+14157774444"  # the seed payload's from_number
STAMP = 1780000000000

SALES_LLM: dict[str, Any] = {
    "llm_id": "llm_sales",
    "last_modification_timestamp": STAMP,
    "version": 3,
    "begin_message": "Hi {{first_name}}, this is Ava from {{ company }} about your order.",
    "general_prompt": "You call {{first_name}} about order {{order_id}}. It is {{current_time_America/New_York}}; they are {{user_number}}.",
    "default_dynamic_variables": {"company": "Acme"},
    "general_tools": [
        {"type": "end_call", "name": "end_call", "description": "End the call after saying {{goodbye}}."},
        {
            "type": "extract_dynamic_variable",
            "name": "extract_callback",
            "description": "Note when they want a callback.",
            "variables": [{"type": "string", "name": "callback_time", "description": "When to call back"}],
        },
    ],
    "starting_state": "qualify",
    "states": [
        {
            "name": "qualify",
            "state_prompt": "Confirm the delivery address {{ address }}, then the order status {{order_status}}.",
            "tools": [
                {
                    "type": "custom",
                    "name": "lookup_order",
                    "description": "Look up order {{order_id}} for account {{account_ref}}.",
                    "url": "https://api.example.com/orders/{{order_id}}",
                    "headers": {"Authorization": "Bearer sk_live_123", "X-Account": "{{account_ref}}"},
                    "response_variables": {"order_status": "$.status"},
                    "speak_after_execution": True,
                    "speak_during_execution": False,
                }
            ],
        },
        {"name": "wrap_up", "state_prompt": "Offer a callback at {{callback_time}}."},
    ],
}
SALES_LLM_V2: dict[str, Any] = {
    "llm_id": "llm_sales",
    "last_modification_timestamp": STAMP,
    "version": 2,
    "begin_message": "Hello {{name}}!",
    "general_prompt": "You call about order {{order_id}}.",
}
SUPPORT_FLOW: dict[str, Any] = {
    "conversation_flow_id": "cf_support",
    "last_modification_timestamp": STAMP,
    "version": 1,
    "start_speaker": "agent",
    "start_node_id": "greet",
    "global_prompt": "You support {{customer_name}} on the {{ plan_tier }} plan.",
    "default_dynamic_variables": {"plan_tier": "standard"},
    "nodes": [
        {
            "id": "greet",
            "name": "Greeting",
            "type": "conversation",
            "instruction": {"type": "static_text", "text": "Hello {{customer_name}}, about ticket {{ticket_id}}."},
            "edges": [
                {"id": "e1", "transition_condition": {"type": "prompt", "prompt": "They mention {{product}}"}, "destination_node_id": "ask"}
            ],
        },
        {"id": "ask", "name": "Ask", "type": "conversation", "instruction": {"type": "prompt", "text": "Ask what broke in {{product}}."}},
        {"id": "note", "type": "extract_dynamic_variables", "variables": [{"type": "string", "name": "issue", "description": "The issue"}]},
        {"id": "bye", "name": "Goodbye", "type": "end", "instruction": {"type": "static_text", "text": "We will fix {{issue}}."}},
    ],
    "tools": [
        {
            "type": "custom",
            "tool_id": "t_ticket",
            "name": "fetch_ticket",
            "description": "Fetch ticket {{ticket_id}}.",
            "url": "https://api.example.com/tickets/{{ticket_id}}",
            "speak_after_execution": True,
            "speak_during_execution": False,
        }
    ],
}


def _agent(agent_id: str, version: int, engine: dict[str, Any], **fields: Any) -> str:
    return AgentResponse.model_validate(
        {
            "agent_id": agent_id,
            "last_modification_timestamp": STAMP,
            "version": version,
            "voice_id": "11labs-Adrian",
            "response_engine": engine,
            **fields,
        }
    ).to_json()


AGENTS: dict[tuple[str, int], str] = {
    ("agent_sales", 3): _agent(
        "agent_sales",
        3,
        {"type": "retell-llm", "llm_id": "llm_sales", "version": 3},
        agent_name="Sales",
        is_published=True,
        assigned_tags=["prod"],
        voicemail_option={"action": {"type": "static_text", "text": "Hi {{first_name}}, please call us back about {{order_id}}."}},
    ),
    ("agent_sales", 2): _agent(
        "agent_sales",
        2,
        {"type": "retell-llm", "llm_id": "llm_sales", "version": 2},
        agent_name="Sales",
        is_published=True,
        assigned_tags=["beta"],
    ),
    ("agent_support", 1): _agent(
        "agent_support", 1, {"type": "conversation-flow", "conversation_flow_id": "cf_support", "version": 1}, agent_name="Support"
    ),
    ("agent_custom", 0): _agent(
        "agent_custom",
        0,
        {"type": "custom-llm", "llm_websocket_url": "wss://llm.example.com"},
        voicemail_option={"action": {"type": "static_text", "text": "Call {{callback_number}}."}},
    ),
}
ENGINES: dict[tuple[str, int], str] = {
    ("/get-retell-llm/llm_sales", 3): LlmResponse.model_validate(SALES_LLM).to_json(),
    ("/get-retell-llm/llm_sales", 2): LlmResponse.model_validate(SALES_LLM_V2).to_json(),
    ("/get-conversation-flow/cf_support", 1): ConversationFlowResponse.model_validate(SUPPORT_FLOW).to_json(),
}
LATEST = {"agent_sales": 3, "agent_support": 1, "agent_custom": 0}
TAGS: dict[str, dict[str, dict[str, Any]]] = {
    "agent_sales": {
        "prod": {"version": 3, "dynamic_variables": {"goodbye": "Have a good day"}},
        "beta": {"version": 2, "dynamic_variables": {}},
    },
    "agent_support": {},
    "agent_custom": {},
}
PHONE = PhoneNumberResponse.model_validate(
    {
        "phone_number": NUMBER,
        "phone_number_type": "retell-twilio",
        "last_modification_timestamp": STAMP,
        "outbound_agents": [{"agent_id": "agent_sales", "agent_version": "prod", "weight": 1}],
    }
).to_json()


def _json(text: str) -> bytes:
    return text.encode()


def api_routes(agent_ids: Iterable[str] = LATEST) -> dict[str, Reply]:
    """Retell's API for the three agents: get-agent (latest, each version, the tags), the engines, the phone number, list-agents."""
    routes: dict[str, Reply] = {}
    for (agent_id, version), body in AGENTS.items():
        if agent_id not in agent_ids:
            continue
        reply = Reply(_json(body), content_type="application/json")
        routes[f"/get-agent/{agent_id}?version={version}"] = reply
        if version == LATEST[agent_id]:
            routes[f"/get-agent/{agent_id}"] = reply
        for tag, assigned in TAGS[agent_id].items():
            if assigned["version"] == version:
                routes[f"/get-agent/{agent_id}?version={tag}"] = reply
    for (path, version), body in ENGINES.items():
        routes[f"{path}?version={version}"] = Reply(_json(body), content_type="application/json")
    routes[f"/get-phone-number/{NUMBER}"] = Reply(_json(PHONE), content_type="application/json")
    items = [
        {
            "agent_id": agent_id,
            "agent_name": agent_id,
            "channel": "voice",
            "is_suspended": False,
            "user_modified_timestamp": STAMP,
            "tags": tags,
        }
        for agent_id, tags in TAGS.items()
    ]
    listing = AgentListResponse.model_validate({"has_more": False, "items": items}).to_json()
    routes["/v2/list-agents"] = Reply(_json(listing), content_type="application/json")
    return routes


def document(agent_id: str, versions: Iterable[int] | None = None, *, phone: bool = False) -> dict[str, Any]:
    """The file ``agent pull`` writes for an agent (all its versions unless told), with the SDK's JSON of each."""
    wanted = [v for (a, v) in AGENTS if a == agent_id and (versions is None or v in versions)]
    listed = []
    for version in wanted:
        agent = json.loads(AGENTS[(agent_id, version)])
        engine = agent["response_engine"]
        item: dict[str, Any] = {"agent": agent}
        if engine["type"] == "retell-llm":
            item["retell_llm"] = json.loads(ENGINES[("/get-retell-llm/" + engine["llm_id"], version)])
        elif engine["type"] == "conversation-flow":
            item["conversation_flow"] = json.loads(ENGINES[("/get-conversation-flow/" + engine["conversation_flow_id"], version)])
        listed.append(item)
    refs = {"latest": LATEST[agent_id], **{tag: t["version"] for tag, t in TAGS[agent_id].items()}}
    return agent_document(agent_id, listed, refs, TAGS[agent_id], [json.loads(PHONE)] if phone else [])


def write_folder(folder: Path, documents: dict[str, dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for agent_id, content in documents.items():
        write_json_atomic(folder / agent_file_name(agent_id), content)
    return folder


@cache
def pulled_folder() -> Path:
    """The three agents as ``agent pull`` writes them (``agent_sales`` with its phone number), in a folder made once per test run."""
    folder = Path(tempfile.mkdtemp(prefix="pulled-agents-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return write_folder(
        folder,
        {
            "agent_sales": document("agent_sales", phone=True),
            "agent_support": document("agent_support"),
            "agent_custom": document("agent_custom"),
        },
    )
