"""Check a CSV contact list with the same engine and rules as a JSON payload, in bounded chunks.

Each chunk of rows becomes a payload ``{<batch fields>, "tasks": [...]}`` and
goes through :func:`validator.engine.pipeline.check_document`, so every task rule
applies to CSV rows. Memory holds one chunk plus the findings. Then:

* each chunk is checked with its ``task_offset``, so rules name its tasks in
  the file's numbering, and pointers are shifted from the chunk's ``/tasks/N``
  to the file's;
* findings about the batch as a whole (pointer ``""``: no ``from_number``, no
  calling window) are not reported, as a CSV holds tasks only, unless
  ``--from-number`` was given and rows and options form a complete payload;
* a column-wide CSV finding (blank variables) replaces the per-task findings
  its rule supersedes in every row of that column;
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
from typing import Any, BinaryIO

from validator.diagnostics import Diagnostic, Report
from validator.document import Document
from validator.engine.pipeline import check_document
from validator.engine.registry import rules_by_code
from validator.openapi.load import Spec
from validator.readers.csv.contacts import ContactList, read_contacts
from validator.settings import Settings

CHUNK_ROWS = 20_000
_TASK_POINTER = re.compile(r"^/tasks/(\d+)")

TaskSink = Callable[[list[dict[str, Any]]], None]


@dataclass(frozen=True)
class CsvOptions:
    """How to read a contact list: the separator (sniffed when None) and the batch fields it lacks."""

    delimiter: str | None = None
    batch: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


def check_csv(
    stream: BinaryIO,
    *,
    file: str | None,
    spec: Spec,
    settings: Settings,
    options: CsvOptions | None = None,
    on_tasks: TaskSink | None = None,
    chunk_rows: int = CHUNK_ROWS,
    subjects: bool = False,
) -> Report:
    """Check a contact list read from a seekable binary stream; ``on_tasks`` receives each chunk's tasks."""
    options = options or CsvOptions()
    contacts = read_contacts(stream, options.delimiter)
    if not isinstance(contacts, ContactList):
        return check_document(Document(None, "csv", contacts), file=file, spec=spec, settings=settings)
    merged = _Merged(whole_batch="from_number" in options.batch)
    for chunk in contacts.chunks(chunk_rows):
        document = Document({**options.batch, "tasks": chunk.tasks}, "csv", chunk.issues, contacts.locator(chunk), task_offset=chunk.offset)
        for diagnostic in check_document(document, file=file, spec=spec, settings=settings, subjects=subjects).diagnostics:
            merged.add(_shifted(diagnostic, chunk.offset))
        if on_tasks is not None:
            on_tasks(chunk.tasks)
    file_level = check_document(Document(None, "csv", contacts.file_issues()), file=file, spec=spec, settings=settings).diagnostics
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
        if not d.pointer.startswith("/tasks/"):
            key = (d.code, d.pointer, d.message)
            if key in self._seen:
                return
            self._seen.add(key)
        self.diagnostics.append(d)


def _without_column_superseded(rows: list[Diagnostic], grouped: Sequence[Diagnostic]) -> list[Diagnostic]:
    """A column-wide CSV finding replaces, in every row of its column, the per-task findings its rule supersedes."""
    rules = rules_by_code()
    shadowed = {(code, _column(d.pointer)) for d in grouped for code in rules[d.code].supersedes}
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
