"""Phone number rules (RBV2xx) and validator.knowledge.phones."""

from __future__ import annotations

from typing import Any

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import check, check_text, one, only, seed, summary, with_task
from validator.diagnostics import Fix
from validator.knowledge.phones import analyze, time_zones


def tasks(*numbers: Any, **extra: Any) -> dict[str, Any]:
    return seed(tasks=[{"to_number": n, **extra} for n in numbers])


# --- validator.knowledge.phones -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["+14157774444", "+14155550123", "+442071838750", "+11234567890", "+1415555012", "+15555550123", "+37112345678", "+861"],
)
def test_analyze_agrees_with_phonenumbers_on_e164_strings(text: str) -> None:
    try:
        expected = phonenumbers.is_valid_number(phonenumbers.parse(text, None))
    except phonenumbers.NumberParseException:
        expected = False
    info = analyze(text)
    assert info.is_e164 and info.valid == expected


# Country codes with many valid ranges, so that random digits are sometimes valid numbers.
_E164 = st.builds(
    lambda code, digits: f"+{code}{digits}",
    st.sampled_from(["1", "44", "49", "33", "91", "86", "61", "7", "52", "81", "999"]),
    st.from_regex(r"[0-9]{3,12}", fullmatch=True),
)


@settings(max_examples=400, deadline=None)
@given(_E164)
def test_analyze_verdict_is_phonenumbers_verdict(text: str) -> None:
    try:
        expected = phonenumbers.is_valid_number(phonenumbers.parse(text, None))
    except phonenumbers.NumberParseException:
        expected = False
    assert analyze(text).valid == expected


@pytest.mark.parametrize(
    ("text", "e164", "certain"),
    [
        ("+1 (415) 777-4444", "+14157774444", True),
        ("415.777.4444", "+14157774444", True),
        ("14157774444", "+14157774444", True),
        ("0044 20 7183 8750", "+442071838750", True),
        ("442071838750", "+442071838750", False),
    ],
)
def test_analyze_reads_other_spellings(text: str, e164: str, certain: bool) -> None:
    info = analyze(text)
    assert (info.is_e164, info.valid, info.e164, info.certain) == (False, True, e164, certain)


def test_analyze_problems_in_words() -> None:
    assert analyze("+1415555012").problem == "it is too short for +1 (US) numbers"
    assert analyze("+11234567890").problem == "it is not in a number range assigned in +1 (US)"
    assert analyze("+999123456789").problem == "it does not begin with a country calling code in use"
    assert analyze("+14157774444").problem is None
    assert analyze("call me").e164 is None


def test_time_zones_of_a_number() -> None:
    assert time_zones("+14157774444") == ("America/Los_Angeles",)
    assert time_zones("+1415555012") == ()


# --- RBV201 phone-not-e164 --------------------------------------------------------------------


def test_formatted_number_is_flagged_with_a_safe_e164_fix() -> None:
    d = one(check(seed(from_number="(415) 777-4444")), "RBV201")
    assert (d.pointer, d.severity.value) == ("/from_number", "error")
    assert '"(415) 777-4444"' in d.message and "E.164" in d.message
    assert d.hint == 'write "+14157774444"'
    assert d.fix == Fix("+14157774444", True, 'use "+14157774444"')


def test_e164_number_is_not_flagged() -> None:
    assert only(check(seed(from_number="+14157774444")), "RBV201") == []


def test_missing_plus_with_foreign_country_code_gets_only_an_unsafe_fix() -> None:
    d = one(check(tasks("442071838750")), "RBV201")
    assert d.pointer == "/tasks/0/to_number"
    assert d.fix is not None and (d.fix.value, d.fix.safe) == ("+442071838750", False)
    assert d.hint == 'if +44 is the country code, write "+442071838750"'


def test_json_number_phone_supersedes_wrong_type_with_the_e164_string() -> None:
    report = check(seed(from_number=14157774444))
    assert [c for c, _, p in summary(report) if p == "/from_number"] == ["RBV201"]
    d = one(report, "RBV201")
    assert d.severity.value == "error" and "found number 14157774444" in d.message
    assert d.hint == 'write "+14157774444"'
    assert d.fix == Fix("+14157774444", True, 'use "+14157774444"')


def test_json_number_that_is_no_phone_number_stays_a_wrong_type() -> None:
    report = check(seed(from_number=1))
    assert only(report, "RBV201") == []
    assert one(report, "RBV102").pointer == "/from_number"


