"""RBV404 schedule-timestamp-invalid: a negative trigger_timestamp or a fraction of a millisecond."""

from __future__ import annotations

from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.schedule import CLEAN, QUIET, at
from validator.diagnostics import Fix

CODE = "RBV404"

CASES = [
    flags("minus one", at(-1), At("/trigger_timestamp", "error")),
    passes("zero is only past", at(0)),
    flags(
        "half a millisecond",
        at(CLEAN + 0.5),
        At("/trigger_timestamp", "error", says="whole number of milliseconds, found 1798794000000.5"),
    ),
    passes("a fraction in the seconds range is RBV401's", at(1_798_794_000.123)),
    *QUIET,
]

test_cases = cases_test(CODE, CASES)


def test_negative_value_is_quoted_at_the_end() -> None:
    assert one(check(at(-1)), CODE).message.endswith("found -1")


def test_fraction_gets_an_unsafe_rounding_fix() -> None:
    assert one(check(at(CLEAN + 0.5)), CODE).fix == Fix(CLEAN, False, f"round to {CLEAN}")
