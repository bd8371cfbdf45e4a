"""RBV810 csv-missing-cells: a row with fewer cells than the header (a warning: the missing ones are sent empty)."""

from __future__ import annotations

from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import fixture

CODE = "RBV810"

CASES = [
    flags(
        "a short row",
        b"phone number,first_name,city\r\n+12137774445,Ann\r\n",
        At("/tasks/0", "warning", line=2, says="`city` is missing"),
        format="csv",
    ),
    flags("a short row in an Excel export", fixture("excel-damaged.csv"), At("/tasks/4", line=6), format="csv"),
    passes("the last cell present but empty", b"phone number,first_name,city\r\n+12137774445,Ann,\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)
