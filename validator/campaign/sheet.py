"""A contact list or a payload as rows, for ``split``, ``hours`` and the rows report: which rows can be called, and why not the others.

A contact list (CSV, or a workbook's sheet) keeps each row as written, its row number and the
task it becomes (the number its phone cell stands for, read in the list's region); a payload keeps
each task. A row is **set aside** when it cannot be called:

* its number is not dialable (a contact list's cell that cannot be read as a number in the list's
  region, or a payload's ``to_number`` that is not a valid number in E.164 form);
* it is a duplicate of an earlier row (the numbers compared after normalising);
* its number is on a do-not-call list it must not be called on (``dnc`` in the configuration,
  ``--dnc``: an internal list always, a national one for solicitation without an exemption;
  :mod:`validator.dnc.screen`);
* its group has no legal window left (no minute both the window and the law allow);
* for a payload, the task has an error (a schema or rule error under ``/tasks/N``).

The rows that remain form one payload (the batch fields of the payload or of the options,
and a calling window: the one given, or every hour of every day, so the law and the
configured calling hours decide), which the calling-time engine parts by legal envelope
(:func:`validator.calling.envelope.parts`).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from validator.api import CheckOptions, check_file, printable_path, validate
from validator.calling.envelope import Part, parts
from validator.calling.intervals import subtract
from validator.calling.reach import WEEKDAYS, batch_start, clock_signature
from validator.calling.start import start_offences
from validator.calling.windows import DAY, clock
from validator.context import Context
from validator.diagnostics import Diagnostic, Report, Severity, blocks
from validator.dnc.screen import named, screen
from validator.engine.csv import CHUNK_ROWS, CsvOptions, ListFormat, open_contacts
from validator.engine.registry import rules_by_code
from validator.files import open_regular, read_regular
from validator.knowledge.phones import Reading, Region, analyze, normalize
from validator.openapi.load import Spec
from validator.readers import READERS, format_for_path, read_text
from validator.readers.csv.cells import CellProblem, phone_problem
from validator.readers.csv.contacts import ContactList
from validator.readers.decode import decode
from validator.settings import Settings

NOT_DIALABLE = "not a dialable number"
DUPLICATE = "a duplicate of an earlier row"
DO_NOT_CALL = "on a do-not-call list"
NO_WINDOW = "no legal window left"
TASK_ERROR = "an error in the task"
REASONS = (NOT_DIALABLE, DUPLICATE, DO_NOT_CALL, NO_WINDOW, TASK_ERROR)  # as plan.json and the messages list them
ALL_DAY = {"windows": [{"start": 0, "end": DAY}]}
_TASK = re.compile(r"^/tasks/(\d+)(?:/|$)")


class Unreadable(Exception):
    """Nothing could be read: the message says why (exit 2, nothing written)."""


@dataclass(slots=True)
class Row:
    """One input row (a contact list's row, or a payload's task) and what became of it."""

    line: int | None  # the row number a spreadsheet shows (None for a payload's task)
    cells: list[str] | None  # the row as written (None for a payload's task)
    task: Any  # the task as written (a payload), or the task the row becomes (a contact list)
    number: str | None = None  # the number in E.164 form, when dialable
    reason: str | None = None  # why the row is set aside: one of REASONS
    detail: str = ""  # the reason in words for this row
    phone_problem: CellProblem | None = None  # how a contact list's phone cell is written, when not in E.164 as it should be

    def set_aside(self, reason: str, detail: str) -> None:
        if self.reason is None:
            self.reason, self.detail = reason, detail


@dataclass
class Sheet:
    """What ``split`` and ``hours`` read: the rows, the header of a contact list, and the batch fields."""

    name: str
    rows: list[Row]
    batch: dict[str, Any]  # every field but the tasks: the payload's own, or the options' for a contact list
    header: list[str] | None = None  # a contact list's header row (None: a payload)
    phone: int | None = None  # the phone column of a contact list

    @property
    def contacts(self) -> bool:
        return self.header is not None

    def label(self, index: int) -> str:
        """How messages name a row: ``row 12`` of a sheet, ``tasks[3]`` of a payload."""
        line = self.rows[index].line
        return f"row {line}" if line is not None else f"tasks[{index}]"

    def callable(self) -> list[int]:
        return [index for index, row in enumerate(self.rows) if row.reason is None]

    def aside(self) -> list[int]:
        return [index for index, row in enumerate(self.rows) if row.reason is not None]

    def reasons(self) -> dict[str, int]:
        """How many rows are set aside for each reason, in the order of :data:`REASONS`."""
        counted = Counter(row.reason for row in self.rows if row.reason is not None)
        return {reason: counted[reason] for reason in REASONS if counted[reason]}

    def out_row(self, index: int) -> list[str]:
        """A contact list's row as a part writes it: the input's cells under the header, with the number normalised (what would be sent)."""
        row = self.rows[index]
        assert row.cells is not None and self.header is not None
        width = len(self.header)
        cells = row.cells[:width] + [""] * (width - len(row.cells))  # a short row gets its empty cells; cells past the header are dropped
        if self.phone is not None and row.number is not None:
            cells[self.phone] = row.number
        return cells


@dataclass
class Plan:
    """The callable rows parted by legal envelope: each part with the rows in it (indexes into ``sheet.rows``)."""

    sheet: Sheet
    context: Context
    parts: list[tuple[Part, list[int]]] = field(default_factory=list)

    @property
    def start(self) -> int:
        """The batch's start, in minutes since the epoch (a future trigger, else now)."""
        return batch_start(self.context)


