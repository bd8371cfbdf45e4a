"""RBV818 csv-invalid-boolean: an ``ignore e164 validation`` cell that is neither true, false nor empty; its row stays validated."""

from __future__ import annotations

from tests.helpers import one, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import csv, fixture

CODE = "RBV818"
OPTION = b"phone number,ignore e164 validation\r\n"
MIXED = OPTION + b"1001,TRUE\r\n1002,yes\r\n+12137774445,\r\n"

CASES = [
    flags("yes", MIXED, At("/tasks/1", "error", line=3, says="is 'yes'"), format="csv"),
    flags("1", OPTION + b"1001,1\r\n", At("/tasks/0", line=2), format="csv"),
    flags("a Google Sheets export", fixture("sheets-ignore-e164.csv"), At("/tasks/1", line=3), format="csv"),
    passes("true, TRUE, false and empty", OPTION + b"1001,true\r\n1002,TRUE\r\n+12137774445,false\r\n+12137774446,\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_only_the_rows_turned_off_are_relaxed() -> None:
    report = csv(MIXED)
    assert only(report, "RBV201") == [one(report, "RBV201")] and one(report, "RBV201").line == 3  # 1001 is relaxed, 1002 is not
