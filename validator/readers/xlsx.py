"""Excel workbooks (``.xlsx``) as contact lists: one sheet's rows, read with openpyxl in read-only mode.

Read-only mode streams the sheet's XML row by row, so memory stays flat however long the
list. Cells are read as the workbook holds them (``data_only``: a formula's last computed
value): text as written, a number as its digits, ``TRUE``/``FALSE``, a date in ISO 8601. A
phone cell held as a number is Excel damage (the ``+`` and leading zeros are gone), which
:attr:`SheetRow.numbers` lets the contact list report. A workbook that cannot be opened
(password-protected, damaged, a legacy ``.xls``, no such sheet) is one issue, never an exception.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, BinaryIO

from validator.diagnostics import Finding
from validator.document import Issue, Span
from validator.readers import codes

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: a legacy .xls, or an encrypted (password-protected) .xlsx
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")  # the stream an encrypted OOXML file holds
_SAVE_AS = "in Excel: File › Save As › “Excel Workbook (.xlsx)” or “CSV UTF-8 (Comma delimited)”"
_NO_FLOAT_DIGITS = 10**15  # past 15 significant digits a spreadsheet number has lost digits


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One row of a sheet: its cells as text, its row number, and the columns held as numbers."""

    cells: list[str]
    row: int
    numbers: frozenset[int] = frozenset()

    @property
    def line(self) -> int:
        return self.row

    def spans(self) -> list[Span]:
        return [Span(self.row, column) for column in range(1, len(self.cells) + 1)]

    def row_span(self) -> Span:
        return Span(self.row, 1)

    def cell(self, column: int) -> str:
        return f"{column_letter(column)}{self.row}"


def column_letter(column: int) -> str:
    """A 0-based column's letters as a sheet names it: 0 → ``A``, 26 → ``AA``."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class SheetTable:
    """A workbook sheet being read: its rows once each, from the first that holds a value (the header)."""

    workbook: Any  # openpyxl's read-only Workbook, closed when the rows are done
    sheet: Any
    issues: list[Issue] = field(default_factory=list)
    delimiter: str | None = None

    @property
    def name(self) -> str:
        return str(self.sheet.title)

    def rows(self) -> Iterator[SheetRow]:
        width: int | None = None
        try:
            for number, values in enumerate(self.sheet.iter_rows(values_only=True), 1):
                if width is None:
                    if not any(value is not None and str(value).strip() for value in values):
                        continue  # rows above the header
                    width = _last_value(values)
                yield _row(number, values, width)
        except Exception as exc:  # a damaged sheet part: what was read stands, and the rest is named
            self.issues.append(_issue(f"the sheet {self.name!r} could not be read to the end: {_reason(exc)}"))
        finally:
            self.workbook.close()


def open_workbook(stream: BinaryIO, sheet: str | None = None) -> SheetTable | Issue:
    """The workbook's first worksheet (or the one named ``sheet``); an :class:`Issue` when it cannot be opened."""
    head = stream.read(64 * 1024)
    stream.seek(0)
    if head.startswith(_OLE2):
        if _ENCRYPTED in head or _ENCRYPTED in stream.read():
            return _issue("the workbook is password-protected (encrypted), so its cells cannot be read", "save a copy without a password")
        return _issue("the file is a legacy Excel workbook (.xls), not .xlsx", _SAVE_AS)
    import openpyxl  # 70 ms to import: paid only when a workbook is read, not by every run (the pre-commit hook)

    try:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except zipfile.BadZipFile:
        return _issue("the file is not an .xlsx workbook: it is damaged, or not a ZIP archive", _SAVE_AS)
    except Exception as exc:  # openpyxl's own errors, and whatever a damaged archive makes it raise
        return _issue(f"the file cannot be read as an .xlsx workbook: {_reason(exc)}", _SAVE_AS)
    sheets = workbook.worksheets
    if sheet is not None:
        chosen = next((s for s in sheets if s.title == sheet), None)
        if chosen is None:
            names = ", ".join(repr(s.title) for s in sheets) or "none"
            workbook.close()
            return _issue(f"the workbook has no sheet named {sheet!r} (its sheets: {names})", "name one of them with --sheet")
    elif sheets:
        chosen = sheets[0]
    else:
        workbook.close()
        return _issue("the workbook has no worksheet (only chart sheets)")
    chosen.reset_dimensions()  # a wrong <dimension> would cut rows and columns off: read what the sheet holds
    return SheetTable(workbook, chosen)


def _row(number: int, values: tuple[Any, ...], width: int) -> SheetRow:
    cells = [_text(value) for value in values[: max(_last_value(values), width)]]
    if len(cells) < width:
        cells += [""] * (width - len(cells))  # empty cells at the end of a row are not stored: they are empty, not missing
    numbers = frozenset(i for i, value in enumerate(values) if isinstance(value, int | float) and not isinstance(value, bool))
    return SheetRow(cells, number, numbers)


def _last_value(values: tuple[Any, ...]) -> int:
    """The width of a row up to its last cell that holds something."""
    for index in range(len(values) - 1, -1, -1):
        if values[index] is not None and values[index] != "":
            return index + 1
    return 0


def _text(value: Any) -> str:
    """A cell as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < _NO_FLOAT_DIGITS else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _reason(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _issue(message: str, hint: str | None = None) -> Issue:
    return Issue(codes.SHEET_UNREADABLE, Finding("", message, hint), Span(1, 1))
