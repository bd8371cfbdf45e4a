"""RBV107 no-matching-alternative: a value that fits none of a field's forms, worded for the form that was meant."""

from __future__ import annotations

from tests.helpers import check, one, with_agent, with_task
from tests.rules.cases import At, cases_test, flags, passes
from validator import Settings

CODE = "RBV107"
AGENT = "/tasks/0/agent_override/agent"
# By default RBV501 (agent-version-reference) words a bad agent version; the generic message is checked here.
NO_RBV501 = Settings(ignore=frozenset({"RBV501"}))

CASES = [
    flags(
        "a negative agent version",
        with_task(override_agent_version=-1),
        At("/tasks/0/override_agent_version", "error", says="non-negative integer"),
        settings=NO_RBV501,
    ),
    passes("version 0", with_task(override_agent_version=0), settings=NO_RBV501),
    passes("a lower-case tag", with_task(override_agent_version="prod"), settings=NO_RBV501),
    flags(
        "an unknown response engine type",
        with_agent(response_engine={"type": "gpt"}),
        At(f"{AGENT}/response_engine/type", says="retell-llm"),
    ),
    flags(
        "a response engine without type",
        with_agent(response_engine={"llm_id": "llm_1"}),
        At(f"{AGENT}/response_engine", says="needs a `type`"),
    ),
    passes("a complete retell-llm engine", with_agent(response_engine={"type": "retell-llm", "llm_id": "llm_1"})),
    flags(
        "an object as type tag",
        with_agent("conversation_flow", model_choice={"type": {}}),
        "/tasks/0/agent_override/conversation_flow/model_choice/type",
    ),
    passes("the listed type tag", with_agent("conversation_flow", model_choice={"type": "cascading", "model": "gpt-4.1"})),
]

test_cases = cases_test(CODE, CASES)


def test_a_scalar_gets_one_readable_message_listing_the_forms() -> None:
    report = check(with_task(override_agent_version=-1), settings=NO_RBV501)
    [d] = [d for d in report.diagnostics if d.code.startswith("RBV1")]
    assert d.pointer == "/tasks/0/override_agent_version"
    assert "non-negative integer" in d.message and "^(latest|" in d.message


def test_an_object_is_reported_inside_the_form_it_meant() -> None:
    report = check(with_agent(response_engine={"type": "conversation-flow"}))
    assert one(report, "RBV101").pointer == f"{AGENT}/response_engine"
    assert CODE not in report.codes
