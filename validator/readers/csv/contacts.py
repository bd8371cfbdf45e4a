"""Contact-list rows → tasks, in bounded chunks, with what the spreadsheet did to them.

The rows come from a CSV file or a workbook's sheet (:class:`~validator.readers.csv.source.Row`).
Each phone cell is read with :func:`~validator.knowledge.phones.normalize` in the list's
region; the task holds the number it stands for, so every rule sees the number that would be
called, and the spelling is reported once per kind for the whole list (``271 rows write numbers
nationally, e.g. row 3 …``), with the count ``--fix`` would repair. A cell that cannot be read
keeps its text, and the phone rules say why, row by row.

Row problems carry chunk-local pointers (``/tasks/i`` within the chunk) so the engine can
check a chunk as an ordinary payload. Problems that repeat down a column (phone spellings,
blank variables, formula-like cells, empty rows, values without a header) are tallied over the
whole file and reported once each after the last chunk, with global pointers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any, BinaryIO, Protocol

from validator.diagnostics import Finding, Fix
from validator.document import Issue, LocateRequest, Span
from validator.knowledge.phones import Artifact, Problem, Reading, Region, normalize
from validator.pointer import join as pointer_join
from validator.pointer import unescape
from validator.readers import codes
from validator.readers.csv.cells import CellProblem, formula_like, is_true, phone_problem
from validator.readers.csv.header import IGNORE_E164_COLUMN, Layout, read_header
from validator.readers.csv.source import Row, open_csv

LISTED_ROWS = 10  # rows named in a grouped finding before "and N more"
EXAMPLES = 3  # cells quoted in a grouped phone finding
_TASK_POINTER = re.compile(r"^/tasks/(\d+)(.*)$")
_CLEAN_PHONE = re.compile(r"^\+[1-9]\d{5,14}$")
_VARIABLES = "/retell_llm_dynamic_variables/"
_MEANS = re.compile(r"(means [^,]+)")


class Table(Protocol):
    """Where a contact list's rows come from: a CSV text or a workbook's sheet."""

    @property
    def delimiter(self) -> str | None:
        """The CSV separator; ``None`` for a sheet."""

    @property
    def issues(self) -> list[Issue]:
        """What reading the rows noticed (filled as they are read)."""

    def rows(self) -> Iterator[Row]: ...


@dataclass
class Chunk:
    """Consecutive tasks starting at task ``offset``, their rows, and their row issues (local pointers).

    ``readings``: each task's phone cell as :func:`normalize` read it (``None`` when the cell was
    already E.164, or the row sets ``ignore e164 validation``).
    """

    offset: int
    tasks: list[dict[str, Any]] = field(default_factory=list)
    records: list[Row] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    readings: list[Reading | None] = field(default_factory=list)

    @property
    def row_numbers(self) -> list[int]:
        """The spreadsheet row number of each task."""
        return [record.row for record in self.records]


@dataclass
class _Tally:
    """Rows sharing one problem: how many, the first rows, and where the first one is."""

    count: int = 0
    rows: list[int] = field(default_factory=list)
    first: tuple[str, Span] | None = None
    samples: list[str] = field(default_factory=list)
    value: str | None = None  # the first repaired number (a grouped phone fix)

    def add(self, row: int, pointer: str, at: Callable[[], Span] | None = None, sample: str = "") -> None:
        """Count a row; ``at`` (the position) is only computed for the first one."""
        self.count += 1
        if len(self.rows) < LISTED_ROWS:
            self.rows.append(row)
        if self.first is None:
            self.first = (pointer, at() if at else Span(row, 1))
        if sample and len(self.samples) < EXAMPLES:
            self.samples.append(sample)

    def where(self) -> str:
        listed = ", ".join(str(n) for n in self.rows)
        more = self.count - len(self.rows)
        return f"row{'s' if self.count > 1 else ''} {listed}" + (f" and {more:,} more" if more else "")


class ContactList:
    """A contact list being read: its header layout, then its rows chunk by chunk."""

    def __init__(self, table: Table, layout: Layout, rows: Iterator[Row], region: Region | None = None) -> None:
        self.table = table
        self.layout = layout
        self.region = region or Region()
        self._records = rows
        self.rows = 0
        self._empty = _Tally()
        self._blank: dict[str, _Tally] = {}
        self._formula: dict[str, _Tally] = {}
        self._unnamed: dict[int, _Tally] = {}
        self._phones: dict[CellProblem, _Tally] = {}

    def chunks(self, size: int) -> Iterator[Chunk]:
        """Tasks in chunks of at most ``size`` rows; at least one chunk, empty when the file has no rows."""
        chunk = Chunk(0)
        for record in self._records:
            if not "".join(record.cells).strip():  # every cell blank (one join and strip: this runs for every row)
                self._empty.add(record.row, "", record.row_span)
                continue
            chunk.tasks.append(self._task(record, chunk))
            chunk.records.append(record)
            self.rows += 1
            if len(chunk.tasks) == size:
                yield chunk
                chunk = Chunk(self.rows)
        if chunk.tasks or not self.rows:
            yield chunk

    def readings(self) -> Iterator[tuple[Row, Reading]]:
        """Each remaining row's phone cell as read, without building tasks (``--fix`` needs no more)."""
        for record in self._records:
            reading = self.reading(record)
            if reading is not None:
                yield record, reading

    def reading(self, record: Row) -> Reading | None:
        """The row's phone cell read in the list's region; ``None`` for an E.164 text cell, an empty one, or a row that ignores E.164."""
        layout, cells = self.layout, record.cells
        phone = cells[layout.phone] if layout.phone is not None and layout.phone < len(cells) else ""
        if not phone or (_CLEAN_PHONE.match(phone) and layout.phone not in record.numbers):
            return None
        if layout.ignore_e164 is not None and layout.ignore_e164 < len(cells) and is_true(cells[layout.ignore_e164]):
            return None  # a pseudo number on custom telephony: not ours to read
        return normalize(phone, self.region.code)

    def locator(self, chunk: Chunk) -> RowLocator:
        return RowLocator(self.layout, chunk.records)

    def _task(self, record: Row, chunk: Chunk) -> dict[str, Any]:
        layout, cells = self.layout, record.cells
        local = f"/tasks/{len(chunk.tasks)}"
        spans: list[Span] = []

        def span(column: int) -> Span:
            if not spans:
                spans.extend(record.spans())
            return spans[column] if column < len(spans) else record.row_span()

        def issue(code: str, pointer: str, message: str, hint: str | None, at: Span) -> None:
            chunk.issues.append(Issue(code, Finding(pointer, message, hint), at))

        if len(cells) < layout.width or any(cell.strip() for cell in cells[layout.width :]):  # empty extra cells drop nothing
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
        reading = self.reading(record)
        if reading is not None:
            task["to_number"] = self._phone(record, reading, local, chunk, span)
        chunk.readings.append(reading)
        if layout.variables:
            # A row without a number to dial is reported as such; its blank cells are no further news.
            task["retell_llm_dynamic_variables"] = self._variables(record, span, phone)
        for column in layout.unnamed:
            if column < len(cells) and cells[column].strip():
                self._unnamed.setdefault(column, _Tally()).add(record.row, "", partial(span, column), repr(cells[column]))
        return task

    def _phone(self, record: Row, reading: Reading, local: str, chunk: Chunk, span: Callable[[int], Span]) -> str:
        """The number the task calls (the cell's reading when it has one), counting the cell under its problem."""
        column = self.layout.phone or 0
        problem = phone_problem(reading, number_cell=column in record.numbers)
        if problem is None:
            return reading.e164 or reading.text
        tally = self._phones.setdefault(problem, _Tally())
        pointer = f"/tasks/{self.rows}/to_number"
        name = record.cell(column)
        shown = f"{name} `{reading.text}`" + (f" = {reading.e164}" if reading.e164 else f" ({_meaning(reading)})" if reading.detail else "")
        if Artifact.WHITESPACE in reading.artifacts and not reading.text.isascii():
            invisible = sorted({f"U+{ord(c):04X}" for c in reading.text if not c.isascii() and (c.isspace() or not c.isprintable())})
            shown += f" (holding {', '.join(invisible)})"
        if problem.repairable:
            tally.add(record.row, pointer, partial(span, column), shown)
            tally.value = tally.value or reading.e164
            return reading.e164 or reading.text
        # The number cannot be read: the task keeps the text, and this row's issue replaces the phone rules' finding.
        tally.add(record.row, pointer, partial(span, column), shown)
        message = f"{name} {problem.one}: {reading.detail or repr(reading.text)}"
        chunk.issues.append(Issue(problem.code, Finding(f"{local}/to_number", message), span(column)))
        return reading.text

    def _variables(self, record: Row, span: Callable[[int], Span], phone: str) -> dict[str, str]:
        cells, values = record.cells, {}
        pointer = f"/tasks/{self.rows}"
        recipient: bool | None = None  # whether the row has a number to dial: asked only of rows with a blank cell
        for name, column in self.layout.variables.items():
            value = cells[column] if column < len(cells) else ""  # a short row's missing cells are sent empty
            values[name] = value
            if not value.strip():
                if recipient is None:
                    recipient = any(c.isdigit() for c in phone)
                if not recipient or name in self.layout.reported:
                    continue
                self._blank.setdefault(name, _Tally()).add(record.row, pointer, partial(span, column))
            elif formula_like(value):
                self._formula.setdefault(name, _Tally()).add(record.row, pointer, partial(span, column), repr(value))
        return values

    def _cell_count(self, record: Row, local: str, issue: Any, span: Any) -> None:
        cells, width = record.cells, self.layout.width
        delimiter = self.table.delimiter or ","
        if len(cells) > width:
            extra = ", ".join(repr(c) for c in cells[width:][:3]) + (", …" if len(cells) - width > 3 else "")
            sep = "tab" if delimiter == "\t" else f"{delimiter!r}"
            message = f"row {record.row} has {len(cells)} cells but the header has {width}: {extra} belong to no column and are dropped"
            hint = f'a value containing {sep} must be quoted ("Lee{delimiter} Ann"), or add the missing header'
            start = span(width)
            issue(codes.CSV_EXTRA_CELLS, local, message, hint, Span(start.line, start.column, *_end(record.row_span())))
        else:
            missing = ", ".join(f"`{h}`" for h in self.layout.header.cells[len(cells) :][:3])
            are = "is" if width - len(cells) == 1 else "are"
            message = f"row {record.row} has {len(cells)} of {width} cells: {missing} {are} missing and sent empty"
            issue(
                codes.CSV_MISSING_CELLS,
                local,
                message,
                "add the missing cells (empty ones too) so every row has one per header",
                record.row_span(),
            )

    def file_issues(self) -> list[Issue]:
        """Header, dialect and grouped row issues: call after the last chunk."""
        issues = list(self.layout.issues) + self.table.issues
        for problem, tally in self._phones.items():
            issues.append(self._phone_issue(problem, tally))
        if self._empty.count:
            message = f"{self._empty.count:,} empty row{'s are' if self._empty.count > 1 else ' is'} skipped ({self._empty.where()})"
            issues.append(_grouped(codes.CSV_EMPTY_ROW, self._empty, message, "delete the empty rows"))
        for column, tally in self._unnamed.items():
            message = f"column {column + 1} has no header but holds values ({tally.where()}, first {tally.samples[0]}); they are dropped"
            at = self.layout.cell_span(column)
            issues.append(
                Issue(codes.CSV_UNNAMED_COLUMN, Finding("", message, "give the column a header (it becomes the variable name)"), at)
            )
        for name, tally in self._blank.items():
            issues.append(_grouped(codes.CSV_BLANK_VARIABLE, tally, self._blank_message(name, tally), _blank_hint(name), name))
        for name, tally in self._formula.items():
            message = (
                f"`{name}` has {tally.count:,} cell{'s' if tally.count > 1 else ''} a spreadsheet reads as a formula"
                f" ({tally.where()}, first {tally.samples[0]}): opening this CSV in Excel again changes or runs them"
            )
            hint = "the values are sent as written; to reopen the file, use Excel's Data › From Text/CSV with this column set to Text"
            issues.append(_grouped(codes.CSV_FORMULA_CELL, tally, message, hint, name))
        return issues

    def _phone_issue(self, problem: CellProblem, tally: _Tally) -> Issue:
        """One finding for every row counted under ``problem``: the count, examples, the rows, and the fix."""
        what = f"1 row {problem.one}" if tally.count == 1 else f"{tally.count:,} rows {problem.many}"
        if tally.count > len(tally.samples):
            message = f"{what}, e.g. {', '.join(tally.samples)} ({tally.where()})"
        else:
            message = f"{what}: {', '.join(tally.samples)}"
        if problem.repairable and problem.national:
            message += f"; read as {self.region.name} numbers ({self.region.source})"
        steps = []
        fix = None
        if problem.repairable:
            them = "it" if tally.count == 1 else "them"
            if problem.safe:
                steps.append(f"`retell-validate check --fix` writes {them} in E.164 in the file")
            else:
                steps.append(f"if that reading is right, `retell-validate check --fix --unsafe-fixes` writes {them} in E.164 in the file")
            title = f"write {tally.count:,} number{'s' if tally.count > 1 else ''} in E.164"
            fix = Fix(tally.value, problem.safe, title, count=tally.count)
        if problem.national and not self.region.code:
            if problem.repairable:
                steps.append(f"if they are not {self.region.name} numbers, set --region (or region in the configuration) to their country")
            else:
                steps.append("set --region (or region in the configuration) to the country they are written in, e.g. --region GB")
        if problem.advice:
            steps.append(problem.advice)
        assert tally.first is not None
        pointer, span = tally.first
        return Issue(problem.code, Finding(pointer, message, "; ".join(steps) or None, fix=fix), span)

    def _blank_message(self, name: str, tally: _Tally) -> str:
        spoken = f"if the agent's prompt uses {{{{{name}}}}}, it says nothing there"
        if tally.count == self.rows:
            return f"`{name}` is blank in every row ({self.rows:,}): {spoken}"
        return f"`{name}` is blank in {tally.count:,} of {self.rows:,} rows ({tally.where()}): {spoken}"


