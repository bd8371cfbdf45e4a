"""RBV307 window-duplicate-day: a day listed twice in ``call_time_window.day``, with a safe fix keeping the first of each."""

from __future__ import annotations

from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.window import DAYS, WRONG_TYPES, window
from validator.diagnostics import Fix

CODE = "RBV307"

REPEATS = window((540, 1020), day=["Monday", "Tuesday", "Monday", "Friday", "Tuesday"])

CASES = [
    flags("two days repeated", REPEATS, At("/call_time_window/day", "warning", says="Monday, Tuesday")),
    flags("one day twice", window((540, 1020), day=["Monday", "Monday"]), At("/call_time_window/day", says="lists Monday more than once")),
    passes("every day once", window((540, 1020), day=DAYS)),
    passes("a list with a non-day is RBV103's", window((540, 1020), day=["Monday", 3, "Monday"])),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)


def test_the_fix_removes_the_repeats_keeping_the_first() -> None:
    assert one(check(REPEATS), CODE).fix == Fix(["Monday", "Tuesday", "Friday"], True, "remove repeated days")
