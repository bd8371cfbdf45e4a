"""Workbooks as contact lists: positions name the sheet's row and column, cells read as a CSV export holds them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from click.testing import CliRunner

from tests.helpers import FIXED_NOW, one
from tests.sheets import workbook
from validator import validate_file
from validator.cli.main import main
from validator.engine.csv import open_contacts
from validator.readers import format_for_path
from validator.readers.csv.contacts import ContactList
from validator.settings import Settings


def test_xlsx_is_a_contact_list_format() -> None:
    assert format_for_path(Path("contacts.xlsx")) == "xlsx" and format_for_path(Path("Contacts.XLSM")) == "xlsx"


def test_positions_are_sheet_rows_and_columns_and_messages_name_the_cell(tmp_path: Path) -> None:
    path = workbook(tmp_path / "contacts.xlsx", [["first_name", "phone number"], ["Ann", "+14045048120"], ["Bob", "555-0199"]])
    d = one(validate_file(path, now=FIXED_NOW), "RBV201")
    assert (d.file, d.line, d.column, d.pointer) == (str(path), 3, 2, "/tasks/1/to_number")
    cli = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, str(path)])
    assert f"{path}:3:2: RBV201" in cli.stdout


def test_rows_above_the_header_and_gaps_keep_the_sheets_numbering(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A3"], sheet["B3"] = "phone number", "first_name"
    sheet["A4"], sheet["B4"] = "(404) 504-8120", "Ann"
    sheet["A7"], sheet["B7"] = "(404) 504-8121", "Bob"
    book.save(tmp_path / "c.xlsx")
    d = one(validate_file(tmp_path / "c.xlsx", now=FIXED_NOW), "RBV819")
    assert d.line == 4 and "A4 `(404) 504-8120` = +14045048120, A7 `(404) 504-8121` = +14045048121" in d.message


def test_cells_are_read_as_text_a_csv_export_would_hold(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["phone number", "n", "when", "day", "flag", "ratio"],
        ["+14045048120", 7, datetime(2026, 6, 1, 9, 30), date(2026, 6, 2), True, 0.5],
    ]
    path = workbook(tmp_path / "c.xlsx", rows)
    contacts = open_contacts(path.open("rb"), "xlsx", Settings())
    assert isinstance(contacts, ContactList)
    [task] = next(contacts.chunks(10)).tasks
    assert task["retell_llm_dynamic_variables"] == {
        "n": "7",
        "when": "2026-06-01 09:30:00",
        "day": "2026-06-01",
        "flag": "TRUE",
        "ratio": "0.5",
    } | {"day": "2026-06-02"}


def test_a_sheet_without_a_phone_column_or_without_rows(tmp_path: Path) -> None:
    no_phone = workbook(tmp_path / "a.xlsx", [["name", "email"], ["Ann", "a@example.com"]])
    assert one(validate_file(no_phone, now=FIXED_NOW), "RBV803").severity.value == "error"
    empty = workbook(tmp_path / "b.xlsx", [])
    d = one(validate_file(empty, now=FIXED_NOW), "RBV005")
    assert d.message == "the sheet 'Contacts' is empty: expected a header row with `phone number`"


def test_bad_workbooks_exit_1_with_a_finding_and_nothing_written(tmp_path: Path) -> None:
    path = tmp_path / "contacts.xlsx"
    path.write_bytes(b"PK\x03\x04 broken")
    result = CliRunner().invoke(main, ["check", "--fix", "--now", FIXED_NOW, str(path)])
    assert result.exit_code == 1 and "RBV821" in result.stdout and "Traceback" not in result.output
    assert path.read_bytes() == b"PK\x03\x04 broken"
    out = tmp_path / "batch.json"
    converted = CliRunner().invoke(main, ["convert", str(path), "--from-number", "+14155550100", "-o", str(out)])
    assert converted.exit_code == 1 and not out.exists()
