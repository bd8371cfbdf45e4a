"""RBV815 csv-leading-apostrophe: a phone number starting with a spreadsheet's text marker ``'``."""

from __future__ import annotations

from tests.helpers import one
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
    assert one(report, CODE).hint == "write it as +12137774445"
    assert {"RBV201", "RBV202"}.isdisjoint(report.codes())


def test_the_hint_notes_when_the_repaired_number_is_still_invalid() -> None:
    d = one(csv(HEADER + b"'+1213777444,Ann\r\n"), CODE)
    assert (d.line, d.severity.value) == (2, "error")
    assert d.hint is not None and "even then it is not valid" in d.hint
