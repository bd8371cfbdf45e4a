"""RBV811 csv-blank-variable: blank variable cells, one note per column naming the rows (RBV603 per task is superseded)."""

from __future__ import annotations

from tests.helpers import only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.csv import HEADER, csv
from validator import Severity

CODE = "RBV811"
EVERY_OTHER = HEADER + b"".join(b"+1213777%04d,%s\r\n" % (4400 + i, b"" if i % 2 else b"Ann") for i in range(14))

CASES = [
    flags(
        "blank in every other row",
        EVERY_OTHER,
        At(
            "/tasks/1/retell_llm_dynamic_variables/first_name",
            "info",
            line=3,
            says="blank in 7 of 14 rows (rows 3, 5, 7, 9, 11, 13, 15)",
        ),
        format="csv",
    ),
    flags(
        "blank or a space in every row",
        HEADER + b"+12137774445,\r\n+13105551234, \r\n",
        At("/tasks/0/retell_llm_dynamic_variables/first_name", line=2, says="blank in every row (2)"),
        format="csv",
    ),
    flags(
        "rows without a number to dial are not counted",
        HEADER + b"+12137774445,\r\n,\r\nno number,\r\n+13105551234,Bob\r\n",
        At("/tasks/0/retell_llm_dynamic_variables/first_name", line=2, says="blank in 1 of 3 rows (row 2)"),
        format="csv",
    ),
    passes("blank only where there is no number to dial", HEADER + b"+12137774445,Ann\r\n,\r\nno number,\r\n", format="csv"),
    passes(
        "the misspelled option column is RBV807's",
        b"phone number,first_name,ignore_e164_validation\r\n+12137774445,Ann,\r\n+12137774446,Bob,\r\n",
        format="csv",
    ),
    passes("every cell filled", HEADER + b"+12137774445,Ann\r\n+13105551234,Bob\r\n", format="csv"),
]

test_cases = cases_test(CODE, CASES)


def test_the_per_task_empty_variable_note_is_superseded_for_the_column() -> None:
    assert only(csv(EVERY_OTHER), "RBV603") == []


def test_a_note_never_fails_the_default_gate() -> None:
    assert not csv(EVERY_OTHER).fails(Severity.WARNING)
