"""validator.knowledge.phones.normalize: a cell read as a phone number in a region, or the reason it cannot be."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validator.knowledge.phones import Artifact, Problem, Spelling, normalize


@pytest.mark.parametrize(
    ("cell", "region", "e164", "spelling"),
    [
        ("(404) 504-8120", None, "+14045048120", Spelling.NATIONAL),
        ("404.504.8120", "US", "+14045048120", Spelling.NATIONAL),
        ("1-404-504-8120", None, "+14045048120", Spelling.NATIONAL),
        ("404 504 8120", None, "+14045048120", Spelling.NATIONAL),
        ("+1 (404) 504-8120", None, "+14045048120", Spelling.INTERNATIONAL),
        ("4045048120", None, "+14045048120", Spelling.NATIONAL),
        ("001 404 504 8120", None, "+14045048120", Spelling.INTERNATIONAL),
        ("011 44 20 7946 0018", "US", "+442079460018", Spelling.INTERNATIONAL),
        ("14045048120", None, "+14045048120", Spelling.NO_PLUS),
        ("(416) 555-0123", "CA", "+14165550123", Spelling.NATIONAL),
        ("020 7946 0018", "GB", "+442079460018", Spelling.NATIONAL),
        ("07911 123456", "GB", "+447911123456", Spelling.NATIONAL),
        ("612 34 56 78", "ES", "+34612345678", Spelling.NATIONAL),
        ("030 1234567", "DE", "+49301234567", Spelling.NATIONAL),
        ("01 23 45 67 89", "FR", "+33123456789", Spelling.NATIONAL),
        ("06 1234 5678", "IT", "+390612345678", Spelling.NATIONAL),
        ("(11) 91234-5678", "BR", "+5511912345678", Spelling.NATIONAL),
        ("8 912 345-67-89", "RU", "+79123456789", Spelling.NATIONAL),
        ("+14045048120", None, "+14045048120", Spelling.E164),
    ],
)
def test_what_people_type_is_read(cell: str, region: str | None, e164: str, spelling: Spelling) -> None:
    reading = normalize(cell, region)
    assert (reading.e164, reading.problem, reading.spelling, reading.certain) == (e164, None, spelling, True)


@pytest.mark.parametrize(
    ("cell", "region", "problem", "detail"),
    [
        ("555-0199", None, Problem.MISSING_AREA_CODE, "7 digits is a local number without its area code (US numbers have 10 digits)"),
        ("21255512", None, Problem.TOO_SHORT, "8 digits is too short for a US number (10 digits)"),
        ("404504812055", "US", Problem.TOO_LONG, "12 digits is too long for a US number (10 digits)"),
        ("call me after 5", None, Problem.LETTERS, "it contains letters"),
        ("1-800-FLOWERS", None, Problem.LETTERS, "it contains letters"),
        ("4.04505E+09", None, Problem.EXCEL_DAMAGE, "scientific notation: '4.04505E+09' means 4045050000, the last digits are lost"),
        ("020 7946 0018", None, Problem.NEEDS_REGION, "it is written nationally (a leading 0 dials a national number)"),
        ("", None, Problem.EMPTY, "the cell is empty"),
    ],
)
def test_what_cannot_be_read_says_why(cell: str, region: str | None, problem: Problem, detail: str) -> None:
    reading = normalize(cell, region)
    assert (reading.e164, reading.problem) == (None, problem) and reading.detail.startswith(detail)


def test_spreadsheet_artefacts_and_extensions_are_undone_and_named() -> None:
    assert normalize(" '+14045048120.0\u00a0").artifacts == (Artifact.WHITESPACE, Artifact.APOSTROPHE, Artifact.DECIMAL)
    for cell in ("(404) 504-8120 x123", "404-504-8120 ext. 123", "404.504.8120 #123", "(404) 504-8120 extension 123"):
        reading = normalize(cell)
        assert (reading.e164, reading.extension) == ("+14045048120", "123"), cell


def test_digits_valid_only_with_a_plus_are_a_guess() -> None:
    reading = normalize("442079460018")
    assert (reading.e164, reading.spelling, reading.certain) == ("+442079460018", Spelling.NO_PLUS, False)
    assert normalize("442079460018", "GB").certain  # in its own region, phonenumbers reads the country code


_REGIONS = ["US", "CA", "GB", "DE", "FR", "ES", "IT", "AU", "IN", "NL", "MX", "BR", "JP", "RU", "AR"]


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(_REGIONS), st.from_regex(r"0?[1-9][0-9]{5,11}", fullmatch=True))
def test_national_readings_are_phonenumbers_readings(region: str, digits: str) -> None:
    """The fast path (plain national prefixes) reads what phonenumbers.parse reads, valid numbers only."""
    try:
        number = phonenumbers.parse(digits, region)
        wanted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if phonenumbers.is_valid_number(number) else None
    except phonenumbers.NumberParseException:
        wanted = None
    reading = normalize(digits, region)
    if wanted is not None:
        assert reading.e164 == wanted and reading.certain
    else:
        assert reading.e164 is None or not reading.certain  # at most the lost-+ guess


def test_a_national_prefix_inside_the_digits_is_not_stripped_twice() -> None:
    # 8 is Russia's national prefix; parse("887000000000", "RU") finds no valid number, and neither may the fast path
    # (+7 87000000000 must not become +7 7000000000, a Kazakh number).
    reading = normalize("887000000000", "RU")
    assert reading.e164 is None or not reading.certain