def dialable(text: object, region: str | None) -> tuple[str | None, str]:
    """The number in E.164 form, or ``None`` and why it cannot be dialled (a number written nationally is read in ``region``).

    A contact list's task already holds the number its cell stands for (:func:`validator.knowledge.phones.normalize`,
    in the list's region); a payload's task must hold it in E.164, as the API takes it.
    """
    if not isinstance(text, str) or not text.strip():
        return None, "no number"
    info = analyze(text)
    if info.is_e164 and info.valid:
        return text, ""
    reading = normalize(text, region)
    if reading.e164 is None:
        return None, f"{text!r}: {reading.detail or 'not a phone number'}"
    if not info.is_e164:
        return None, f"{text!r} is not in E.164 form: write {reading.e164}"
    return None, f"{text!r}: {info.problem}"


def read_sheet(path: Path, csv: CsvOptions, settings: Settings, spec: Spec, name: str | None = None) -> Sheet:
    """A contact list's rows or a payload's tasks, with the undialable and duplicate rows (and tasks with errors) set aside.

    :class:`Unreadable` when nothing can be read, or a payload's batch fields have errors. ``name``: how messages
    name the input (default: its path).
    """
    sheet = read_rows(path, csv, settings, name)
    if not sheet.contacts:
        _set_aside_errors(sheet, path, settings, spec)
    region = Region.choose(settings.region, sheet.batch.get("from_number")).name
    seen: dict[str, int] = {}
    for index, row in enumerate(sheet.rows):
        if row.reason is not None:
            continue
        number, why = dialable(row.task.get("to_number") if isinstance(row.task, dict) else None, region)
        if number is None:
            row.set_aside(NOT_DIALABLE, why)
            continue
        row.number = number
        first = seen.setdefault(number, index)
        if first != index:
            row.set_aside(DUPLICATE, f"{number} is also {sheet.label(first)}")
    _set_aside_listed(sheet, settings, spec)
    return sheet


