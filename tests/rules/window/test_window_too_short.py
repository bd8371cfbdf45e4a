"""RBV308 window-too-short: a window under 15 minutes, with the hours-for-minutes fix when the bounds look like hours."""

from __future__ import annotations

from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.window import WRONG_TYPES, window
from validator.diagnostics import Fix

CODE = "RBV308"

CASES = [
    flags("hours instead of minutes", window((9, 17)), At("/call_time_window/windows/0", "warning", says="lasts 8 minutes")),
    flags("14 minutes", window((540, 554)), At("/call_time_window/windows/0", says="lasts 14 minutes")),
    flags("only the short one of two", window((540, 1020), (1080, 1090)), "/call_time_window/windows/1"),
    passes("15 minutes is long enough", window((540, 555))),
    passes("an empty window is RBV301's", window((540, 540))),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)


def test_bounds_that_look_like_hours_get_an_unsafe_fix_in_minutes() -> None:
    d = one(check(window((9, 17))), CODE)
    assert d.fix == Fix({"start": 540, "end": 1020}, False, "read the bounds as hours")
    assert d.hint == "bounds are minutes, not hours: 9:00–17:00 is start 540, end 1020"


def test_minute_bounds_get_no_fix() -> None:
    d = one(check(window((540, 545))), CODE)
    assert d.fix is None and d.hint is not None and "minutes since local midnight" in d.hint
