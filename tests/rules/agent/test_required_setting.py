"""RBV507 required-setting: a setting whose companion the spec requires is missing or null (`stt_mode: custom`)."""

from __future__ import annotations

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV507"

CASES = [
    flags("custom without custom_stt_config", with_agent(stt_mode="custom"), At(f"{AGENT}/stt_mode", "error", says="is missing")),
    flags(
        "custom with custom_stt_config null", with_agent(stt_mode="custom", custom_stt_config=None), At(f"{AGENT}/stt_mode", says="is null")
    ),
    passes("another mode", with_agent(stt_mode="accurate")),
    passes("custom with its config", with_agent(stt_mode="custom", custom_stt_config={"provider": "deepgram", "endpointing_ms": 300})),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)


def test_the_hint_adds_the_companion_or_changes_the_setting() -> None:
    assert one(check(with_agent(stt_mode="custom")), CODE).hint == "add `custom_stt_config`, or choose another `stt_mode`"
