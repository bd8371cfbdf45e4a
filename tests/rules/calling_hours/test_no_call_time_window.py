"""RBV702 no-call-time-window: a batch of two or more tasks without windows, with the zones its recipients are in."""

from __future__ import annotations

from typing import Any

from tests.calling.numbers import HONOLULU, NY, TOLL_FREE, batch
from tests.helpers import check, one, seed
from tests.rules.cases import At, cases_test, flags, passes
from validator.diagnostics import Severity

CODE = "RBV702"


def calls(*numbers: str) -> dict[str, Any]:
    return seed(tasks=[{"to_number": n} for n in numbers])


CASES = [
    flags("three tasks in two zones", calls(NY, NY, HONOLULU), At("", "info", says="America/New_York (2), Pacific/Honolulu (1)")),
    flags("two tasks", calls(NY, HONOLULU), At("", says="America/New_York (1), Pacific/Honolulu (1)")),
    flags("a number without a zone is counted apart", calls(NY, TOLL_FREE), At("", says="America/New_York (1); 1 task in an unknown zone")),
    passes("one task: its call goes out when the batch is sent", seed()),
    passes("one toll-free task", calls(TOLL_FREE)),
    passes("with a window", batch(NY, HONOLULU, windows=[(660, 1020)])),
]

test_cases = cases_test(CODE, CASES)


def test_no_window_says_calls_may_go_out_at_any_hour_and_suggests_one_in_the_largest_zone() -> None:
    d = one(check(calls(NY, NY, HONOLULU)), CODE)
    assert (d.pointer, d.severity) == ("", Severity.INFO)
    assert "calls may go out at any hour" in d.message
    assert d.hint is not None and d.hint.startswith(
        'add "call_time_window": {"timezone": "America/New_York", "windows": [{"start": 480, "end": 1260}]}'
    )
