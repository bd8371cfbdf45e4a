"""RBV303 window-minute-not-integer: fractional window bounds, with an unsafe fix that rounds them."""

from __future__ import annotations

from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.window import WRONG_TYPES, window
from validator.diagnostics import Fix

CODE = "RBV303"

CASES = [
    flags("a fractional start", window((540.5, 1020.0)), At("/call_time_window/windows/0/start", "error", says="found 540.5")),
    flags("a fractional end", window((540, 1020.5)), At("/call_time_window/windows/0/end", "error")),
    passes("whole floats", window((540.0, 1020.0))),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)


def test_the_fix_rounds_to_the_nearest_minute() -> None:
    assert one(check(window((540.5, 1020.0))), CODE).fix == Fix(540, False, "round to 540")
