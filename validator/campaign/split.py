"""The files ``split`` writes for a plan: the parts, ``plan.json``, ``plan.txt`` and the rows set aside, into a folder.

The parts are a contact list's own columns with the numbers normalised (CSV), or payloads (JSON)
with the part's window and a batch name of its own, named by zone, days and window
(``02-central-mon-sat-0900-2000.csv``); ``plan.json`` and ``plan.txt`` say which file to upload
with which window, zone and days; ``set-aside.csv`` (``set-aside.json`` for a payload) holds every
row set aside, with its reason. Every input row is in exactly one part or the set-aside file.
The command line stages the folder and publishes it at once; the web page zips it.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from validator.calling.envelope import Part
from validator.calling.reach import WEEKDAYS
from validator.campaign.sheet import Plan, counted, days_words, iter_parts, task_to_call, windows_words, zone_word

PLAN_TEXT, PLAN_JSON = "plan.txt", "plan.json"


class NotWritable(ValueError):
    """The parts cannot be written in the format asked for (the message says why)."""


@dataclass(frozen=True)
class Written:
    """What :func:`write_split` wrote: each part's file with its part and rows, and what ``plan.json`` says of the rows set aside."""

    parts: list[tuple[str, Part, list[int]]]
    aside: dict[str, Any]


def parts_as_csv(found: Plan, asked: str | None) -> bool:
    """Whether the parts are CSV (``asked``: ``"csv"``, ``"json"`` or ``None``, the input's own); :class:`NotWritable` when they cannot be."""
    sheet = found.sheet
    as_csv = (asked or ("csv" if sheet.contacts else "json")) == "csv"
    if as_csv and not sheet.contacts:
        raise NotWritable("--format csv writes a contact list's rows; a payload's parts are payloads (--format json)")
    if not as_csv and "from_number" not in sheet.batch:
        raise NotWritable("--format json writes payloads, which need from_number: give --from-number")
    return as_csv


