"""RBV808 csv-empty-row: empty rows are skipped with one note naming them, and are not tasks."""

from __future__ import annotations

from tests.helpers import only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import HEADER, csv, fixture

CODE = "RBV808"

CASES = [
    flags(
        "a blank line and a row of empty cells",
        HEADER + b"+12137774445,Ann\r\n\r\n,\r\n+13105551234,Bob\r\n",
        At("", "info", line=3, says="2 empty rows are skipped (rows 3, 4)"),
        format="csv",
    ),
    flags("cells holding only spaces", HEADER + b"+12137774445,Ann\r\n , \r\n", At("", line=3), format="csv"),
    flags("two rows of empty cells in an Excel export", fixture("excel-damaged.csv"), At("", line=8), format="csv"),
    passes("no empty row", HEADER + b"+12137774445,Ann\r\n", format="csv"),
    passes("a row with only its phone number", HEADER + b"+12137774445,Ann\r\n+13105551234,\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_empty_rows_are_not_counted_as_tasks() -> None:
    report = csv(HEADER + b"+12137774445,Ann\r\n,\r\n1.2E+10,Bob\r\n")
    assert [(d.line, d.pointer) for d in only(report, "RBV812")] == [(4, "/tasks/1/to_number")]  # task 1 is the third data line
