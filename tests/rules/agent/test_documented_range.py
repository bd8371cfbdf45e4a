"""RBV504 documented-range: an override number outside the range the spec states in prose, with the clamp as an unsafe fix."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers import check, check_text, one, with_agent
from tests.rules.agent import AGENT, LLM, others_test
from tests.rules.cases import At, Case, cases_test, flags, passes
from validator.diagnostics import Fix

CODE = "RBV504"

# (field, a value past the limit, the limit itself, the range the hint states)
RANGES: list[tuple[str, float, float, str]] = [
    ("voice_temperature", 2.01, 2, "[0, 2]"),
    ("voice_temperature", -0.01, 0, "[0, 2]"),
    ("volume", 2.5, 2, "[0, 2]"),
    ("ambient_sound_volume", 3, 0, "[0, 2]"),
    ("backchannel_frequency", 1.01, 1, "[0, 1]"),
    ("begin_message_delay_ms", 5001, 5000, "[0, 5000]"),
    ("end_call_after_silence_ms", 9999, 10000, "≥ 10000"),
    ("max_call_duration_ms", 59999, 60000, "[60000, 7200000]"),
    ("max_call_duration_ms", 7200001, 7200000, "[60000, 7200000]"),
    ("voicemail_detection_timeout_ms", 4999, 5000, "[5000, 180000]"),
    ("voicemail_detection_timeout_ms", 180001, 180000, "[5000, 180000]"),
    ("reminder_trigger_ms", 0, 1, "> 0"),
    ("reminder_max_count", -1, 0, "≥ 0"),
]


def agent(field: str, value: float) -> dict[str, Any]:
    """``field`` set to ``value``, with the prerequisite RBV508 would otherwise ask for."""
    extra: dict[str, Any] = {"enable_backchannel": True} if field == "backchannel_frequency" else {}
    return with_agent(**{field: value, **extra})


YAML = "".join(
    [
        "from_number: '+14157774444'\n",
        "tasks:\n",
        "  - to_number: '+12137774445'\n",
        "    agent_override:\n",
        "      agent:\n",
        "        volume: 2.5\n",  # line 6
    ]
)

CASES: list[Case] = [
    *(
        flags(f"{field} {bad}", agent(field, bad), At(f"{AGENT}/{field}", "error", says=f"found {json.dumps(bad)}"))
        for field, bad, _, _ in RANGES
    ),
    *(passes(f"{field} {limit}", agent(field, limit)) for field, _, limit, _ in RANGES),
    flags("in the retell_llm section", with_agent("retell_llm", model_temperature=1.5), At(f"{LLM}/model_temperature", "error")),
    passes("model_temperature 1", with_agent("retell_llm", model_temperature=1)),
    flags("through YAML text", YAML, At(f"{AGENT}/volume", line=6), format="yaml"),
    passes("voice_speed: the schema's own maximum", with_agent(voice_speed=3)),
    passes("ring_duration_ms: the schema's own minimum", with_agent(ring_duration_ms=4999)),
    passes("data_storage_retention_days: the schema's own maximum", with_agent(data_storage_retention_days=731)),
    passes("a wrong type is the schema's", with_agent(volume="3")),
    passes("a duration with no stated range is RBV530's", with_agent(webhook_timeout_ms=0)),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(
    CODE,
    CASES,
    {
        "voice_speed: the schema's own maximum": ["RBV104"],
        "ring_duration_ms: the schema's own minimum": ["RBV104"],
        "data_storage_retention_days: the schema's own maximum": ["RBV104"],
        "a wrong type is the schema's": ["RBV102"],
        "a duration with no stated range is RBV530's": ["RBV530"],
    },
)


@pytest.mark.parametrize(("field", "bad", "allowed"), [(field, bad, allowed) for field, bad, _, allowed in RANGES])
def test_the_message_quotes_the_spec_and_the_hint_states_the_range(field: str, bad: float, allowed: str) -> None:
    d = one(check(agent(field, bad)), CODE)
    assert d.hint == f"allowed range: {allowed}"
    assert '(spec: "' in d.message


@pytest.mark.parametrize(
    ("field", "value", "fix"),
    [
        ("volume", 5, Fix(2, False, "use the maximum, 2")),
        ("max_call_duration_ms", 59999, Fix(60000, False, "use the minimum, 60000")),
        ("reminder_trigger_ms", 0, None),  # an exclusive bound has no nearest allowed value
    ],
)
def test_the_fix_clamps_to_an_inclusive_bound_unsafely(field: str, value: float, fix: Fix | None) -> None:
    assert one(check(agent(field, value)), CODE).fix == fix


def test_the_position_in_yaml_text_is_the_value() -> None:
    found = one(check_text(YAML, "yaml"), CODE)
    assert (found.line, found.column) == (6, 17)
