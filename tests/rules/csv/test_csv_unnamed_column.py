"""RBV805 csv-unnamed-column: a column without a header that holds values; one empty in every row is harmless."""

from __future__ import annotations

from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import csv, fixture

CODE = "RBV805"

CASES = [
    flags(
        "a VIP column without header",
        b"phone number,first_name,\r\n+12137774445,Ann,VIP\r\n",
        At("", "error", line=1, says="first 'VIP'"),
        format="csv",
    ),
    flags("one in a Google Sheets export", fixture("sheets-header-problems.csv"), At("", line=1), format="csv"),
    passes("an unnamed column empty in every row", b"phone number,first_name,\r\n+12137774445,Ann,\r\n", format="csv"),
    passes("the column named", b"phone number,first_name,tier\r\n+12137774445,Ann,VIP\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_an_unnamed_empty_column_is_clean() -> None:
    assert csv(b"phone number,city,\r\n+12137774445,Boston,\r\n").diagnostics == ()
