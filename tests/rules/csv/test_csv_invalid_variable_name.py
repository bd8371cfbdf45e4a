"""RBV806 csv-invalid-variable-name: a header no prompt placeholder can name (spaces around it, braces, line breaks)."""

from __future__ import annotations

from tests.helpers import only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import csv, fixture

CODE = "RBV806"

CASES = [
    flags(
        "a leading space and braces",
        b"phone number, first_name,{{city}}\r\n+12137774445,Ann,Boston\r\n",
        At("", "error", line=1, says="spaces around it"),
        At("", line=1, says="curly braces"),
        format="csv",
    ),
    flags("a trailing space", b"phone number,first_name \r\n+12137774445,Ann\r\n", At("", line=1), format="csv"),
    flags("spaces around a header in a Google Sheets export", fixture("sheets-header-problems.csv"), At("", line=1), format="csv"),
    passes("plain names", b"phone number,first_name,city\r\n+12137774445,Ann,Boston\r\n", format="csv"),
    passes("a space inside a name", b"phone number,first name\r\n+12137774445,Ann\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_the_hint_gives_the_name_and_its_placeholder() -> None:
    [d] = only(csv(b"phone number,{{city}}\r\n+12137774445,Boston\r\n"), CODE)
    assert d.hint == "rename the header to `city` and use {{city}} in the prompt"
