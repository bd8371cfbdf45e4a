"""The prose extractor finds exactly the constraints the bundled spec states in words.

When a spec update rewords a description, these sets change and the test says
which check was gained or lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from validator.openapi.load import Spec, load_spec
from validator.openapi.prose import Range, prose_constraints

AGENT = ("tasks", "*", "agent_override", "agent")
LLM = ("tasks", "*", "agent_override", "retell_llm")
FLOW = ("tasks", "*", "agent_override", "conversation_flow")

# (location, low, high, low_exclusive, integer, implied) of every range stated in a description.
STATED = {
    ((*AGENT, "voice_temperature"), 0, 2, False, False, False),
    ((*AGENT, "voice_speed"), 0.5, 2, False, False, False),
    ((*AGENT, "volume"), 0, 2, False, False, False),
    ((*AGENT, "responsiveness"), 0, 1, False, False, False),
    ((*AGENT, "interruption_sensitivity"), 0, 1, False, False, False),
    ((*AGENT, "backchannel_frequency"), 0, 1, False, False, False),
    ((*AGENT, "reminder_trigger_ms"), 0, None, True, False, False),
    ((*AGENT, "reminder_max_count"), 0, None, False, True, False),
    ((*AGENT, "ambient_sound_volume"), 0, 2, False, False, False),
    ((*AGENT, "webhook_timeout_ms"), 0, None, True, False, True),
    ((*AGENT, "data_storage_retention_days"), 1, 730, False, False, False),
    ((*AGENT, "signed_url_expiration_ms"), 0, None, True, False, True),
    ((*AGENT, "end_call_after_silence_ms"), 10000, None, False, False, False),
    ((*AGENT, "max_call_duration_ms"), 60000, 7200000, False, False, False),
    ((*AGENT, "voicemail_detection_timeout_ms"), 5000, 180000, False, False, False),
    ((*AGENT, "begin_message_delay_ms"), 0, 5000, False, False, False),
    ((*AGENT, "ring_duration_ms"), 5000, 300000, False, False, False),
    ((*AGENT, "user_dtmf_options", "timeout_ms"), 0, None, False, False, True),
    ((*LLM, "model_temperature"), 0, 1, False, False, False),
    ((*LLM, "begin_after_user_silence_ms"), 0, None, False, False, True),
    ((*FLOW, "begin_after_user_silence_ms"), 0, None, False, False, True),
}

# What is left once the schema's own minimum/maximum/integer keywords are taken out.
LEFT_FOR_RBV504 = {
    ((*AGENT, "voice_temperature"), 0, 2, False, False, False),
    ((*AGENT, "volume"), 0, 2, False, False, False),
    ((*AGENT, "backchannel_frequency"), 0, 1, False, False, False),
    ((*AGENT, "reminder_trigger_ms"), 0, None, True, False, False),
    ((*AGENT, "reminder_max_count"), 0, None, False, False, False),  # integer: the schema's type
    ((*AGENT, "ambient_sound_volume"), 0, 2, False, False, False),
    ((*AGENT, "webhook_timeout_ms"), 0, None, True, False, True),
    ((*AGENT, "signed_url_expiration_ms"), 0, None, True, False, True),
    ((*AGENT, "end_call_after_silence_ms"), 10000, None, False, False, False),
    ((*AGENT, "max_call_duration_ms"), 60000, 7200000, False, False, False),
    ((*AGENT, "voicemail_detection_timeout_ms"), 5000, 180000, False, False, False),
    ((*AGENT, "begin_message_delay_ms"), 0, 5000, False, False, False),
    ((*LLM, "model_temperature"), 0, 1, False, False, False),
    ((*LLM, "begin_after_user_silence_ms"), 0, None, False, False, True),
    ((*FLOW, "begin_after_user_silence_ms"), 0, None, False, False, True),
}


def _tuple(r: Range) -> tuple[Any, ...]:
    return (r.location, r.low, r.high, r.low_exclusive, r.integer, r.implied)


def test_every_stated_range_is_found() -> None:
    found = [_tuple(r) for r in prose_constraints(load_spec()).ranges]
    assert len(found) == len(set(found))
    assert set(found) == STATED


def test_ranges_the_schema_enforces_are_not_checked_twice() -> None:
    assert {_tuple(r) for r in prose_constraints(load_spec()).unchecked_by_schema} == LEFT_FOR_RBV504


def test_ranges_quote_the_spec_sentence() -> None:
    texts = {r.location[-1]: r.text for r in prose_constraints(load_spec()).ranges}
    assert texts["end_call_after_silence_ms"] == "The minimum value allowed is 10,000 ms (10 s)."
    assert texts["webhook_timeout_ms"] == "The timeout for the webhook in milliseconds."


def test_conditions_found() -> None:
    prose = prose_constraints(load_spec())
    assert [(m.location, m.selector, m.minimums) for m in prose.provider_minimums] == [
        ((*AGENT, "custom_stt_config", "endpointing_ms"), "provider", (("azure", 100), ("deepgram", 10), ("soniox", 500)))
    ]
    assert {(p.location, p.needs, p.value) for p in prose.prerequisites} == {
        ((*AGENT, "backchannel_frequency"), "enable_backchannel", True),
        ((*AGENT, "backchannel_words"), "enable_backchannel", True),
        ((*AGENT, "signed_url_expiration_ms"), "opt_in_signed_url", True),
        ((*AGENT, "custom_stt_config"), "stt_mode", "custom"),
        ((*AGENT, "post_call_analysis_data", "*", "conditional_prompt"), "required", False),
        ((*AGENT, "user_dtmf_options"), "allow_user_dtmf", True),
    }
    unset = {p.needs: p.unset for p in prose.prerequisites}
    assert (unset["allow_user_dtmf"], unset["enable_backchannel"]) == (True, None)
    assert [(c.location, c.low, c.integer) for c in prose.counts] == [
        ((*AGENT, "response_engine", "version"), 0, True),
        ((*AGENT, "user_dtmf_options", "digit_limit"), None, True),  # the schema's minimum: 1 stands
    ]
    assert [(r.location, r.value, r.required) for r in prose.requirements] == [((*AGENT, "stt_mode"), "custom", "custom_stt_config")]
    assert [(e.location, e.other) for e in prose.exclusions] == [((*LLM, "s2s_model"), "model")]
    assert [(k.location, k.keys) for k in prose.key_sets] == [((*AGENT, "user_dtmf_options", "termination_key"), "0123456789#*")]
    assert [(s.location, s.providers) for s in prose.supported_providers] == [((*AGENT, "voice_emotion"), ("cartesia", "minimax"))]


def _spec_with(properties: dict[str, Any]) -> Spec:
    schema = {"type": "object", "properties": properties}
    return Spec(path=Path("synthetic.yaml"), text="", openapi={}, request_schema=schema)


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Must be a positive integer.", (0, None, True, True)),
        ("Must be a non-negative number.", (0, None, False, False)),
        ("Must be between 1 and 1,000.", (1, 1000, False, False)),
        ("The maximum value allowed is 2.5 (seconds).", (None, 2.5, False, False)),
        ("Value ranging from [ -1 , 1 ].", (-1, 1, False, False)),
    ],
)
def test_wordings(description: str, expected: tuple[Any, ...]) -> None:
    spec = _spec_with({"x": {"type": "number", "description": description}})
    (found,) = prose_constraints(spec).ranges
    assert (found.low, found.high, found.low_exclusive, found.integer) == expected


def test_descriptions_without_bounds_give_nothing() -> None:
    spec = _spec_with(
        {
            "stamp": {"type": "number", "description": "A Unix timestamp in milliseconds."},
            "plain": {"type": "number", "description": "Controls how stable the voice is."},
        }
    )
    assert prose_constraints(spec).ranges == ()


def test_range_boundaries() -> None:
    inclusive = Range(("x",), low=0, high=2)
    assert inclusive.admits(0) and inclusive.admits(2) and not inclusive.admits(2.0001) and not inclusive.admits(-0.1)
    positive = Range(("x",), low=0, low_exclusive=True)
    assert not positive.admits(0) and positive.admits(1)
    whole = Range(("x",), low=0, integer=True)
    assert whole.admits(3) and not whole.admits(2.5)
    assert (inclusive.interval(), positive.interval(), Range(("x",), low=10000).interval()) == ("[0, 2]", "> 0", "≥ 10000")
    assert (inclusive.describe(), positive.describe(), whole.describe()) == ("from 0 to 2", "a positive number", "a non-negative integer")