def write_split(found: Plan, folder: Path, *, as_csv: bool) -> Written:
    """Write the parts, the set-aside rows and the plan (text and JSON) into ``folder``, which exists and is empty."""
    sheet = found.sheet
    listed = []
    total = len(found.parts)
    for number, part, rows, name in iter_parts(found):
        file = f"{name}.{'csv' if as_csv else 'json'}"
        if as_csv:
            _write_csv(folder / file, sheet.header or [], [sheet.out_row(i) for i in rows])
        else:
            _write_json(folder / file, _payload(found, part, rows, number, total))
        listed.append((file, part, rows))
    aside = _write_aside(folder, found)
    (folder / PLAN_JSON).write_text(json.dumps(_plan(found, listed, aside), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / PLAN_TEXT).write_text(_plan_words(found, listed, aside), encoding="utf-8")
    return Written(listed, aside)


def setting(part: Part) -> str:
    """``window 09:00–20:00 America/New_York, Monday–Saturday``: what to set in the dashboard for a part."""
    assert part.window is not None
    windows, days = part.window
    return f"window {windows_words(windows)} {part.zone}, {days_words(days)}"


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _payload(found: Plan, part: Part, rows: list[int], number: int, total: int) -> dict[str, Any]:
    """The batch's fields with the part's tasks, its narrowed window and a batch name of its own."""
    assert part.window is not None
    windows, days = part.window
    window: dict[str, Any] = {"timezone": part.zone, "windows": [{"start": a, "end": b} for a, b in windows]}
    if len(days) < 7:
        window["day"] = [WEEKDAYS[d] for d in days]
    sheet = found.sheet
    base = sheet.batch.get("name") if isinstance(sheet.batch.get("name"), str) else Path(sheet.name).stem
    name = f"{base} ({number}/{total}: {zone_word(part.zone, found.start)}, {days_words(days)}, {windows_words(windows)})"
    tasks = [task_to_call(sheet.rows[i]) for i in rows]
    fields = {key: value for key, value in sheet.batch.items() if key not in ("tasks", "call_time_window", "name")}
    return {"name": name, **fields, "call_time_window": window, "tasks": tasks}


def _write_aside(staging: Path, found: Plan) -> dict[str, Any]:
    """``set-aside.csv`` (the rows as written, their row number and reason) or ``set-aside.json``; what plan.json says of it."""
    sheet = found.sheet
    aside = sheet.aside()
    if sheet.contacts:
        header = sheet.header or []
        width = len(header)
        rows = []
        for i in aside:
            cells = sheet.rows[i].cells or []
            # The row as written, short rows padded so row and reason stay in their columns; cells past the header after them.
            rows.append([*cells[:width], *[""] * (width - len(cells)), str(sheet.rows[i].line), _reason(found, i), *cells[width:]])
        file = "set-aside.csv"
        _write_csv(staging / file, [*header, _unique(header, "row"), _unique(header, "reason")], rows)
    else:
        file = "set-aside.json"
        _write_json(staging / file, [{"index": i, "reason": _reason(found, i), "task": sheet.rows[i].task} for i in aside])
    return {"file": file, "rows": len(aside), "reasons": dict(sheet.reasons())}


def _reason(found: Plan, index: int) -> str:
    row = found.sheet.rows[index]
    return f"{row.reason}: {row.detail}" if row.detail else str(row.reason)


def _unique(header: list[str], name: str) -> str:
    while name in header:
        name += "_"
    return name


def _plan(found: Plan, listed: list[tuple[str, Part, list[int]]], aside: dict[str, Any]) -> dict[str, Any]:
    first, last = _valid(found)
    parts = []
    for file, part, rows in listed:
        assert part.window is not None
        windows, days = part.window
        parts.append(
            {
                "file": file,
                "tasks": len(rows),
                "timezone": part.zone,
                "windows": [{"start": a, "end": b} for a, b in windows],
                "days": [WEEKDAYS[d] for d in days],
                "places": part.label,
            }
        )
    return {"valid_from": first.isoformat(), "valid_until": last.isoformat(), "parts": parts, "set_aside": aside}


def _valid(found: Plan) -> tuple[datetime, datetime]:
    """The span the windows were narrowed for: the batch's start and the horizon after it (UTC)."""
    start = datetime.fromtimestamp(found.start * 60, UTC)
    return start, start + timedelta(days=found.context.settings.horizon_days)


def _plan_words(found: Plan, listed: list[tuple[str, Part, list[int]]], aside: dict[str, Any]) -> str:
    first, last = _valid(found)
    sheet = found.sheet
    kind = "contact list" if sheet.contacts else "batch"
    lines = [
        f"Plan for {sheet.name}: {len(sheet.rows):,} rows, {len(sheet.rows) - aside['rows']:,} in {len(listed)} part(s), {aside['rows']:,} set aside.",
        f"The windows hold for calls from {first:%a %Y-%m-%d %H:%M} UTC to {last:%a %Y-%m-%d %H:%M} UTC "
        "(holidays and daylight-saving changes after that are not checked: run split again for a later launch).",
        "",
    ]
    if sheet.contacts:
        lines.append("Upload each file as its own batch in Retell's dashboard and set its calling window as below:")
    else:
        lines.append("Send each file as its own create-batch-call request (each carries its window):")
    for number, (file, part, rows) in enumerate(listed, 1):
        assert part.window is not None
        windows, days = part.window
        lines += [
            "",
            f"{number}. {file} ({counted(len(rows), 'contact' if sheet.contacts else 'task')}: {part.label})",
            f"   time zone:       {part.zone} ({zone_word(part.zone, found.start)} time)",
            f"   calling window:  {windows_words(windows)}",
            f"   days:            {days_words(days)}",
        ]
    lines += ["", f"Set aside ({aside['file']}, one line each with its reason): {aside_words(found)}."]
    if aside["rows"]:
        lines.append(f"Fix those rows in the {kind} and run split again on them, or leave them out.")
    return "\n".join(lines) + "\n"


def aside_words(found: Plan) -> str:
    reasons = found.sheet.reasons()
    total = sum(reasons.values())
    if not total:
        return "no row set aside"
    return f"{counted(total, 'row')} set aside (" + ", ".join(f"{n:,} {reason}" for reason, n in reasons.items()) + ")"
