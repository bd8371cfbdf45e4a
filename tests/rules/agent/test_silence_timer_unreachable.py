"""RBV522 silence-timer-unreachable: a reminder or silence timer that another timer always beats to the hang-up."""

from __future__ import annotations

from tests.helpers import with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV522"

CASES = [
    flags(
        "the reminder at the silence hang-up",
        with_agent(reminder_trigger_ms=20000, end_call_after_silence_ms=20000),
        At(f"{AGENT}/reminder_trigger_ms", "warning", says="the call ends for silence before the reminder"),
    ),
    passes("the reminder 1 ms before the silence hang-up", with_agent(reminder_trigger_ms=19999, end_call_after_silence_ms=20000)),
    passes("reminders off", with_agent(reminder_trigger_ms=20000, end_call_after_silence_ms=20000, reminder_max_count=0)),
    flags(
        "the silence hang-up at the maximum call length",
        with_agent(end_call_after_silence_ms=3600000, max_call_duration_ms=3600000),
        At(f"{AGENT}/end_call_after_silence_ms", "warning", says="the call reaches its maximum length"),
    ),
    passes(
        "the silence hang-up 1 ms before the maximum call length",
        with_agent(end_call_after_silence_ms=3599999, max_call_duration_ms=3600000),
    ),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)
