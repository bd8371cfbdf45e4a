"""RBV814 csv-trailing-decimal: a phone number ending in ``.0`` (written back as a float)."""

from __future__ import annotations

from tests.helpers import one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import HEADER, csv, fixture

CODE = "RBV814"

CASES = [
    flags(
        "+12137774445.0",
        HEADER + b"+12137774445.0,Ann\r\n",
        At("/tasks/0/to_number", "error", line=2, says="ends in .0: the column was read as numbers"),
        format="csv",
    ),
    flags(".00", HEADER + b"+12137774445.00,Ann\r\n", At("/tasks/0/to_number", line=2), format="csv"),
    flags("a pandas float export", fixture("pandas-float.csv"), At("/tasks/0/to_number", line=2), format="csv"),
    passes("the number without it", HEADER + b"+12137774445,Ann\r\n", format="csv"),
    passes("a decimal part that is not zero (RBV201)", HEADER + b"12137774445.5,Ann\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_the_hint_gives_the_number_and_it_replaces_the_e164_findings() -> None:
    report = csv(fixture("pandas-float.csv"))
    assert (
        one(report, CODE).hint == "`retell-validate check --fix` writes it in E.164 in the file; export the column as text, not as numbers"
    )
    assert {"RBV201", "RBV202"}.isdisjoint(report.codes)
