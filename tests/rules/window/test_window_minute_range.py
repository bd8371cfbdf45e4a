"""RBV302 window-minute-range: start outside 0-1439 or end outside 0-1440, with the minutes meant when it looks like HHMM."""

from __future__ import annotations

from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.window import WRONG_TYPES, window

CODE = "RBV302"

CASES = [
    flags("end 1441", window((540, 1441)), At("/call_time_window/windows/0/end", "error", says="0 to 1440")),
    passes("end 1440", window((540, 1440))),
    flags("start -1", window((-1, 60)), At("/call_time_window/windows/0/start", "error")),
    passes("start 0", window((0, 60))),
    flags("start 1440", window((1440, 1440)), At("/call_time_window/windows/0/start", "error", says="from 0 to 1439")),
    passes("start 1439", window((1439, 1440))),
    flags("end written as HHMM", window((540, 1700)), "/call_time_window/windows/0/end"),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)


def test_message_ends_with_the_value_found() -> None:
    assert one(check(window((540, 1441))), CODE).message.endswith("found 1441")


def test_hhmm_values_get_a_minutes_hint() -> None:
    assert one(check(window((540, 1700))), CODE).hint == "if you meant 17:00, write 1020 (minutes, not HHMM)"