def test_position_of_a_non_e164_number_in_text() -> None:
    d = one(check_text('{"from_number": "+14157774444",\n "tasks": [{"to_number": "213-777-4445"}]}', "json"), "RBV201")
    assert (d.pointer, d.line, d.column) == ("/tasks/0/to_number", 2, 26)


def test_unreadable_to_number_mentions_ignore_e164_validation() -> None:
    d = one(check(tasks("ext-1001")), "RBV201")
    assert d.fix is None
    assert d.hint is not None and "ignore_e164_validation: true" in d.hint


def test_ignore_e164_validation_relaxes_the_task_number_only() -> None:
    report = check(seed(from_number="415 777 4444", tasks=[{"to_number": "1001", "ignore_e164_validation": True}, {"to_number": "1002"}]))
    assert [d.pointer for d in only(report, "RBV201")] == ["/from_number", "/tasks/1/to_number"]


def test_from_number_is_relaxed_when_every_task_ignores_e164() -> None:
    payload = seed(from_number="1000", tasks=[{"to_number": "1001", "ignore_e164_validation": True}])
    assert only(check(payload), "RBV201") == [] and only(check(payload), "RBV202") == []


# --- RBV202 phone-invalid ---------------------------------------------------------------------


def test_too_short_number_is_invalid() -> None:
    d = one(check(tasks("+1415555012")), "RBV202")
    assert (d.pointer, d.severity.value) == ("/tasks/0/to_number", "error")
    assert d.message == '`to_number` "+1415555012" is not a valid phone number: it is too short for +1 (US) numbers'


def test_one_more_digit_is_valid() -> None:
    assert only(check(tasks("+14155550123")), "RBV202") == []


def test_unassigned_area_code_is_invalid_and_pseudo_numbers_are_not_checked() -> None:
    assert one(check(seed(from_number="+11234567890")), "RBV202").pointer == "/from_number"
    assert only(check(tasks("+11234567890", ignore_e164_validation=True)), "RBV202") == []


# --- RBV203 phone-non-us-destination -----------------------------------------------------------


def test_non_us_destinations_are_grouped_per_country() -> None:
    report = check(tasks("+12137774445", "+442071838750", "+442071838751", "+16135550123"))
    found = only(report, "RBV203")
    assert [(d.pointer, d.severity.value) for d in found] == [("/tasks/1/to_number", "warning"), ("/tasks/3/to_number", "warning")]
    assert "GB number (+44)" in found[0].message and "2 tasks call GB numbers" in found[0].message
    assert "only call US numbers" in found[1].message and "CA number" in found[1].message


def test_us_destination_and_custom_telephony_are_not_flagged() -> None:
    assert only(check(tasks("+12137774445")), "RBV203") == []
    assert only(check(tasks("+442071838750", ignore_e164_validation=True)), "RBV203") == []


# --- RBV204 phone-duplicate-destination ---------------------------------------------------------


def test_repeated_number_points_at_the_second_task_naming_the_first() -> None:
    report = check(tasks("+14155550123", "+12137774445", "+1 415 555 0123", "+14155550123"))
    found = only(report, "RBV204")
    assert [(d.pointer, d.severity.value) for d in found] == [("/tasks/2/to_number", "warning"), ("/tasks/3/to_number", "warning")]
    assert "tasks[0] already calls it" in found[0].message and "+14155550123" in found[0].message


def test_distinct_numbers_are_not_duplicates() -> None:
    assert only(check(tasks("+14155550123", "+14155550124")), "RBV204") == []


# --- RBV205 phone-calls-from-number ----------------------------------------------------------


def test_task_calling_the_from_number() -> None:
    d = one(check(seed(from_number="+14157774444", tasks=[{"to_number": "+14157774444"}])), "RBV205")
    assert (d.pointer, d.severity.value) == ("/tasks/0/to_number", "warning")
    assert "own from_number" in d.message


def test_neighbouring_number_is_not_the_from_number() -> None:
    assert only(check(seed(from_number="+14157774444", tasks=[{"to_number": "+14157774445"}])), "RBV205") == []


def test_phone_rules_survive_wrong_types_everywhere() -> None:
    for payload in (seed(from_number=None, tasks=[{"to_number": ["+1"]}, 3, {"to_number": True}]), with_task(to_number={"a": 1})):
        assert "RBV000" not in check(payload).codes()
