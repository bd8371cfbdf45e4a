"""RBV304 window-overlap: windows that overlap or repeat, reported at the later one; touching windows do not overlap."""

from __future__ import annotations

from tests.helpers import seed
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.window import WRONG_TYPES, window

CODE = "RBV304"

CASES = [
    flags(
        "half an hour shared",
        window((540, 720), (690, 1020)),
        At("/call_time_window/windows/1", "warning", says="overlaps windows[0] (09:00–12:00) from 11:30 to 12:00"),
    ),
    flags("one minute shared", window((540, 721), (720, 1020)), At("/call_time_window/windows/1", says="from 12:00 to 12:01")),
    passes("touching windows (half-open)", window((540, 720), (720, 1020))),
    flags("a repeated window", window((780, 1020), (540, 720), (780, 1020)), At("/call_time_window/windows/2", says="repeats windows[0]")),
    passes(
        "windows repeated once per day they name (RBV112's)",
        seed(
            call_time_window={"windows": [{"day": ["Monday"], "start": 540, "end": 1020}, {"day": ["Tuesday"], "start": 540, "end": 1020}]}
        ),
    ),
    flags(
        "the same windows without days of their own repeat",
        seed(call_time_window={"windows": [{"start": 540, "end": 1020}, {"start": 540, "end": 1020}]}),
        "/call_time_window/windows/1",
    ),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)
