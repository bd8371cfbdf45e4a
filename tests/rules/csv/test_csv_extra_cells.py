"""RBV809 csv-extra-cells: a row with more cells than the header, at the first extra cell."""

from __future__ import annotations

from tests.helpers import one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import csv, fixture

CODE = "RBV809"
UNQUOTED = b"phone number,full_name,city\r\n+12137774445,Lee, Ann,Boston\r\n"

CASES = [
    flags("an unquoted comma", UNQUOTED, At("/tasks/0", "error", line=2, says="'Boston'"), format="csv"),
    flags("an extra cell in an Excel export", fixture("excel-damaged.csv"), At("/tasks/5", line=7), format="csv"),
    flags(
        "a value after an empty extra cell",
        b"phone number,first_name\r\n+12137774445,Ann,,x\r\n",
        At("/tasks/0", line=2, says="'x'"),
        format="csv",
    ),
    passes("trailing empty cells drop nothing", b"phone number,first_name\r\n+12137774445,Ann,,\r\n", format="csv"),
    passes("the value quoted", b'phone number,full_name,city\r\n+12137774445,"Lee, Ann",Boston\r\n', format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_the_position_is_the_first_extra_cell() -> None:
    d = one(csv(UNQUOTED), CODE)
    assert (d.line, d.column) == (2, 23)
