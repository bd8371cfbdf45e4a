"""RBV820 sheet-number-cell: a workbook's phone cells held as numbers (the + lost), one finding for the list."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import FIXED_NOW, one, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.sheets import workbook, xlsx_bytes
from validator import Report, validate_file

CODE = "RBV820"
CASES = [
    flags("a number cell", xlsx_bytes([["phone number"], [14045048120]]), At("/tasks/0/to_number", "error", line=2), format="xlsx"),
    passes("the same number as text", xlsx_bytes([["phone number"], ["+14045048120"]]), format="xlsx"),
    passes("a number in a variable column", xlsx_bytes([["phone number", "zip"], ["+14045048120", 2134]]), format="xlsx"),
]

test_cases = cases_test(CODE, CASES)


def checked(path: Path) -> Report:
    return validate_file(path, now=FIXED_NOW)


def test_number_cells_are_one_finding_with_the_number_each_stands_for(tmp_path: Path) -> None:
    path = workbook(tmp_path / "contacts.xlsx", [["phone number", "first_name"], [14045048120, "Ann"], [14045048121, "Bob"]])
    report = checked(path)
    d = one(report, CODE)
    assert (d.pointer, d.severity.value, d.line, d.column) == ("/tasks/0/to_number", "error", 2, 1)
    assert d.message == (
        "2 rows hold numbers as numbers, not text (the + and any leading 0 are gone):"
        " A2 `14045048120` = +14045048120, A3 `14045048121` = +14045048121"
    )
    assert d.fix is not None and (d.fix.safe, d.fix.count) == (True, 2)
    assert only(report, "RBV201") == [] and only(report, "RBV813") == []


def test_a_number_cell_past_15_digits_is_lost(tmp_path: Path) -> None:
    path = workbook(tmp_path / "contacts.xlsx", [["phone number"], [1.4045048120123456e17]])
    d = one(checked(path), CODE)
    assert "not phone numbers any more" in d.message or "is not a phone number any more" in d.message
    assert d.fix is None and only(checked(path), "RBV201") == []


def test_text_cells_holding_digits_are_not_number_cells(tmp_path: Path) -> None:
    path = workbook(tmp_path / "contacts.xlsx", [["phone number"], ["+14045048120"], ["14045048121"]])
    report = checked(path)
    assert only(report, CODE) == []
    assert one(report, "RBV813").line == 3  # a text cell without + is the CSV rule's
