"""RBV804 csv-duplicate-header: two columns with the same header, at the later one."""

from __future__ import annotations

from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import fixture

CODE = "RBV804"

CASES = [
    flags(
        "first_name twice",
        b"phone number,first_name,first_name\r\n+12137774445,Ann,Anna\r\n",
        At("", "error", line=1, says="column 3 repeats the header `first_name` of column 2"),
        format="csv",
    ),
    flags("first_name twice in a Google Sheets export", fixture("sheets-header-problems.csv"), At("", line=1), format="csv"),
    passes("two different headers", b"phone number,first_name,last_name\r\n+12137774445,Ann,Lee\r\n", format="csv"),
    passes("headers that differ only in case", b"phone number,first_name,First_name\r\n+12137774445,Ann,Anna\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)
