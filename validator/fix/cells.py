"""``--fix`` on contact lists: each phone cell that stands for a valid number rewritten in E.164, nothing else.

The cells to rewrite are the ones the check counts as repairable (a national spelling, a lost ``+``,
a trailing ``.0``, a number cell, …: :func:`validator.readers.csv.cells.phone_problem` on
:func:`validator.knowledge.phones.normalize`'s reading, in the list's region), so the report's
"N fixable with --fix" is what ``--fix`` does. Cells that cannot be read (scientific notation,
a sentence, a number without its area code) are left alone; the report still names them.

* **CSV**: the file is read a second time, record by record, and only the phone cell's text in a
  changed record is replaced (inside its quotes when it was quoted). Every other byte is the
  file's own: header, column order, other cells, quoting, separator, line endings, encoding and
  BOM. The edited text must decode back to the same records with only those cells changed, or
  nothing is written.
* **XLSX**: the sheet's XML is edited in place: each rewritten cell becomes an inline text cell
  (keeping its style); every other part of the workbook (other sheets, styles, charts, macros)
  is copied as it was.

Either way the edited file is checked before it replaces the original (that check is the report
``--fix`` prints), and every rewritten cell must read back as its number, held as text.

Writes go through :func:`validator.fix.apply.write_atomic` (a temporary file, ``fsync``,
``os.replace``, mode and owner kept) after :func:`validator.fix.apply.refuse_unwritable`.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from validator.diagnostics import Diagnostic
from validator.engine.csv import CsvOptions, ListFormat, check_csv, open_contacts
from validator.files import read_regular
from validator.fix.apply import FixOutcome, refuse_unwritable, write_atomic
from validator.openapi.load import Spec
from validator.readers.csv.cells import phone_problem
from validator.readers.csv.contacts import Chunk, ContactList
from validator.readers.csv.source import CsvText, Record, cell_spans, open_csv
from validator.readers.xlsx import column_letter
from validator.settings import Settings

_UTF16_32 = {
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
}
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)c\b([^>]*?)(/>|>(.*?)</\1c>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_TYPE = re.compile(rb'\s+t="[^"]*"')


class NotRewritten(Exception):
    """The edited file would not read back as intended: nothing is written."""


@dataclass
class Repairs:
    """The phone cells ``--fix`` rewrites: row number → (cell text, E.164), and what ``--unsafe-fixes`` would add."""

    column: int | None = None
    cells: dict[int, tuple[str, str]] = field(default_factory=dict)
    unsafe_left: int = 0


def plan_repairs(stream: BinaryIO, format: ListFormat, settings: Settings, options: CsvOptions | None, *, unsafe: bool) -> Repairs:
    """Read the list as ``check`` does and collect the cells it counts as repairable (safe ones, and unsafe ones when ``unsafe``)."""
    contacts = open_contacts(stream, format, settings, options)
    repairs = Repairs()
    if not isinstance(contacts, ContactList):
        return repairs
    column = repairs.column = contacts.layout.phone
    if column is None:
        return repairs
    for record, reading in contacts.readings():
        problem = phone_problem(reading, number_cell=column in record.numbers)
        if reading.e164 is None or problem is None or not problem.repairable:
            continue
        if problem.safe or unsafe:
            repairs.cells[record.row] = (reading.text, reading.e164)
        else:
            repairs.unsafe_left += 1
    return repairs


def fix_contacts(
    path: Path | None,
    data: bytes,
    format: ListFormat,
    *,
    file: str | None,
    settings: Settings,
    spec: Spec,
    options: CsvOptions | None,
    unsafe: bool,
    write: bool,
) -> FixOutcome:
    """Rewrite the repairable phone cells of a contact list (``data``, read from ``path``); with ``write`` replace ``path``.

    Raises :class:`~validator.fix.apply.FixRefused` when ``path`` cannot be rewritten as it is.
    """
    repairs = plan_repairs(io.BytesIO(data), format, settings, options, unsafe=unsafe)
    if not repairs.cells or repairs.column is None:
        report = check_csv(io.BytesIO(data), file=file, spec=spec, settings=settings, options=options, format=format)
        return FixOutcome(report, "", "", 0, 0 if unsafe else repairs.unsafe_left)
    try:
        if format == "csv":
            fixed, before, after = _fixed_csv(data, options, repairs)
        else:
            fixed, before, after = _fixed_xlsx(data, settings.sheet, repairs)
        # The edited file, checked as it will be reported, must hold each new number as text in its cell.
        read_back = _ReadBack(repairs)
        report = check_csv(io.BytesIO(fixed), file=file, spec=spec, settings=settings, options=options, format=format, on_chunk=read_back)
        read_back.finish()
    except NotRewritten as exc:
        report = check_csv(io.BytesIO(data), file=file, spec=spec, settings=settings, options=options, format=format)
        return FixOutcome(report, "", "", 0, 0 if unsafe else repairs.unsafe_left, (f"{file}: {exc}; nothing written",))
    if write and path is not None:
        refuse_unwritable(path)
        write_atomic(path, fixed)
    return FixOutcome(report, before, after, len(repairs.cells), 0 if unsafe else repairs.unsafe_left)


class _ReadBack:
    """Checks, chunk by chunk, that every rewritten cell reads as its E.164 number, held as text."""

    def __init__(self, repairs: Repairs) -> None:
        self.repairs, self.seen = repairs, 0

    def __call__(self, chunk: Chunk, found: Sequence[Diagnostic]) -> None:
        column = self.repairs.column
        assert column is not None
        for record in chunk.records:
            edit = self.repairs.cells.get(record.row)
            if edit is None:
                continue
            self.seen += 1
            if column >= len(record.cells) or record.cells[column] != edit[1] or column in record.numbers:
                raise NotRewritten(f"{record.cell(column)} did not read back as {edit[1]}")

    def finish(self) -> None:
        if self.seen != len(self.repairs.cells):
            raise NotRewritten(f"{len(self.repairs.cells) - self.seen} rewritten row(s) did not read back")


def fix_contacts_file(
    path: Path, format: ListFormat, *, settings: Settings, spec: Spec, options: CsvOptions | None, unsafe: bool, write: bool
) -> FixOutcome:
    """:func:`fix_contacts` for a file (read whole: a contact list of a million rows is some 50 MB)."""
    if write:
        refuse_unwritable(path)
    data = read_regular(path, None)
    return fix_contacts(path, data, format, file=str(path), settings=settings, spec=spec, options=options, unsafe=unsafe, write=write)


# -- CSV ----------------------------------------------------------------------------------------------------


def _fixed_csv(data: bytes, options: CsvOptions | None, repairs: Repairs) -> tuple[bytes, str, str]:
    """The file with the planned phone cells replaced, and its text before and after (for ``--diff``)."""
    text = open_csv(io.BytesIO(data), options.delimiter if options else None, exact=True)
    if not isinstance(text, CsvText):
        raise NotRewritten("the file could not be read again")
    column = repairs.column
    assert column is not None
    before: list[str] = []
    after: list[str] = []
    for record in text.rows():
        before.append(record.raw)
        edit = repairs.cells.get(record.row)
        after.append(record.raw if edit is None else _edited(record, column, *edit))
    if len(after) != len(before):
        raise NotRewritten("the file changed while it was fixed")
    old, new = "".join(before), "".join(after)
    encode = _encoder(data, text.encoding)
    if encode(old) != data:
        raise NotRewritten(f"its {text.encoding.upper()} text does not encode back to the same bytes")
    return encode(new), old, new


def _edited(record: Record, column: int, cell: str, e164: str) -> str:
    spans, _ = cell_spans(record.raw, record.delimiter)
    if column >= len(spans) or column >= len(record.cells) or record.cells[column] != cell:
        raise NotRewritten(f"row {record.row} no longer holds {cell!r}")
    start, end = spans[column]
    quoted = record.raw[start:end].startswith('"')
    return record.raw[:start] + (f'"{e164}"' if quoted else e164) + record.raw[end:]


def _encoder(data: bytes, encoding: str) -> Callable[[str], bytes]:
    """Text → the file's bytes: its BOM, then the text in its encoding (undecodable bytes written back as they were)."""
    for bom, name in _UTF16_32.items():
        if data.startswith(bom) and encoding in ("utf-16", "utf-32"):
            return lambda text: bom + text.encode(name)
    if encoding == "utf-8-sig":
        return lambda text: codecs.BOM_UTF8 + text.encode("utf-8", "surrogateescape")
    if encoding == "utf-8":
        return lambda text: text.encode("utf-8", "surrogateescape")
    return lambda text: text.encode(encoding)


