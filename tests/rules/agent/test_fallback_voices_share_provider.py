"""RBV515 fallback-voices-share-provider: two fallback voices from one TTS provider, the second adding nothing."""

from __future__ import annotations

from tests.helpers import check, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV515"

CASES = [
    flags(
        "two Cartesia fallbacks",
        with_agent(voice_id="11labs-Adrian", fallback_voice_ids=["cartesia-Cimo", "cartesia-Tina", "openai-Alloy"]),
        At(f"{AGENT}/fallback_voice_ids/1", "warning", says='like fallback "cartesia-Cimo" (item 0)'),
    ),
    passes(
        "four providers, two unknown",
        with_agent(fallback_voice_ids=["cartesia-Cimo", "minimax-Cimo", "custom_a", "custom_b"]),
    ),
    passes(
        "the same voice twice is RBV526's repeat", with_agent(voice_id="11labs-Adrian", fallback_voice_ids=["openai-Alloy", "openai-Alloy"])
    ),
    passes(
        "a fallback sharing the voice_id's provider is RBV514's",
        with_agent(voice_id="11labs-Adrian", fallback_voice_ids=["11labs-Rachel", "11labs-Josh"]),
    ),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(
    CODE,
    CASES,
    {
        "a fallback sharing the voice_id's provider is RBV514's": ["RBV514", "RBV514"],
        "the same voice twice is RBV526's repeat": ["RBV526"],
    },
)


def test_the_same_voice_twice_is_left_to_the_repeated_item_rule() -> None:
    report = check(with_agent(fallback_voice_ids=["openai-Alloy", "openai-Alloy"]))
    assert [(d.code, d.pointer) for d in report.diagnostics] == [("RBV526", f"{AGENT}/fallback_voice_ids/1")]
