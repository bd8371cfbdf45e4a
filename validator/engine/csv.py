"""Check a contact list (a CSV file or a workbook's sheet) with the same engine and rules as a JSON payload, in bounded chunks.

Each chunk of rows becomes a payload ``{<batch fields>, "tasks": [...]}`` and
goes through :func:`validator.engine.pipeline.check_document`, so every task rule
applies to the rows, and its messages name them by their spreadsheet row. Memory
holds one chunk plus the findings. Then:

* each chunk is checked with its ``task_offset``, and pointers are shifted from
  the chunk's ``/tasks/N`` to the file's;
* findings about the batch as a whole (pointer ``""``: no ``from_number``, no
  calling window) are not reported, as a contact list holds tasks only, unless
  ``--from-number`` was given and rows and options form a complete payload;
* phone cells written one way are one finding for the whole list (the reader's
  tally), so a row's own finding of those codes is dropped once it has done its
  work (replacing the phone rules' finding at that cell);
* a column-wide finding (blank variables) replaces the per-task findings its
  rule supersedes in every row of that column;
* a finding outside ``/tasks/N`` (batch fields given as options) is kept once,
  not once per chunk.

Rules that compare tasks with each other see one chunk at a time
(``CHUNK_ROWS`` rows), which is every row for lists up to that size.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, BinaryIO, Literal

from validator.diagnostics import Diagnostic, Report
from validator.document import Document, Issue
from validator.engine.pipeline import check_document
from validator.engine.registry import rules_by_code
from validator.knowledge.phones import Region
from validator.openapi.load import Spec
from validator.readers.csv.cells import PHONE_CELL_CODES
from validator.readers.csv.contacts import Chunk, ContactList, contact_list, read_contacts
from validator.readers.xlsx import open_workbook
from validator.settings import Settings

CHUNK_ROWS = 20_000
_TASK_POINTER = re.compile(r"^/tasks/(\d+)")

TaskSink = Callable[[list[dict[str, Any]]], None]
# A chunk as read (rows, tasks, phone readings) and its rows' findings (the file's pointers), before grouping.
ChunkSink = Callable[[Chunk, Sequence[Diagnostic]], None]
ListFormat = Literal["csv", "xlsx"]


@dataclass(frozen=True)
class CsvOptions:
    """How to read a contact list: the separator (sniffed when None) and the batch fields it lacks."""

    delimiter: str | None = None
    batch: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


def open_contacts(stream: BinaryIO, format: ListFormat, settings: Settings, options: CsvOptions | None = None) -> ContactList | list[Issue]:
    """A contact list ready to be read in chunks (CSV text or the ``sheet`` setting's sheet), or why it cannot be read.

    National numbers are read in the ``region`` setting, else the country of the batch's
    ``from_number``, else the default (:class:`~validator.knowledge.phones.Region`).
    """
    options = options or CsvOptions()
    region = Region.choose(settings.region, options.batch.get("from_number"))
    if format == "csv":
        return read_contacts(stream, options.delimiter, region)
    sheet = open_workbook(stream, settings.sheet)
    if isinstance(sheet, Issue):
        return [sheet]
    return contact_list(sheet, region, f"the sheet {sheet.name!r} is empty")


def check_csv(
    stream: BinaryIO,
    *,
    file: str | None,
    spec: Spec,
    settings: Settings,
    options: CsvOptions | None = None,
    on_tasks: TaskSink | None = None,
    on_chunk: ChunkSink | None = None,
    chunk_rows: int = CHUNK_ROWS,
    subjects: bool = False,
    format: ListFormat = "csv",
) -> Report:
    """Check a contact list read from a seekable binary stream, CSV or (``format="xlsx"``) a workbook.

    ``on_tasks`` receives each chunk's tasks (``convert`` writes them); ``on_chunk`` each chunk and
    its findings row by row, before the phone cells are grouped (a report per row).
    """
    options = options or CsvOptions()
    contacts = open_contacts(stream, format, settings, options)
    if not isinstance(contacts, ContactList):
        return check_document(Document(None, format, contacts), file=file, spec=spec, settings=settings)
    merged = _Merged(whole_batch="from_number" in options.batch)
    for chunk in contacts.chunks(chunk_rows):
        document = Document(
            {**options.batch, "tasks": chunk.tasks},
            format,
            chunk.issues,
            contacts.locator(chunk),
            task_offset=chunk.offset,
            task_rows=chunk.row_numbers,
        )
        found = [
            _shifted(d, chunk.offset)
            for d in check_document(document, file=file, spec=spec, settings=settings, subjects=subjects).diagnostics
        ]
        if on_chunk is not None:
            on_chunk(chunk, [d for d in found if d.pointer.startswith("/tasks/")])
        for diagnostic in found:
            merged.add(diagnostic)
        if on_tasks is not None:
            on_tasks(chunk.tasks)
    file_level = check_document(Document(None, format, contacts.file_issues()), file=file, spec=spec, settings=settings).diagnostics
    diagnostics = _without_column_superseded(merged.diagnostics, file_level) + list(file_level)
    diagnostics.sort(key=Diagnostic.sort_key)
    return Report(file, tuple(diagnostics))


@dataclass
class _Merged:
    """Chunk diagnostics, with what repeats per chunk or per row kept once."""

    whole_batch: bool  # --from-number given: the rows and options form a complete payload
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _seen: set[tuple[str, str, str]] = field(default_factory=set)

    def add(self, d: Diagnostic) -> None:
        if d.pointer == "" and not self.whole_batch:
            return  # about the batch as a whole (no from_number, no calling window): a CSV holds tasks only
        if d.code in PHONE_CELL_CODES:
            return  # the reader's grouped finding stands for every row written this way
        if not d.pointer.startswith("/tasks/"):
            key = (d.code, d.pointer, d.message)
            if key in self._seen:
                return
            self._seen.add(key)
        self.diagnostics.append(d)


def _without_column_superseded(rows: list[Diagnostic], grouped: Sequence[Diagnostic]) -> list[Diagnostic]:
    """A column-wide CSV finding replaces, in every row of its column, the per-task findings its rule supersedes."""
    rules = rules_by_code()
    # Phone cells are not column-wide: their rows hold the numbers read, or their own row's finding did the superseding.
    shadowed = {(code, _column(d.pointer)) for d in grouped if d.code not in PHONE_CELL_CODES for code in rules[d.code].supersedes}
    if not shadowed:
        return rows
    return [d for d in rows if (d.code, _column(d.pointer)) not in shadowed]


def _column(pointer: str) -> str:
    return _TASK_POINTER.sub("/tasks/*", pointer, count=1)


def _shifted(d: Diagnostic, offset: int) -> Diagnostic:
    """A chunk's pointer ``/tasks/N`` → the file's ``/tasks/N+offset`` (messages already use the file's numbering)."""
    if not offset:
        return d
    return replace(d, pointer=_TASK_POINTER.sub(lambda m: f"/tasks/{int(m.group(1)) + offset}", d.pointer, count=1))
