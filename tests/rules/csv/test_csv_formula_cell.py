"""RBV817 csv-formula-cell: variable cells a spreadsheet reads as formulas, one warning per column; negative numbers are fine."""

from __future__ import annotations

from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import fixture

CODE = "RBV817"

CASES = [
    flags(
        "a phone number, a formula and an at-sign in two columns",
        b"phone number,callback,note\r\n+12137774445,+14157774444,-5\r\n+13105551234,=1+1,@home\r\n+14155550123,(415) 777-4444,ok\r\n",
        At("/tasks/0/retell_llm_dynamic_variables/callback", "warning", line=2, says="(rows 2, 3"),
        At("/tasks/1/retell_llm_dynamic_variables/note", "warning", line=3),
        format="csv",
    ),
    flags(
        "a dash and words",
        b"phone number,note\r\n+12137774445,- call first\r\n",
        At("/tasks/0/retell_llm_dynamic_variables/note", line=2),
        format="csv",
    ),
    flags(
        "a HYPERLINK in an Excel export",
        fixture("excel-damaged.csv"),
        At("/tasks/2/retell_llm_dynamic_variables/callback", line=4),
        format="csv",
    ),
    passes("a phone number in local notation", b"phone number,callback\r\n+12137774445,(415) 777-4444\r\n", format="csv"),
    passes("negative numbers", b"phone number,note\r\n+12137774445,-5\r\n+13105551234,-5.5\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)
