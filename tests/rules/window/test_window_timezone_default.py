"""RBV309 window-timezone-default: a call_time_window without a timezone is read in the spec's default zone."""

from __future__ import annotations

from tests.helpers import seed
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.window import WRONG_TYPES, window

CODE = "RBV309"

CASES = [
    flags(
        "no timezone",
        seed(call_time_window={"windows": [{"start": 540, "end": 1020}]}),
        At("/call_time_window", "info", says="America/Los_Angeles"),
    ),
    passes("the default zone written out", window((540, 1020))),
    passes("no call_time_window: RBV702's", seed()),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)
