"""validator.knowledge.timezones: IANA names, the zones an abbreviation stands for, and legacy zones."""

from __future__ import annotations

from validator.knowledge.timezones import is_zone, legacy_reason, suggest


def test_zone_names_are_case_sensitive() -> None:
    assert is_zone("America/Los_Angeles") and not is_zone("america/los_angeles")


def test_suggestions_for_an_abbreviation_or_a_city() -> None:
    guess = suggest("IST")
    assert guess is not None and [z for z, _ in guess.zones] == ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]
    assert suggest("Los_Angeles") is not None
    assert suggest("zzzz") is None


def test_utc_and_old_country_names_are_not_legacy_offsets() -> None:
    assert legacy_reason("Etc/UTC") is None and legacy_reason("Japan") is None
