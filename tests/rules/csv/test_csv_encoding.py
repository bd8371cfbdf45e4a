"""RBV801 csv-encoding: a list that is not UTF-8 or UTF-16 (Windows-1252, a workbook), at the first undecodable byte."""

from __future__ import annotations

from tests.helpers import one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import HEADER, csv, fixture

CODE = "RBV801"

CASES = [
    flags("é in Windows-1252", HEADER + b"+12137774445,Jos\xe9\r\n", At("", "error", line=2, says="“José” in Windows-1252"), format="csv"),
    flags("an Excel CSV saved on Windows", fixture("excel-windows1252.csv"), At("", line=3), format="csv"),
    flags("a workbook renamed .csv", fixture("xlsx-renamed.csv"), At("", line=1), format="csv"),
    passes("é in UTF-8", HEADER + "+12137774445,José\r\n".encode(), format="csv"),
    passes("Excel's CSV UTF-8, with its BOM", fixture("excel-utf8-clean.csv"), format="csv"),
    passes("Excel's Unicode text (UTF-16)", fixture("excel-unicode-text.csv"), format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_windows_1252_names_the_byte_the_reading_and_the_other_lines() -> None:
    d = one(csv(fixture("excel-windows1252.csv")), CODE)
    assert (d.line, d.column, d.severity.value) == (3, 17, "error")
    assert "byte 0xe9" in d.message and "“José” in Windows-1252" in d.message and "(and 1 more line)" in d.message


def test_a_workbook_is_that_finding_alone() -> None:
    assert [(d.code, d.line) for d in csv(fixture("xlsx-renamed.csv")).diagnostics] == [(CODE, 1)]
