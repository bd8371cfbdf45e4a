"""``validate()`` given Python values that are not a JSON payload: diagnostics, never an exception, never a mutation.

What each input rule reports for such values is tested in tests/rules/input/.
"""

from __future__ import annotations

import copy
import math

from tests.helpers import check, seed, summary


def test_tuples_are_arrays_as_json_dumps_sends_them() -> None:
    payload = seed(tasks=({"to_number": "+12137774445"}, {"to_number": 12}))
    assert [(c, p) for c, s, p in summary(check(payload)) if s == "error"] == [("RBV102", "/tasks/1/to_number")]


def test_the_payload_is_never_modified() -> None:
    payload = seed(metadata={1: {2, 3}, "x": (1, [math.inf])}, name="a\ud800")
    before = copy.deepcopy(payload)
    report = check(payload)
    assert {"RBV013", "RBV015", "RBV003", "RBV007"} <= set(report.codes)
    assert repr(payload) == repr(before)
