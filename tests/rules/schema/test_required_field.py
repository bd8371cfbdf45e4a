"""RBV101 required-field: a missing required field, at the object that lacks it, once, with what the field is for."""

from __future__ import annotations

from typing import Any

from tests.helpers import check, one, seed, with_agent
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV101"
AGENT = "/tasks/0/agent_override/agent"


def without(field: str) -> dict[str, Any]:
    payload = seed()
    del payload[field]
    return payload


CASES = [
    flags("no from_number", without("from_number"), At("", "error", says="`from_number`")),
    flags("no tasks", without("tasks"), At("", "error", says="`tasks`")),
    flags("a task without to_number", seed(tasks=[{"to_number": "+12137774445"}, {"metadata": {}}]), "/tasks/1"),
    flags("a window without end", seed(call_time_window={"windows": [{"start": 540}]}), At("/call_time_window/windows/0", says="`end`")),
    flags(
        "each missing field once",
        {"name": "x"},
        At("", says="missing required field `from_number`"),
        At("", says="missing required field `tasks`"),
    ),
    flags(
        "inside the response engine its type names",
        with_agent(response_engine={"type": "conversation-flow"}),
        At(f"{AGENT}/response_engine", says="`conversation_flow_id`"),
    ),
    flags(
        "inside a post-call analysis item",
        with_agent(post_call_analysis_data=[{"type": "number", "name": "count"}]),
        At(f"{AGENT}/post_call_analysis_data/0", says="`description`"),
    ),
    flags("in JSON text", '{"tasks": []}', At("", line=1, says="`from_number`"), format="json"),
    passes("the seed payload", seed()),
    passes("a window with start and end", seed(call_time_window={"windows": [{"start": 540, "end": 1020}]})),
    passes("the response engine complete", with_agent(response_engine={"type": "conversation-flow", "conversation_flow_id": "cf_1"})),
]

test_cases = cases_test(CODE, CASES)


def test_the_hint_says_what_the_field_is_for() -> None:
    d = one(check(seed(tasks=[{"to_number": "+12137774445"}, {"metadata": {}}])), CODE)
    assert d.hint is not None and "E.164" in d.hint


def test_response_engine_without_its_id_reads_well_once() -> None:
    report = check(with_agent(response_engine={"type": "conversation-flow"}))
    found = one(report, "RBV101")
    assert found.pointer == "/tasks/0/agent_override/agent/response_engine"
    assert found.message == "missing required field `conversation_flow_id`"
    assert found.hint == "add `conversation_flow_id`: ID of the Conversation Flow Response Engine"
    assert len(report.diagnostics) == 1
