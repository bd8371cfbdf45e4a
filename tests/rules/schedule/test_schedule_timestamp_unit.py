"""RBV401 schedule-timestamp-unit: a trigger_timestamp in seconds, microseconds or nanoseconds, with an unsafe conversion fix."""

from __future__ import annotations

import pytest

from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.schedule import CLEAN, QUIET, at
from validator.diagnostics import Fix

CODE = "RBV401"

CASES = [
    flags("ten-digit seconds", at(1_798_794_000), At("/trigger_timestamp", "error", says="found 1798794000, which looks like seconds")),
    flags("seconds with a fraction, as time.time() gives", at(1_798_794_000.123), At("/trigger_timestamp", "error")),
    flags("microseconds", at(1_798_794_000_000_000), At("/trigger_timestamp", says="looks like microseconds")),
    flags("nanoseconds", at(1_798_794_000_000_000_000), At("/trigger_timestamp", says="looks like nanoseconds")),
    flags("the largest ten-digit value", at(9_999_999_999), "/trigger_timestamp"),
    passes("eleven digits: milliseconds in 1970 (RBV402's)", at(10_000_000_000)),
    flags("the smallest ten-digit value", at(1_000_000_000), "/trigger_timestamp"),
    passes("nine digits", at(999_999_999)),
    passes("zero is only past", at(0)),
    passes("milliseconds just below the seconds range of microseconds", at(999_999_999_999)),
    passes("milliseconds in 2286", at(10_000_000_000_000)),
    *QUIET,
]

test_cases = cases_test(CODE, CASES)


def test_seconds_get_the_date_meant_and_an_unsafe_times_1000_fix() -> None:
    d = one(check(at(1_798_794_000)), CODE)
    assert "1970-01-21" in d.message
    assert d.hint == "write 1798794000000 (2027-01-01 09:00:00 UTC)"
    assert d.fix == Fix(1_798_794_000_000, False, "convert seconds to milliseconds")


def test_fractional_seconds_from_time_time_keep_their_milliseconds() -> None:
    d = one(check(at(1_798_794_000.123)), CODE)
    assert d.fix is not None and d.fix.value == 1_798_794_000_123


@pytest.mark.parametrize("value", [1_798_794_000_000_000, 1_798_794_000_000_000_000])
def test_microseconds_and_nanoseconds_convert_to_the_same_milliseconds(value: int) -> None:
    d = one(check(at(value)), CODE)
    assert d.fix is not None and d.fix.value == CLEAN
