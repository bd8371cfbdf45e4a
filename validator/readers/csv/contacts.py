"""Contact-list rows → tasks, in bounded chunks, with what the spreadsheet did to them.

Row problems carry chunk-local pointers (``/tasks/i`` within the chunk) so
the engine can check a chunk as an ordinary payload. Problems that repeat
down a column (blank variables, formula-like cells, empty rows, values
without a header) are tallied over the whole file and reported once each
after the last chunk, with global pointers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any, BinaryIO

from validator.diagnostics import Finding
from validator.document import Issue, LocateRequest, Span
from validator.pointer import join as pointer_join
from validator.pointer import unescape
from validator.readers import codes
from validator.readers.csv.cells import formula_like, is_true, phone_damage
from validator.readers.csv.header import IGNORE_E164_COLUMN, Layout, read_header
from validator.readers.csv.source import CsvText, Record, open_csv

LISTED_LINES = 10  # lines named in a grouped warning before "and N more"
_TASK_POINTER = re.compile(r"^/tasks/(\d+)(.*)$")
_CLEAN_PHONE = re.compile(r"^\+\d{6,15}$")
_VARIABLES = "/retell_llm_dynamic_variables/"


@dataclass
class Chunk:
    """Consecutive tasks starting at task ``offset``, their records, and their row issues (local pointers)."""

    offset: int
    tasks: list[dict[str, Any]] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


@dataclass
class _Tally:
    """Rows sharing one problem: how many, the first lines, and where the first one is."""

    count: int = 0
    lines: list[int] = field(default_factory=list)
    first: tuple[str, Span] | None = None
    sample: str = ""

    def add(self, line: int, pointer: str, at: Callable[[], Span] | None = None, sample: str = "") -> None:
        """Count a row; ``at`` (the position) is only computed for the first one."""
        self.count += 1
        if len(self.lines) < LISTED_LINES:
            self.lines.append(line)
        if self.first is None:
            self.first = (pointer, at() if at else Span(line, 1))
            self.sample = sample

    def where(self) -> str:
        listed = ", ".join(str(n) for n in self.lines)
        more = self.count - len(self.lines)
        return f"line{'s' if self.count > 1 else ''} {listed}" + (f" and {more:,} more" if more else "")


class ContactList:
    """A contact list being read: its header layout, then its rows chunk by chunk."""

    def __init__(self, text: CsvText, layout: Layout, records: Iterator[Record]) -> None:
        self.text = text
        self.layout = layout
        self._records = records
        self.rows = 0
        self._empty = _Tally()
        self._blank: dict[str, _Tally] = {}
        self._formula: dict[str, _Tally] = {}
        self._unnamed: dict[int, _Tally] = {}

    def chunks(self, size: int) -> Iterator[Chunk]:
        """Tasks in chunks of at most ``size`` rows; at least one chunk, empty when the file has no rows."""
        chunk = Chunk(0)
        for record in self._records:
            if not any(cell.strip() for cell in record.cells):
                self._empty.add(record.line, "")
                continue
            chunk.tasks.append(self._task(record, chunk))
            chunk.records.append(record)
            self.rows += 1
            if len(chunk.tasks) == size:
                yield chunk
                chunk = Chunk(self.rows)
        if chunk.tasks or not self.rows:
            yield chunk

    def locator(self, chunk: Chunk) -> RowLocator:
        return RowLocator(self.layout, chunk.records, self.text.delimiter)

    def _task(self, record: Record, chunk: Chunk) -> dict[str, Any]:
        layout, cells = self.layout, record.cells
        local = f"/tasks/{len(chunk.tasks)}"
        spans: list[Span] = []

        def span(column: int) -> Span:
            if not spans:
                spans.extend(record.spans(self.text.delimiter))
            return spans[column] if column < len(spans) else record.whole()

        def issue(code: str, pointer: str, message: str, hint: str | None, at: Span) -> None:
            chunk.issues.append(Issue(code, Finding(pointer, message, hint), at))

        if len(cells) != layout.width:
            self._cell_count(record, local, issue, span)
        phone = cells[layout.phone] if layout.phone is not None and layout.phone < len(cells) else ""
        task: dict[str, Any] = {"to_number": phone}
        if layout.ignore_e164 is not None and layout.ignore_e164 < len(cells):
            flag = is_true(cells[layout.ignore_e164])
            if flag:
                task["ignore_e164_validation"] = True
            elif flag is None:
                message = f"`{IGNORE_E164_COLUMN}` is {cells[layout.ignore_e164]!r}: only true turns the E.164 check off"
                issue(codes.CSV_INVALID_BOOLEAN, local, message, "write true, or leave the cell empty", span(layout.ignore_e164))
        if phone and not _CLEAN_PHONE.match(phone):
            for code, message, hint in phone_damage(phone, relaxed="ignore_e164_validation" in task):
                issue(code, f"{local}/to_number", message, hint, span(layout.phone or 0))
        if layout.variables:
            task["retell_llm_dynamic_variables"] = self._variables(record, span)
        for column in layout.unnamed:
            if column < len(cells) and cells[column].strip():
                self._unnamed.setdefault(column, _Tally()).add(record.line, "", partial(span, column), cells[column])
        return task

    def _variables(self, record: Record, span: Callable[[int], Span]) -> dict[str, str]:
        cells, values = record.cells, {}
        pointer = f"/tasks/{self.rows}"
        for name, column in self.layout.variables.items():
            value = cells[column] if column < len(cells) else ""  # a short row's missing cells are sent empty
            values[name] = value
            if not value.strip():
                self._blank.setdefault(name, _Tally()).add(record.line, pointer, partial(span, column))
            elif formula_like(value):
                self._formula.setdefault(name, _Tally()).add(record.line, pointer, partial(span, column), value)
        return values

    def _cell_count(self, record: Record, local: str, issue: Any, span: Any) -> None:
        cells, width = record.cells, self.layout.width
        if len(cells) > width:
            extra = ", ".join(repr(c) for c in cells[width:][:3]) + (", …" if len(cells) - width > 3 else "")
            sep = "tab" if self.text.delimiter == "\t" else f"{self.text.delimiter!r}"
            message = f"the row has {len(cells)} cells but the header has {width}: {extra} belong to no column and are dropped"
            hint = f'a value containing {sep} must be quoted ("Lee{self.text.delimiter} Ann"), or add the missing header'
            start = span(width)
            issue(codes.CSV_EXTRA_CELLS, local, message, hint, Span(start.line, start.column, *_end(record.whole())))
        else:
            missing = ", ".join(f"`{h}`" for h in self.layout.header.cells[len(cells) :][:3])
            message = (
                f"the row has {len(cells)} of {width} cells: {missing} {'is' if width - len(cells) == 1 else 'are'} missing and sent empty"
            )
            issue(
                codes.CSV_MISSING_CELLS,
                local,
                message,
                "add the missing cells (empty ones too) so every row has one per header",
                record.whole(),
            )

    def file_issues(self) -> list[Issue]:
        """Header, dialect and grouped row issues: call after the last chunk."""
        issues = list(self.layout.issues) + self.text.issues
        if self._empty.count:
            message = f"{self._empty.count:,} empty row{'s are' if self._empty.count > 1 else ' is'} skipped ({self._empty.where()})"
            issues.append(_grouped(codes.CSV_EMPTY_ROW, self._empty, message, "delete the empty rows"))
        for column, tally in self._unnamed.items():
            message = f"column {column + 1} has no header but holds values ({tally.where()}, first {tally.sample!r}); they are dropped"
            at = self.layout.cell_span(column)
            issues.append(
                Issue(codes.CSV_UNNAMED_COLUMN, Finding("", message, "give the column a header (it becomes the variable name)"), at)
            )
        for name, tally in self._blank.items():
            issues.append(_grouped(codes.CSV_BLANK_VARIABLE, tally, self._blank_message(name, tally), _blank_hint(name), name))
        for name, tally in self._formula.items():
            message = (
                f"`{name}` has {tally.count:,} cell{'s' if tally.count > 1 else ''} a spreadsheet reads as a formula"
                f" ({tally.where()}, first {tally.sample!r}): opening this CSV in Excel again changes or runs them"
            )
            hint = "the values are sent as written; to reopen the file, use Excel's Data › From Text/CSV with this column set to Text"
            issues.append(_grouped(codes.CSV_FORMULA_CELL, tally, message, hint, name))
        return issues

    def _blank_message(self, name: str, tally: _Tally) -> str:
        placeholder = "{{" + name + "}}"
        if tally.count == self.rows:
            return f"`{name}` is blank in every row ({self.rows:,}): the prompt says nothing where {placeholder} stands"
        return f"`{name}` is blank in {tally.count:,} of {self.rows:,} rows ({tally.where()}): the prompt says nothing where {placeholder} stands"


def _blank_hint(name: str) -> str:
    return f"fill the cells, set a default for {{{{{name}}}}} on the agent, or remove the column if no prompt uses it"


def _grouped(code: str, tally: _Tally, message: str, hint: str, variable: str | None = None) -> Issue:
    assert tally.first is not None
    pointer, span = tally.first
    if variable is not None:
        pointer = pointer_join(pointer, "retell_llm_dynamic_variables", variable)
    return Issue(code, Finding(pointer, message, hint), span)


def _end(span: Span) -> tuple[int | None, int | None]:
    return span.end_line, span.end_column


def read_contacts(stream: BinaryIO, delimiter: str | None = None) -> ContactList | list[Issue]:
    """Open a contact list and read its header; the issues instead when no row can be read."""
    text = open_csv(stream, delimiter)
    if isinstance(text, Issue):
        return [text]
    records = text.records()
    header = next(records, None)
    if header is None:
        return [
            *text.issues,
            Issue(codes.EMPTY_DOCUMENT, Finding("", "the CSV file is empty: expected a header row with `phone number`"), Span(1, 1)),
        ]
    layout = read_header(header, text.delimiter)
    if layout.phone is None:
        return layout.issues + text.issues
    return ContactList(text, layout, records)


class RowLocator:
    """Task pointers of one chunk → the CSV cells they came from (header cells for variable names)."""

    def __init__(self, layout: Layout, records: list[Record], delimiter: str) -> None:
        self._layout = layout
        self._records = records
        self._delimiter = delimiter

    def locate(self, requests: Collection[LocateRequest]) -> dict[LocateRequest, Span]:
        out: dict[LocateRequest, Span] = {}
        spans: dict[int, list[Span]] = {}
        for pointer, target in requests:
            match = _TASK_POINTER.match(pointer)
            if match is None or int(match.group(1)) >= len(self._records):
                continue
            index, rest = int(match.group(1)), match.group(2)
            record = self._records[index]
            column = self._column(rest)
            if column is None:
                out[(pointer, target)] = record.whole()
            elif target == "key" and rest.startswith(_VARIABLES):
                out[(pointer, target)] = self._layout.cell_span(column)
            else:
                if index not in spans:  # once per record: setdefault's argument would be computed per request
                    spans[index] = record.spans(self._delimiter)
                cells = spans[index]
                out[(pointer, target)] = cells[column] if column < len(cells) else record.whole()
        return out

    def _column(self, rest: str) -> int | None:
        if rest == "/to_number":
            return self._layout.phone
        if rest == "/ignore_e164_validation":
            return self._layout.ignore_e164
        if rest.startswith(_VARIABLES):
            name = unescape(rest[len(_VARIABLES) :].split("/", 1)[0])
            return self._layout.variables.get(name)
        return None