def _meaning(reading: Reading) -> str:
    """What an unreadable cell says, shortest: ``means 12137800000`` for scientific notation, else the problem's sentence."""
    meant = _MEANS.search(reading.detail) if reading.problem is Problem.EXCEL_DAMAGE else None
    return meant.group(1) if meant else reading.detail


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


def read_contacts(stream: BinaryIO, delimiter: str | None = None, region: Region | None = None) -> ContactList | list[Issue]:
    """Open a CSV contact list and read its header; the issues instead when no row can be read."""
    text = open_csv(stream, delimiter)
    if isinstance(text, Issue):
        return [text]
    return contact_list(text, region, "the CSV file is empty")


def contact_list(table: Table, region: Region | None, empty: str) -> ContactList | list[Issue]:
    """A table's first row as the header, and its other rows to come; the issues when there is no usable header."""
    rows = table.rows()
    header = next(rows, None)
    while header is not None and not any(cell.strip() for cell in header.cells):
        header = next(rows, None)  # blank lines above the header hold nothing
    if header is None:
        return [*table.issues, Issue(codes.EMPTY_DOCUMENT, Finding("", f"{empty}: expected a header row with `phone number`"), Span(1, 1))]
    layout = read_header(header)
    if layout.phone is None:
        return layout.issues + table.issues
    return ContactList(table, layout, rows, region)


class RowLocator:
    """Task pointers of one chunk → the cells they came from (header cells for variable names)."""

    def __init__(self, layout: Layout, records: list[Row]) -> None:
        self._layout = layout
        self._records = records

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
                out[(pointer, target)] = record.row_span()
            elif target == "key" and rest.startswith(_VARIABLES):
                out[(pointer, target)] = self._layout.cell_span(column)
            else:
                if index not in spans:  # once per record: setdefault's argument would be computed per request
                    spans[index] = record.spans()
                cells = spans[index]
                out[(pointer, target)] = cells[column] if column < len(cells) else record.row_span()
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