# -- XLSX ---------------------------------------------------------------------------------------------------


def _fixed_xlsx(data: bytes, sheet: str | None, repairs: Repairs) -> tuple[bytes, str, str]:
    """The workbook with the planned cells of its sheet written as text; a listing of the cells before and after."""
    assert repairs.column is not None
    letters = column_letter(repairs.column).encode()
    wanted = {letters + str(row).encode(): e164 for row, (_, e164) in repairs.cells.items()}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _sheet_part(archive, sheet)
            xml = archive.read(part)
            done: set[bytes] = set()
            edited = _CELL.sub(lambda m: _text_cell(m, wanted, done), xml)
            if done != set(wanted):
                missing = sorted(ref.decode() for ref in set(wanted) - done)[:3]
                raise NotRewritten(f"cells {', '.join(missing)} could not be found in the sheet's XML (or hold a formula)")
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w") as rewritten:
                for info in archive.infolist():
                    rewritten.writestr(info, edited if info.filename == part else archive.read(info.filename))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise NotRewritten(f"the workbook could not be rewritten: {exc}") from None
    fixed = out.getvalue()
    cells = sorted(repairs.cells.items())
    before = "".join(f"{letters.decode()}{row}: {old}\n" for row, (old, _) in cells)
    after = "".join(f"{letters.decode()}{row}: {new}\n" for row, (_, new) in cells)
    return fixed, before, after


def _sheet_part(archive: zipfile.ZipFile, sheet: str | None) -> str:
    """The zip member of the sheet openpyxl reads: the one named ``sheet``, else the first worksheet."""
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): (r.get("Target") or "", r.get("Type") or "") for r in rels.iter(_RELATIONSHIPS)}
    for element in ElementTree.fromstring(archive.read("xl/workbook.xml")).iter(_SHEET):
        target, kind = targets.get(element.get(_REL_ID), ("", ""))
        if not kind.endswith("/worksheet") or (sheet is not None and element.get("name") != sheet):
            continue
        return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    raise NotRewritten("the sheet could not be found in the workbook")


def _text_cell(match: re.Match[bytes], wanted: dict[bytes, str], done: set[bytes]) -> bytes:
    prefix, attributes, body = match.group(1), match.group(2), match.group(4) or b""
    ref = _REF.search(attributes)
    if ref is None:
        return match.group(0)
    name = ref.group(1) + ref.group(2)
    if name not in wanted or f"<{prefix.decode()}f".encode() in body:
        return match.group(0)  # a formula cell is not overwritten: its value comes from the formula
    done.add(name)
    text = escape(wanted[name]).encode()
    kept = _TYPE.sub(b"", attributes)
    return b'<%sc%s t="inlineStr"><%sis><%st>%s</%st></%sis></%sc>' % (prefix, kept, prefix, prefix, text, prefix, prefix, prefix)