def _set_aside_listed(sheet: Sheet, settings: Settings, spec: Spec) -> None:
    """Rows whose numbers are on a do-not-call list they must not be called on; :class:`Unreadable` when a list cannot be used."""
    if not settings.dnc:
        return
    chosen = sheet.callable()
    screening = screen(Context({**sheet.batch, "tasks": [task_to_call(sheet.rows[i]) for i in chosen]}, spec, settings))
    for path, why in screening.unusable:
        raise Unreadable(f"do-not-call list {path}: {why} (nothing written)")
    for listed in screening.barred():
        sheet.rows[chosen[listed.position]].set_aside(DO_NOT_CALL, f"{listed.number} is on {named(listed.internal or listed.national)}")


def read_rows(path: Path, csv: CsvOptions, settings: Settings, name: str | None = None) -> Sheet:
    """A contact list's rows (as written, and the tasks they become) or a payload's tasks; :class:`Unreadable` when there are none.

    A contact list is a CSV file or a workbook's sheet (the ``sheet`` setting), its numbers read in the ``region``
    setting, else the country of ``--from-number`` (:func:`validator.engine.csv.open_contacts`). ``name``: how
    messages name the input (default: its path).
    """
    name = name or printable_path(path)
    format = format_for_path(path)
    try:
        if format in ("csv", "xlsx"):
            sheet = _read_contacts(path, name, "xlsx" if format == "xlsx" else "csv", csv, settings)
        else:
            sheet = _read_payload(path, name, csv)
    except OSError as exc:
        raise Unreadable(f"{name}: cannot read: {exc.strerror or exc}") from None
    if not sheet.rows:
        raise Unreadable(f"{name}: {'the contact list has a header but no rows' if sheet.contacts else 'the payload has no tasks'}")
    return sheet


def _read_contacts(path: Path, name: str, format: ListFormat, csv: CsvOptions, settings: Settings) -> Sheet:
    with open_regular(path) as stream:
        contacts = open_contacts(stream, format, settings, csv)
        if not isinstance(contacts, ContactList):
            raise Unreadable(f"{name}: {'; '.join(issue.finding.message for issue in contacts) or 'no rows'}")
        phone = contacts.layout.phone
        rows = [
            Row(record.row, record.cells, task, phone_problem=_cell_problem(reading, phone in record.numbers))
            for chunk in contacts.chunks(CHUNK_ROWS)
            for record, task, reading in zip(chunk.records, chunk.tasks, chunk.readings, strict=True)
        ]
    return Sheet(name, rows, dict(csv.batch), contacts.layout.header.cells, contacts.layout.phone)


def _cell_problem(reading: Reading | None, number_cell: bool) -> CellProblem | None:
    return phone_problem(reading, number_cell=number_cell) if reading is not None else None


def phone_rows(sheet: Sheet) -> dict[str, set[int]]:
    """The rows whose phone cell a grouped contact-list finding counts, by its code (RBV819 …): each row it covers, not its first."""
    found: dict[str, set[int]] = {}
    for index, row in enumerate(sheet.rows):
        if row.phone_problem is not None:
            found.setdefault(row.phone_problem.code, set()).add(index)
    return found


def _read_payload(path: Path, name: str, csv: CsvOptions) -> Sheet:
    if csv.batch:
        raise Unreadable(f"{name}: --from-number, --window and the other batch options are for contact lists; the payload has its own")
    text, _ = decode(read_regular(path, READERS[format_for_path(path) or "json"].max_bytes))
    document = read_text(text, format_for_path(path))[0] if text is not None else None
    if document is None or not isinstance(document.data, dict):
        raise Unreadable(f"{name}: not a payload (check it with `retell-validate check`)")
    return sheet_of(name, document.data)


