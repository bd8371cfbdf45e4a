"""RBV807 csv-misspelled-option-column: a header that looks like ``ignore e164 validation`` but is not it."""

from __future__ import annotations

from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import fixture

CODE = "RBV807"

CASES = [
    flags("underscores", b"phone number,ignore_e164_validation\r\n1001,true\r\n", At("", "warning", line=1), format="csv"),
    flags(
        "title case", b"phone number,Ignore E164 Validation\r\n1001,true\r\n", At("", line=1, says="`Ignore E164 Validation`"), format="csv"
    ),
    flags("underscores in a Google Sheets export", fixture("sheets-header-problems.csv"), At("", line=1), format="csv"),
    passes("the exact header", b"phone number,ignore e164 validation\r\n1001,true\r\n", format="csv"),
    passes("an unrelated header", b"phone number,validation_note\r\n+12137774445,ok\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)
