"""validator.knowledge.phones: ``analyze`` gives phonenumbers' verdict, reads other spellings, says what is wrong; a number's zones."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.knowledge.phones import analyze, time_zones


def phonenumbers_verdict(text: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(text, None))
    except phonenumbers.NumberParseException:
        return False


@pytest.mark.parametrize(
    "text",
    ["+14157774444", "+14155550123", "+442071838750", "+11234567890", "+1415555012", "+15555550123", "+37112345678", "+861"],
)
def test_analyze_agrees_with_phonenumbers_on_e164_strings(text: str) -> None:
    info = analyze(text)
    assert info.is_e164 and info.valid == phonenumbers_verdict(text)


# Country codes with many valid ranges, so that random digits are sometimes valid numbers.
_E164 = st.builds(
    lambda code, digits: f"+{code}{digits}",
    st.sampled_from(["1", "44", "49", "33", "91", "86", "61", "7", "52", "81", "999"]),
    st.from_regex(r"[0-9]{3,12}", fullmatch=True),
)


@settings(max_examples=400, deadline=None)
@given(_E164)
def test_analyze_verdict_is_phonenumbers_verdict(text: str) -> None:
    assert analyze(text).valid == phonenumbers_verdict(text)


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
