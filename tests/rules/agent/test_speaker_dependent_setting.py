"""RBV520 speaker-dependent-setting: a setting for one side speaking first, in an override where the other side does."""

from __future__ import annotations

from tests.helpers import check, with_agent, with_task
from tests.rules.agent import AGENT, FLOW, LLM, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV520"


def delay_with(**llm: str) -> dict[str, object]:
    return with_task(agent_override={"agent": {"begin_message_delay_ms": 1000}, "retell_llm": llm})


CASES = [
    flags(
        "a begin delay when the user speaks first",
        delay_with(start_speaker="user"),
        At(f"{AGENT}/begin_message_delay_ms", "info", says='`retell_llm.start_speaker` is "user"'),
    ),
    flags(
        "a begin delay when begin_message is empty",
        delay_with(begin_message=""),
        At(f"{AGENT}/begin_message_delay_ms", "info", says='`retell_llm.begin_message` is ""'),
    ),
    flags(
        "user silence when the agent speaks first",
        with_agent("conversation_flow", start_speaker="agent", begin_after_user_silence_ms=2000),
        At(f"{FLOW}/begin_after_user_silence_ms", "info"),
    ),
    flags(
        "an empty begin message against start_speaker agent",
        with_agent("retell_llm", start_speaker="agent", begin_message=""),
        At(f"{LLM}/begin_message", "info"),
    ),
    passes("a begin delay when the agent speaks first", delay_with(start_speaker="agent")),
    passes(
        "user silence when the user speaks first", with_agent("conversation_flow", start_speaker="user", begin_after_user_silence_ms=2000)
    ),
    passes("a begin message when the agent speaks first", with_agent("retell_llm", start_speaker="agent", begin_message="Hi!")),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)


def test_a_wrongly_typed_user_silence_is_the_schemas_finding_only() -> None:
    report = check(with_agent("conversation_flow", start_speaker="agent", begin_after_user_silence_ms="2000"))
    assert [(d.code, d.pointer) for d in report.diagnostics] == [("RBV102", f"{FLOW}/begin_after_user_silence_ms")]


def test_a_wrongly_typed_delay_is_the_schemas_finding_only() -> None:
    report = check(with_task(agent_override={"agent": {"begin_message_delay_ms": "1000"}, "retell_llm": {"start_speaker": "user"}}))
    assert [(d.code, d.pointer) for d in report.diagnostics] == [("RBV102", f"{AGENT}/begin_message_delay_ms")]
