"""The rows of an Excel workbook's first sheet, as text: enough to read an opt-out list's phone column.

Reads the Office Open XML parts with the standard library (``zipfile`` and ElementTree's
expat parser, which refuses entity expansion bombs): the workbook names its first sheet,
the relationships give its part, shared strings hold most text cells. Numbers typed into
a cell are stored as numerals (``2015550123`` or ``2.015550123E9``) and come back as the
integer's digits.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_COLUMN = re.compile(r"[A-Z]+")


def is_workbook(archive: zipfile.ZipFile) -> bool:
    return "xl/workbook.xml" in archive.namelist()


def rows(archive: zipfile.ZipFile) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells)`` of the first sheet, cells placed by their column letters."""
    shared = _shared_strings(archive)
    with archive.open(_first_sheet(archive)) as sheet:
        for _, element in ElementTree.iterparse(sheet):
            if element.tag != f"{_MAIN}row":
                continue
            cells: list[str] = []
            for cell in element.iter(f"{_MAIN}c"):
                column = _column(cell.get("r", ""), len(cells))
                cells.extend([""] * (column + 1 - len(cells)))
                cells[column] = _value(cell, shared)
            yield int(element.get("r", "0")), cells
            element.clear()


def _first_sheet(archive: zipfile.ZipFile) -> str:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheet = workbook.find(f"{_MAIN}sheets/{_MAIN}sheet")
    if sheet is not None and "xl/_rels/workbook.xml.rels" in archive.namelist():
        for rel in ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels")).iter(_PKG_REL):
            if rel.get("Id") == sheet.get(_DOC_REL):
                target = rel.get("Target", "")
                return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    sheets = sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    if not sheets:
        raise KeyError("the workbook has no worksheet")
    return sheets[0]


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in item.iter(f"{_MAIN}t")) for item in root.iter(f"{_MAIN}si")]


def _column(reference: str, default: int) -> int:
    letters = _COLUMN.match(reference)
    if letters is None:
        return default
    index = 0
    for letter in letters.group():
        index = index * 26 + ord(letter) - 64
    return index - 1


def _value(cell: ElementTree.Element, shared: list[str]) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{_MAIN}t"))
    raw = cell.findtext(f"{_MAIN}v") or ""
    if kind == "s":
        return shared[int(raw)] if raw.isdigit() and int(raw) < len(shared) else ""
    if kind in (None, "n"):
        try:
            number = Decimal(raw)
        except InvalidOperation:
            return raw
        return str(int(number)) if number == number.to_integral_value() else raw
    return raw
