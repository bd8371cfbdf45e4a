"""Scheduling rules (RBV4xx): trigger_timestamp against the fixed clock 2026-06-01T12:00:00Z."""

from __future__ import annotations

import pytest

from tests.helpers import check, check_text, one, only, seed
from validator.diagnostics import Fix

NOW_MS = 1_780_315_200_000  # tests.helpers.FIXED_NOW
YEAR_MS = 365 * 86_400_000
CLEAN = 1_798_794_000_000  # 2027-01-01 09:00 UTC, as in fixtures/clean/full-featured.json
SCHEDULE_CODES = ("RBV401", "RBV402", "RBV403", "RBV404")


def codes(value: object) -> list[str]:
    return [d.code for d in check(seed(trigger_timestamp=value)).diagnostics if d.code in SCHEDULE_CODES]


def test_clean_timestamp_passes_every_rule() -> None:
    assert codes(CLEAN) == []
    assert codes(float(CLEAN)) == []


# --- RBV401 schedule-timestamp-unit ----------------------------------------------------------


def test_ten_digit_seconds_is_an_error_with_an_unsafe_times_1000_fix() -> None:
    d = one(check(seed(trigger_timestamp=1_798_794_000)), "RBV401")
    assert (d.pointer, d.severity.value) == ("/trigger_timestamp", "error")
    assert "found 1798794000, which looks like seconds" in d.message and "1970-01-21" in d.message
    assert d.hint == "write 1798794000000 (2027-01-01 09:00:00 UTC)"
    assert d.fix == Fix(1_798_794_000_000, False, "convert seconds to milliseconds")


def test_fractional_seconds_from_time_time_keep_their_milliseconds() -> None:
    d = one(check(seed(trigger_timestamp=1_798_794_000.123)), "RBV401")
    assert d.fix is not None and d.fix.value == 1_798_794_000_123
    assert codes(1_798_794_000.123) == ["RBV401"]


def test_microseconds_are_a_unit_mistake_too() -> None:
    d = one(check(seed(trigger_timestamp=1_798_794_000_000_000)), "RBV401")
    assert d.fix is not None and d.fix.value == CLEAN


@pytest.mark.parametrize("value", [999_999_999_999, 10_000_000_000_000])
def test_millisecond_values_around_the_seconds_range_are_not_unit_mistakes(value: int) -> None:
    assert "RBV401" not in codes(value)


# --- RBV402 schedule-timestamp-past ----------------------------------------------------------


def test_one_millisecond_before_now_is_in_the_past() -> None:
    d = one(check(seed(trigger_timestamp=NOW_MS - 1)), "RBV402")
    assert (d.pointer, d.severity.value) == ("/trigger_timestamp", "warning")
    assert "2026-06-01 11:59:59 UTC" in d.message and "now is 2026-06-01 12:00:00 UTC" in d.message


def test_now_itself_is_not_in_the_past() -> None:
    assert codes(NOW_MS) == []


def test_now_comes_from_the_injected_clock() -> None:
    assert only(check(seed(trigger_timestamp=CLEAN), now="2027-02-01T00:00:00Z"), "RBV402") != []


def test_past_timestamp_position_in_json() -> None:
    d = one(check_text('{"from_number": "+14157774444",\n "trigger_timestamp": 1735718400000,\n "tasks": []}', "json"), "RBV402")
    assert (d.line, d.column) == (2, 23)


# --- RBV403 schedule-timestamp-far-future ------------------------------------------------------


def test_more_than_a_year_ahead_warns_and_exactly_a_year_does_not() -> None:
    d = one(check(seed(trigger_timestamp=NOW_MS + YEAR_MS + 1)), "RBV403")
    assert (d.pointer, d.severity.value) == ("/trigger_timestamp", "warning")
    assert "365 days ahead" in d.message
    assert codes(NOW_MS + YEAR_MS) == []


# --- RBV404 schedule-timestamp-invalid ---------------------------------------------------------


def test_negative_timestamp_is_an_error_and_zero_is_only_past() -> None:
    d = one(check(seed(trigger_timestamp=-1)), "RBV404")
    assert (d.pointer, d.severity.value) == ("/trigger_timestamp", "error")
    assert d.message.endswith("found -1")
    assert codes(0) == ["RBV402"]


def test_fractional_milliseconds_are_an_error() -> None:
    d = one(check(seed(trigger_timestamp=CLEAN + 0.5)), "RBV404")
    assert "whole number of milliseconds, found 1798794000000.5" in d.message
    assert d.fix == Fix(CLEAN, False, f"round to {CLEAN}")


def test_wrong_types_are_left_to_the_schema() -> None:
    for value in ("1798794000000", True, None, [CLEAN]):
        report = check(seed(trigger_timestamp=value))
        assert codes(value) == [] and "RBV000" not in report.codes()
