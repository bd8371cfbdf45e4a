"""RBV015 not-json-value: Python values ``json.dumps`` refuses, at their place, checked as null without schema noise."""

from __future__ import annotations

import datetime
import decimal
from typing import Any

import pytest

from tests.helpers import check, one, seed
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV015"
VALUES = [
    ({1, 2}, "set"),
    (datetime.datetime(2026, 1, 1), "datetime"),
    (decimal.Decimal("1.5"), "Decimal"),
    (b"raw", "bytes"),
    (object(), "object"),
]

CASES = [
    *(flags(kind, seed(trigger_timestamp=value), At("/trigger_timestamp", "error", says=f"{kind} value")) for value, kind in VALUES),
    passes("an int timestamp", seed(trigger_timestamp=1735718400000)),
    passes("a tuple, sent as an array", seed(tasks=({"to_number": "+12137774445"},))),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize(("value", "kind"), VALUES)
def test_the_message_starts_with_the_kind_and_the_null_stand_in_adds_no_noise(value: Any, kind: str) -> None:
    report = check(seed(trigger_timestamp=value))
    assert one(report, CODE).message.startswith(kind)
    assert "RBV102" not in report.codes
