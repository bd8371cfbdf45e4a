"""The rows report (``check --report rows:FILE``, the web page's download): every input row with what became of it, for a spreadsheet (``.csv`` or ``.xlsx`` by extension).

Reporters format diagnostics only; this report also needs the input's rows, so it is written from
the rows read again (:mod:`validator.campaign.sheet`) and the reports of the run.
Each row of a contact list keeps its columns as written, in its original order; a payload gives
one row per task (``task``, ``to_number`` and its dynamic variables). Then:

* ``status``: ``set aside`` when something stands in the way of calling it (an error on the row,
  calls that ring when the calling hours or the law bar them, a do-not-call listing: what the
  verdict counts), else ``fixed`` when ``--fix`` changed it, else ``ok``;
* ``problems``: every finding about the row, ``CODE message`` each on one line, in the order found.

With several inputs a ``file`` column comes first and the columns are those of every input, in
order of appearance. The calling-hours rows are also what the verdict counts
(:func:`cover`), so the report and the verdict agree; a contact list's phone spellings, one finding
for all their rows, are given to each row too.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from validator.campaign.sheet import Row, Sheet, Unreadable, hours_findings, outside_hours, phone_rows, read_rows
from validator.diagnostics import Diagnostic, Report, blocks
from validator.engine.csv import CsvOptions
from validator.files import write_output
from validator.openapi.load import Spec
from validator.settings import Settings

ROWS = "rows"  # the --report format
SUFFIXES = (".csv", ".xlsx")
_TASK = re.compile(r"^/tasks/(\d+)(?:/|$)")
_HOURS_CODES = "RBV7"
_CONTACT_LIST_CODES = "RBV8"  # the contact-list family: a phone spelling is one finding for every row written that way


@dataclass
class Input:
    """One checked input: its report, and what reading it again needs."""

    path: Path
    report: Report
    csv: CsvOptions
    settings: Settings
    spec: Spec
    before: Sheet | None = None  # the rows before --fix rewrote the file
    outside: list[list[int]] = field(default_factory=list)  # groups of rows whose calls ring when a rule bars them
    covered: dict[str, set[int]] = field(default_factory=dict)  # code of a grouped finding → every row it covers (the verdict)


def needs_hours(report: Report) -> bool:
    """Whether the report has calling-hours or calling-law findings that block sending (their rows are then worked out)."""
    return any(d.code.startswith(_HOURS_CODES) and blocks(d) for d in report.diagnostics)


def _grouped_phones(report: Report) -> set[str]:
    """The codes of the contact-list findings that block sending (among them the phone spellings, each one finding for its rows)."""
    return {d.code for d in report.diagnostics if d.code.startswith(_CONTACT_LIST_CODES) and blocks(d)}


def cover(item: Input, payload: Any = None) -> None:
    """Every row the input's grouped blocking findings cover (``item.outside``, ``item.covered``), read only when there are some.

    ``payload``: the document, if still in hand (a contact list is read again).
    """
    hours, phones = needs_hours(item.report), _grouped_phones(item.report)
    if not (hours or phones):
        return
    if isinstance(payload, dict):
        tasks = payload.get("tasks")
        batch = {key: value for key, value in payload.items() if key != "tasks"}
        sheet = None
    else:
        try:
            sheet = read_rows(item.path, item.csv, item.settings, item.report.file)
        except (Unreadable, OSError):
            return
        batch, tasks = sheet.batch, [row.task for row in sheet.rows]
    if hours:
        item.outside = outside_hours(batch, tasks if isinstance(tasks, list) else [], item.settings, item.spec)
        rows = {index for group in item.outside for index in group}
        item.covered.update({d.code: rows for d in item.report.diagnostics if d.code.startswith(_HOURS_CODES) and blocks(d)})
    if sheet is not None and phones:
        item.covered.update({code: rows for code, rows in phone_rows(sheet).items() if code in phones})


def write_rows(path: Path, inputs: Sequence[Input]) -> str | None:
    """Write the rows report; the error message when it cannot be written."""
    if path.suffix.lower() not in SUFFIXES:
        return f"{path}: the rows report is .csv or .xlsx"
    header: list[str] = []
    table: list[dict[str, str]] = []
    for item in inputs:
        try:
            sheet = read_rows(item.path, item.csv, item.settings, item.report.file)
        except Unreadable as exc:
            table.append({"file": item.report.file or "", "status": "set aside", "problems": str(exc)})
            continue
        columns, rows = _rows(sheet, item)
        header.extend(column for column in columns if column not in header)
        for row in rows:
            row["file"] = item.report.file or ""
        table.extend(rows)
    status, problems = _unique(header, "status"), _unique(header, "problems")
    if len(inputs) > 1:
        header.insert(0, _unique(header, "file"))
    header += [status, problems]
    cells = [[row.get(column, "") for column in header[:-2]] + [row["status"], row["problems"]] for row in table]
    try:
        (_write_xlsx if path.suffix.lower() == ".xlsx" else _write_csv)(path, header, cells)
    except OSError as exc:
        return f"{path}: cannot write the rows report: {exc.strerror or exc}"
    return None


def _rows(sheet: Sheet, item: Input) -> tuple[list[str], list[dict[str, str]]]:
    """The input's columns and each row's cells by column, with its status and problems."""
    found: dict[int, list[Diagnostic]] = {}
    for d in item.report.diagnostics:
        match = _TASK.match(d.pointer)
        if match:
            found.setdefault(int(match[1]), []).append(d)
    if sheet.contacts:
        columns = list(sheet.header or [])
    else:
        columns = ["task", "to_number", *dict.fromkeys(name for row in sheet.rows for name in _variables(row.task))]
    outside = hours_findings(sheet, item.outside, item.settings, item.spec) if item.outside else {}
    # A contact list's phone spellings are one finding for all their rows, at the first: each row gets its own instead.
    spellings = {d.code: d for d in item.report.diagnostics if sheet.contacts and d.code.startswith(_CONTACT_LIST_CODES)}
    out = []
    for index, row in enumerate(sheet.rows):
        cells = dict(zip(columns, row.cells or [], strict=False)) if sheet.contacts else _task_cells(index, row.task)
        group = outside.get(index, ())
        spelled = _spelling(row, sheet.phone, spellings)
        # A calling-hours finding about a group points at its first row: each row gets those of its own group instead.
        mine = [
            d
            for d in found.get(index, [])
            if not (index in outside and d.code.startswith(_HOURS_CODES)) and not (spelled and d.code == spelled.code)
        ]
        mine += [*([spelled] if spelled else []), *group]
        problems = [f"{d.code} {_one_line(d.message)}" for d in mine]
        if any(blocks(d) for d in mine):
            status = "set aside"
        elif item.before is not None and _changed(item.before, sheet, index):
            status = "fixed"
        else:
            status = "ok"
        out.append({**cells, "status": status, "problems": "; ".join(problems)})
    return columns, out


def _spelling(row: Row, phone: int | None, grouped: dict[str, Diagnostic]) -> Diagnostic | None:
    """The row's own finding for how its phone cell is written, at the severity of the grouped finding that counts it."""
    problem = row.phone_problem
    finding = grouped.get(problem.code) if problem is not None else None
    if problem is None or finding is None or phone is None or not row.cells or phone >= len(row.cells):
        return None
    number = row.task.get("to_number") if isinstance(row.task, dict) else None
    meaning = f" = {number}" if problem.repairable and isinstance(number, str) else ""
    return replace(finding, message=f"row {row.line} {problem.one}: `{row.cells[phone]}`{meaning}")


