"""RBV802 csv-unclosed-quote: a quoted cell that never closes, at the quote that opened it."""

from __future__ import annotations

from tests.helpers import one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import HEADER, csv, fixture

CODE = "RBV802"

CASES = [
    flags("a quote opened and never closed", HEADER + b'+12137774445,"Ann\r\n+12137774446,Bob\r\n', At("", "error", line=2), format="csv"),
    flags("an export with an unclosed quote", fixture("unclosed-quote.csv"), At("", line=2), format="csv"),
    passes("quotes doubled inside a quoted cell", HEADER + b'+12137774445,"Ann ""A"" Lee"\r\n+12137774446,Bob\r\n', format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_the_position_is_the_opening_quote() -> None:
    d = one(csv(fixture("unclosed-quote.csv")), CODE)
    assert (d.line, d.column, d.severity.value) == (2, 14, "error")
