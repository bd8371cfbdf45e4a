"""RBV815 csv-leading-apostrophe: a phone number starting with a spreadsheet's text marker ``'``."""

from __future__ import annotations

from tests.helpers import one, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import HEADER, csv, fixture

CODE = "RBV815"

CASES = [
    flags("'+12137774445", HEADER + b"'+12137774445,Ann\r\n", At("/tasks/0/to_number", "error", line=2), format="csv"),
    flags("an Excel export", fixture("excel-damaged.csv"), At("/tasks/2/to_number", line=4), format="csv"),
    passes("the number without it", HEADER + b"+12137774445,Ann\r\n", format="csv"),
    passes("an apostrophe in a variable", HEADER + b"+12137774445,'Ann\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_the_hint_gives_the_number_and_it_replaces_the_e164_findings() -> None:
    report = csv(HEADER + b"'+12137774445,Ann\r\n")
    d = one(report, CODE)
    assert d.message == "1 row starts with an apostrophe (a spreadsheet's text marker): row 2 `'+12137774445` = +12137774445"
    assert d.hint == "`retell-validate check --fix` writes it in E.164 in the file"
    assert {"RBV201", "RBV202"}.isdisjoint(report.codes)


def test_a_number_still_invalid_without_it_is_the_phone_rules_finding() -> None:
    report = csv(HEADER + b"'+1213777444,Ann\r\n")
    assert only(report, CODE) == []
    d = one(report, "RBV201")
    assert (d.line, d.severity.value) == (2, "error") and "cannot be dialled: too short" in d.message
