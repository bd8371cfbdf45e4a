"""RBV803 csv-no-phone-column: no ``phone number`` header; a lookalike is named and the rows are still checked with it."""

from __future__ import annotations

import pytest

from tests.helpers import one, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import HEADER, csv, fixture

CODE = "RBV803"

CASES = [
    flags(
        "Phone Number",
        b"Phone Number,first_name\r\n+12137774445,Ann\r\n",
        At("", "error", line=1, says="did you mean `Phone Number`"),
        format="csv",
    ),
    flags("no lookalike", fixture("sheets-no-phone-column.csv"), At("", line=1), format="csv"),
    flags("a lookalike in the Google Sheets export", fixture("sheets-header-problems.csv"), At("", line=1), format="csv"),
    passes("phone number", HEADER + b"+12137774445,Ann\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize("header", ["phone", "Phone Number", "phone_number", "to_number"])
def test_lookalikes_get_did_you_mean_and_the_rows_are_still_checked(header: str) -> None:
    report = csv(f"{header},first_name\r\n1.2E+10,Ann\r\n".encode())
    d = one(report, CODE)
    assert (d.line, d.column, d.severity.value) == (1, 1, "error")
    assert f"did you mean `{header}`" in d.message
    assert [(x.line, x.pointer) for x in only(report, "RBV812")] == [(2, "/tasks/0/to_number")]


def test_without_a_lookalike_it_is_the_only_finding() -> None:
    report = csv(fixture("sheets-no-phone-column.csv"))
    assert [(d.code, d.line, d.severity.value) for d in report.diagnostics] == [(CODE, 1, "error")]
