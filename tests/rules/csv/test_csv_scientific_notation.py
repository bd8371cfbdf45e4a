"""RBV812 csv-scientific-notation: a phone number saved as ``1.21378E+10``, saying what the cell now means."""

from __future__ import annotations

from tests.helpers import one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import HEADER, csv, fixture

CODE = "RBV812"
ROW = HEADER + b"1.21378E+10,Ann\r\n"

CASES = [
    flags("1.21378E+10", ROW, At("/tasks/0/to_number", "error", line=2, says="means 12137800000"), format="csv"),
    flags(
        "lower-case e without sign, on the next row",
        HEADER + b"+12137774445,Ann\r\n2.2e10,Bob\r\n",
        At("/tasks/1/to_number", line=3),
        format="csv",
    ),
    flags("an Excel export", fixture("excel-damaged.csv"), At("/tasks/0/to_number", line=2), format="csv"),
    passes("the number in E.164", HEADER + b"+12137774445,Ann\r\n", format="csv"),
    passes("a decimal without exponent (RBV201)", HEADER + b"1.2,Ann\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_the_position_is_the_cell_and_it_replaces_the_e164_findings() -> None:
    report = csv(ROW)
    d = one(report, CODE)
    assert (d.line, d.column) == (2, 1)
    assert {"RBV201", "RBV202"}.isdisjoint(report.codes)
