"""RBV816 csv-stray-whitespace: spaces around a phone number, or invisible ones (non-breaking, zero-width) anywhere in it."""

from __future__ import annotations

from tests.helpers import one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import HEADER, csv, fixture

CODE = "RBV816"

CASES = [
    flags(
        "a leading space and a zero-width space",
        HEADER + b'" +12137774445",Ann\r\n+1213777\xe2\x80\x8b4446,Bob\r\n',
        At("/tasks/0/to_number", "error", line=2, says="2 rows have spaces around them"),
        format="csv",
    ),
    flags(
        "a trailing non-breaking space",
        HEADER + b"+12137774445\xc2\xa0,Ann\r\n",
        At("/tasks/0/to_number", line=2, says="U+00A0"),
        format="csv",
    ),
    flags("a non-breaking space in an Excel export", fixture("excel-damaged.csv"), At("/tasks/3/to_number", line=5), format="csv"),
    passes("a space inside a variable", HEADER + b"+12137774445,Ann Lee\r\n", format="csv"),
    passes("ordinary spaces between the digits (RBV201)", HEADER + b"+1 213 777 4445,Ann\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_one_finding_names_every_row_and_the_invisible_characters() -> None:
    d = one(csv(HEADER + b'" +12137774445",Ann\r\n+1213777\xe2\x80\x8b4446,Bob\r\n'), CODE)
    assert d.message.endswith(": row 2 ` +12137774445` = +12137774445, row 3 `+1213777\u200b4446` = +12137774446 (holding U+200B)")
    assert d.fix is not None and (d.fix.safe, d.fix.count) == (True, 2)


def test_it_replaces_the_e164_findings() -> None:
    assert {"RBV201", "RBV202"}.isdisjoint(csv(HEADER + b'"+12137774445 ",Ann\r\n').codes)