def _variables(task: Any) -> Iterable[str]:
    variables = task.get("retell_llm_dynamic_variables") if isinstance(task, dict) else None
    return (str(name) for name in variables) if isinstance(variables, dict) else ()


def _task_cells(index: int, task: Any) -> dict[str, str]:
    cells = {"task": str(index)}
    if isinstance(task, dict):
        cells["to_number"] = _text(task.get("to_number"))
        variables = task.get("retell_llm_dynamic_variables")
        if isinstance(variables, dict):
            cells.update((str(name), _text(value)) for name, value in variables.items())
    return cells


def _text(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


def _changed(before: Sheet, after: Sheet, index: int) -> bool:
    if index >= len(before.rows):
        return False
    old, new = before.rows[index], after.rows[index]
    return (old.cells, old.task) != (new.cells, new.task)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _unique(header: list[str], name: str) -> str:
    while name in header:
        name += "_"
    return name


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
    write_output(path, text.getvalue().encode("utf-8"))  # whole or not at all


def _write_xlsx(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Every cell as text (a phone number stays ``+1…``, ``=`` starts no formula), the header row bold and frozen."""
    # openpyxl takes a fifth of a second to import: only a run that writes a workbook pays for it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("rows")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def cell(value: str, *, strong: bool = False) -> Cell:
        written = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
        written.data_type = "s"
        if strong:
            written.font = bold
        return written

    sheet.append([cell(name, strong=True) for name in header])
    for row in rows:
        sheet.append([cell(value) for value in row])
    workbook = io.BytesIO()
    book.save(workbook)
    write_output(path, workbook.getvalue())  # whole or not at all
