"""RBV103 enum-value: a value outside the spec's choices, with the closest choice as hint and a safe fix when only the case differs."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import check, one, seed, with_agent
from tests.rules.cases import At, cases_test, flags, passes
from validator.diagnostics import Fix
from validator.openapi.tools import did_you_mean

CODE = "RBV103"
AGENT = "/tasks/0/agent_override/agent"


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def days(*names: str) -> dict[str, Any]:
    return seed(call_time_window={"windows": [{"start": 540, "end": 1020}], "timezone": "America/Los_Angeles", "day": list(names)})


CASES = [
    flags("a day in lower case", days("monday"), At("/call_time_window/day/0", "error", says='found "monday"')),
    flags("a near-miss voice model", with_agent(voice_model="eleven_turbo"), f"{AGENT}/voice_model"),
    flags("an unknown stt mode", with_agent(stt_mode="slow"), At(f"{AGENT}/stt_mode", says='one of ["fast", "accurate", "custom"]')),
    flags("the second of two webhook events", with_agent(webhook_events=["call_ended", "call_end"]), f"{AGENT}/webhook_events/1"),
    flags("null where it is not allowed", with_agent("retell_llm", start_speaker=None), "/tasks/0/agent_override/retell_llm/start_speaker"),
    passes("the listed spelling", days("Monday")),
    passes("a listed stt mode", with_agent(stt_mode="fast")),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize(
    ("payload", "guess"),
    [
        (days("monday"), '"Monday"'),
        (with_agent(voice_model="eleven_turbo"), '"eleven_turbo_v2"'),
        (with_agent(stt_mode="slow"), None),
        (with_agent(webhook_events=["call_ended", "call_end"]), '"call_ended"'),
    ],
)
def test_the_hint_names_the_closest_choice(payload: dict[str, Any], guess: str | None) -> None:
    d = one(check(payload), CODE)
    if guess is None:
        assert d.hint is None or "did you mean" not in d.hint
    else:
        assert d.hint is not None and guess in d.hint


def test_a_lowercase_day_gets_a_safe_case_fix() -> None:
    d = one(check(days("monday")), CODE)
    assert (d.pointer, d.hint) == ("/call_time_window/day/0", 'did you mean "Monday"?')
    assert d.fix == Fix("Monday", True, 'use "Monday"')


def test_an_abbreviation_or_a_near_miss_is_suggested_without_a_fix() -> None:
    d = one(check(days("Thu")), CODE)
    assert (d.hint, d.fix) == ('did you mean "Thursday"?', None)
    assert one(check(with_agent(voice_model="eleven_turbo")), CODE).fix is None


@pytest.mark.parametrize(
    ("word", "meant"),
    [("Mon", "Monday"), ("thu", "Thursday"), ("Tues", "Tuesday"), ("Weds", "Wednesday"), ("Sa", "Saturday"), ("wednesdy", "Wednesday")],
)
def test_day_abbreviations_are_understood(word: str, meant: str) -> None:
    assert did_you_mean(word, DAYS) == meant


@pytest.mark.parametrize("word", ["T", "S", "xyz"])
def test_ambiguous_or_unrelated_words_get_no_suggestion(word: str) -> None:
    assert did_you_mean(word, DAYS) is None


def test_null_gets_this_finding_only_and_the_default_as_hint() -> None:
    report = check(with_agent("retell_llm", start_speaker=None))
    assert one(report, CODE).hint == "remove the field to use the default"
    assert "RBV102" not in report.codes


def test_null_start_speaker_is_reported_once() -> None:
    report = check(with_agent("retell_llm", start_speaker=None))
    assert [(d.code, d.pointer) for d in report.diagnostics] == [("RBV103", "/tasks/0/agent_override/retell_llm/start_speaker")]
    assert report.diagnostics[0].message == '`start_speaker` must be one of ["user", "agent"], found null'
    assert report.diagnostics[0].hint == "remove the field to use the default"
