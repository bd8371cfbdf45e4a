"""Workbooks for tests: an .xlsx written by openpyxl from rows of Python values (a number stays a number cell)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl


def workbook(path: Path, rows: list[list[Any]], *, title: str = "Contacts", more_sheets: dict[str, list[list[Any]]] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, extra in (more_sheets or {}).items():
        other = book.create_sheet(name)
        for row in extra:
            other.append(row)
    book.save(path)
    return path


def cells(path: Path, sheet: str | None = None) -> list[tuple[str, Any, str]]:
    """Every cell that holds something: (coordinate, value, openpyxl data type: ``s`` text, ``n`` number)."""
    book = openpyxl.load_workbook(path)
    chosen = book[sheet] if sheet else book.worksheets[0]
    return [(c.coordinate, c.value, c.data_type) for row in chosen.iter_rows() for c in row if c.value is not None]


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    """A one-sheet workbook's bytes, for a rule case (``format="xlsx"``)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