def _set_aside_errors(sheet: Sheet, path: Path, settings: Settings, spec: Spec) -> None:
    """Tasks with errors are set aside; errors in the batch's own fields refuse the payload (:class:`Unreadable`)."""
    # The calling-hours rules run on the parts and the do-not-call lists are screened below; here only errors count.
    options = CheckOptions(settings=dataclasses.replace(settings, ignore=settings.ignore | {"RBV7", "RBV9"}), spec=spec)
    report = check_file(path, options)
    batch_errors = []
    for d in report.errors:
        match = _TASK.match(d.pointer)
        if match and int(match[1]) < len(sheet.rows):
            sheet.rows[int(match[1])].set_aside(TASK_ERROR, f"{d.code} {d.message}")
        else:
            batch_errors.append(d)
    if batch_errors:
        raise Unreadable(f"{sheet.name}: {_first_errors(Report(sheet.name, tuple(batch_errors)))}: fix the batch first (nothing written)")


def _first_errors(report: Report) -> str:
    errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    shown = "; ".join(f"{d.code} {d.message}" + (f" ({d.pointer})" if d.pointer else "") for d in errors[:3])
    return shown + (f"; and {len(errors) - 3} more" if len(errors) > 3 else "")


def plan(sheet: Sheet, settings: Settings, spec: Spec) -> Plan | None:
    """The callable rows parted by legal envelope; rows whose part has no legal window are set aside. ``None`` without a usable window."""
    batch = dict(sheet.batch)
    if sheet.contacts and "call_time_window" not in batch:
        batch["call_time_window"] = ALL_DAY  # no window asked for: the law and the calling hours decide
    chosen = sheet.callable()
    tasks = [task_to_call(sheet.rows[index]) for index in chosen]
    context = Context({**batch, "tasks": tasks}, spec, settings, "csv" if sheet.contacts else "json")
    found = parts(context)
    if found is None:
        return None
    result = Plan(sheet, context)
    placed: set[int] = set()
    for part in found:
        members = [chosen[i] for i in part.indexes]
        placed.update(members)
        if part.window is None:
            for index in members:
                sheet.rows[index].set_aside(
                    NO_WINDOW, f"no minute is allowed for {part.label} in {part.zone} by both the window and the law"
                )
        else:
            result.parts.append((part, members))
    for index in chosen:
        if index not in placed:  # a number with no known zone: its hours cannot be checked
            sheet.rows[index].set_aside(NO_WINDOW, "the number's time zone is unknown, so no window can be checked")
    return result


def plan_for(path: Path, csv: CsvOptions, settings: Settings, spec: Spec, name: str | None = None) -> Plan:
    """The input's callable rows parted by legal envelope (:func:`read_sheet`, then :func:`plan`), as ``split`` and ``hours`` read it.

    :class:`Unreadable` when nothing can be read or the batch has no usable window.
    """
    sheet = read_sheet(path, csv, settings, spec, name)
    found = plan(sheet, settings, spec)
    if found is None:
        raise Unreadable(
            f"{sheet.name}: the payload has no usable call_time_window (calls may ring at any hour: see `retell-validate check`)"
        )
    return found


def outside_hours(batch: dict[str, Any], tasks: list[Any], settings: Settings, spec: Spec) -> list[list[int]]:
    """The groups of tasks whose calls can ring when the calling hours or the law bar them (task indexes, one list per group).

    The batch as checked (the payload's window, or a contact list's ``--window``), every task with a
    number in E.164 form, as the calling-hours rules see them, parted by legal envelope.
    """
    context = Context({**batch, "tasks": tasks}, spec, settings)
    outside = [
        part.indexes
        for part in parts(context) or []
        if any(subtract(part.envelope.reach[day], part.envelope.legal[day]) for day in range(7))
    ]
    # Without a window, the moment the batch starts (RBV709).
    return outside + [sorted(i for who in offence.groups.values() for i in who.indexes) for offence in start_offences(context)]


