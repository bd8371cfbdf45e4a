"""RBV813 csv-missing-plus: a phone number whose ``+`` a spreadsheet dropped, when the digits are valid with it."""

from __future__ import annotations

import pytest

from tests.helpers import one, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import HEADER, csv, fixture

CODE = "RBV813"
ROW = HEADER + b"12137774445,Ann\r\n"

CASES = [
    flags("12137774445", ROW, At("/tasks/0/to_number", "error", line=2), format="csv"),
    flags("an Excel export", fixture("excel-damaged.csv"), At("/tasks/1/to_number", line=3), format="csv"),
    passes("a pandas float export: counted under its .0 (RBV814)", fixture("pandas-float.csv"), format="csv"),
    passes("the number in E.164", HEADER + b"+12137774445,Ann\r\n", format="csv"),
    passes("a US national number (lacks +1, RBV819)", HEADER + b"2137774445,Ann\r\n", format="csv"),
    flags(
        "the country code of another country: a guess",
        HEADER + b"442071838750,Ann\r\n",
        At("/tasks/0/to_number", line=2, says="only if a lost + stood before it"),
        format="csv",
    ),
    passes("too short to be an international number", HEADER + b"1001,Desk\r\n", format="csv"),
    passes("a row that ignores E.164", b"phone number,ignore e164 validation\r\n12137774445,true\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_the_hint_gives_the_number_with_plus_and_it_replaces_the_e164_findings() -> None:
    report = csv(ROW)
    d = one(report, CODE)
    assert d.message == "1 row has no leading + (a spreadsheet read it as a number and dropped it): row 2 `12137774445` = +12137774445"
    assert d.hint is not None and d.hint.startswith("`retell-validate check --fix` writes it in E.164")
    assert d.fix is not None and (d.fix.value, d.fix.safe, d.fix.count) == ("+12137774445", True, 1)
    assert {"RBV201", "RBV202"}.isdisjoint(report.codes)


def test_a_guess_is_an_unsafe_fix() -> None:
    d = one(csv(HEADER + b"442071838750,Ann\r\n447911123456,Bob\r\n"), CODE)
    assert d.fix is not None and (d.fix.value, d.fix.safe, d.fix.count) == ("+442071838750", False, 2)
    assert d.hint is not None and "--unsafe-fixes" in d.hint


@pytest.mark.parametrize("row", [b"+12137774445,Ann\r\n", b"2137774445,Ann\r\n", b"1001,Desk\r\n"], ids=["e164", "us-national", "short"])
def test_numbers_that_are_not_damaged_get_no_spreadsheet_finding(row: bytes) -> None:
    assert [d.code for d in csv(HEADER + row).diagnostics if "RBV812" <= d.code <= "RBV816"] == []


def test_a_row_that_ignores_e164_gets_neither_finding() -> None:
    report = csv(b"phone number,ignore e164 validation\r\n12137774445,true\r\n")
    assert only(report, CODE) == [] and only(report, "RBV201") == []