def hours_findings(sheet: Sheet, groups: list[list[int]], settings: Settings, spec: Spec) -> dict[int, tuple[Diagnostic, ...]]:
    """For each row of those groups, the calling-hours findings about its group: each group checked alone by the RBV7xx rules."""
    others = frozenset(code[:4] for code in rules_by_code() if not code.startswith("RBV7"))
    only_hours = dataclasses.replace(settings, ignore=settings.ignore | others)
    found: dict[int, tuple[Diagnostic, ...]] = {}
    for rows in groups:
        alone = validate({**sheet.batch, "tasks": [sheet.rows[i].task for i in rows]}, settings=only_hours, spec=spec)
        about = tuple(d for d in alone.diagnostics if blocks(d))
        found.update(dict.fromkeys(rows, about))
    return found


def sheet_of(name: str, payload: dict[str, Any]) -> Sheet:
    """A payload already read, as rows (one per task)."""
    tasks = payload.get("tasks")
    rows = [Row(None, None, task) for task in tasks] if isinstance(tasks, list) else []
    return Sheet(name, rows, {key: value for key, value in payload.items() if key != "tasks"})


def task_to_call(row: Row) -> Any:
    """The task as it is sent: a payload's as written; a contact list's with the number normalised."""
    if row.cells is None or not isinstance(row.task, dict):
        return row.task
    return {**row.task, "to_number": row.number}


# -- parts in words ---------------------------------------------------------------------------------

# Clocks named as people say them: a part's zone that keeps one of these clocks takes its word.
_CLOCK_WORDS = (
    ("America/New_York", "eastern"),
    ("America/Chicago", "central"),
    ("America/Denver", "mountain"),
    ("America/Phoenix", "arizona"),
    ("America/Los_Angeles", "pacific"),
    ("America/Anchorage", "alaska"),
    ("America/Adak", "aleutian"),
    ("Pacific/Honolulu", "hawaii"),
    ("America/Halifax", "atlantic"),
    ("America/Puerto_Rico", "puerto-rico"),
    ("America/St_Johns", "newfoundland"),
    ("America/Regina", "saskatchewan"),
    ("Pacific/Guam", "chamorro"),
    ("Pacific/Pago_Pago", "samoa"),
)


def zone_word(zone: str, start: int) -> str:
    """``central`` for a zone on Chicago's clock; else the zone's city (``sydney``)."""
    signature = clock_signature(zone, start)
    for reference, word in _CLOCK_WORDS:
        if clock_signature(reference, start) == signature:
            return word
    return re.sub(r"[^a-z0-9]+", "-", zone.rsplit("/", 1)[-1].lower()).strip("-")


def days_words(days: tuple[int, ...], *, short: bool = False) -> str:
    """``every day``, ``Monday–Saturday``, ``Monday, Wednesday, Friday`` (``mon-sat`` short)."""
    names = [WEEKDAYS[d][:3].lower() if short else WEEKDAYS[d] for d in days]
    if len(days) == 7:
        return "every-day" if short else "every day"
    if len(days) >= 3 and list(days) == list(range(days[0], days[-1] + 1)):
        return f"{names[0]}-{names[-1]}" if short else f"{names[0]}–{names[-1]}"
    return "-".join(names) if short else ", ".join(names)


def windows_words(windows: tuple[tuple[int, int], ...], *, short: bool = False) -> str:
    """``09:00–20:00`` (``0900-2000`` short); several joined."""
    if short:
        return "-".join(f"{clock(a).replace(':', '')}-{clock(b).replace(':', '')}" for a, b in windows)
    return ", ".join(f"{clock(a)}–{clock(b)}" for a, b in windows)


def counted(n: int, noun: str) -> str:
    """``1 row``, ``1,204 rows``."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def iter_parts(found: Plan) -> Iterator[tuple[int, Part, list[int], str]]:
    """``(number, part, rows, name)``: ``02-central-mon-sat-0900-2000`` (no extension)."""
    for number, (part, rows) in enumerate(found.parts, 1):
        assert part.window is not None
        windows, days = part.window
        words = f"{zone_word(part.zone, found.start)}-{days_words(days, short=True)}-{windows_words(windows, short=True)}"
        yield number, part, rows, f"{number:02d}-{words}"
