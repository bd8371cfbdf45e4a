"""``retell-validate split INPUT -o DIR``: the callable rows in one file per legal envelope, what to set for each, and the rest set aside.

INPUT is a contact list (CSV) or a payload (JSON, YAML). Rows that cannot be called are set
aside (:mod:`validator.cli.sheet`: not dialable, duplicates, on a do-not-call list, no legal
window left, a task with an error); the others are parted by legal envelope, each part with
the one window and days that both the calling window (``--window``/``--timezone``/``--days`` for a contact list, or
none: what the law and the calling hours allow; a payload's own ``call_time_window``) and
every member's law allow over the horizon, written on a clock its recipients keep. Parts
whose clocks and windows are equal are one. DIR receives:

* the parts: a contact list's own columns with the numbers normalised (``--format csv``, its
  default), or payloads (``--format json``, a payload's default) with the part's window and
  a batch name of its own; named by zone, days and window (``02-central-mon-sat-0900-2000.csv``);
* ``plan.json`` and ``plan.txt``: which file to upload with which window, zone and days;
* ``set-aside.csv`` (``set-aside.json`` for a payload): every row set aside, with its reason.

Every input row is in exactly one part or the set-aside file. DIR must be new or empty; files
are written to a hidden folder beside it and published at once, and that folder is removed on
an error, Ctrl-C or SIGTERM. Exit 0 when parts are written; 1 when every row is set aside; 2
when the input cannot be read (nothing written).
"""

from __future__ import annotations

import csv
import json
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import click

from validator.calling.envelope import Part
from validator.calling.reach import WEEKDAYS
from validator.cli.law_input import fail, law_options
from validator.cli.sheet import Plan, days_words, iter_parts, task_to_call, windows_words, zone_word

EXIT_PARTS, EXIT_NONE = 0, 1


@click.command()
@law_options
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False, path_type=Path), help="Directory for the parts.")
@click.option(
    "--format",
    "part_format",
    type=click.Choice(["csv", "json"]),
    help="The parts' format: csv (the dashboard's, the contact list's own columns) or json (payloads). [default: the input's]",
)
def split(found: Plan, output: Path, part_format: str | None) -> None:
    """Write the callable rows in one file per legal envelope, a plan of what to set for each, and the rows set aside."""
    sheet = found.sheet
    as_csv = (part_format or ("csv" if sheet.contacts else "json")) == "csv"
    if as_csv and not sheet.contacts:
        fail("--format csv writes a contact list's rows; a payload's parts are payloads (--format json)")
    if not as_csv and "from_number" not in sheet.batch:
        fail("--format json writes payloads, which need from_number: give --from-number")
    with _staged(output) as staging:
        listed = []
        total = len(found.parts)
        for number, part, rows, name in iter_parts(found):
            file = f"{name}.{'csv' if as_csv else 'json'}"
            if as_csv:
                _write_csv(staging / file, sheet.header or [], [sheet.out_row(i) for i in rows])
            else:
                _write_json(staging / file, _payload(found, part, rows, number, total))
            listed.append((file, part, rows))
        aside = _write_aside(staging, found)
        (staging / "plan.json").write_text(json.dumps(_plan(found, listed, aside), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (staging / "plan.txt").write_text(_plan_words(found, listed, aside), encoding="utf-8")
    for file, part, rows in listed:
        assert part.window is not None
        click.echo(f"{file}: {_count(len(rows), 'row')}, {_setting(part)}")
    click.echo(f"{_aside_words(found)}; the plan: {output / 'plan.txt'}")
    if not listed:
        click.echo("error: every row is set aside: no part written", err=True)
        sys.exit(EXIT_NONE)
    sys.exit(EXIT_PARTS)


def _setting(part: Part) -> str:
    assert part.window is not None
    windows, days = part.window
    return f"window {windows_words(windows)} {part.zone}, {days_words(days)}"


@contextmanager
def _staged(output: Path) -> Iterator[Path]:
    """A hidden folder beside OUTPUT to write into, renamed to OUTPUT when done; removed on any error, Ctrl-C or SIGTERM.

    OUTPUT must be new or empty: parts left from an earlier run beside the new ones would be sent too.
    """
    previous = signal.signal(signal.SIGTERM, _terminated)  # SIGTERM unwinds like Ctrl-C, through the cleanup below
    staging: Path | None = None
    try:
        if output.exists() and (not output.is_dir() or any(output.iterdir())):
            fail(f"{output}: not an empty directory; split writes into a new or empty one (so no earlier part is sent again)")
        output.parent.mkdir(parents=True, exist_ok=True)
        # Signals wait until the folder's name is held, so no signal lands between creating it and knowing to remove it.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        yield staging
        if output.exists():
            output.rmdir()  # empty, checked before writing
        staging.rename(output)
    except OSError as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        fail(f"{output}: cannot write: {exc.strerror or exc}")
    except BaseException:  # Ctrl-C, SIGTERM, a bug: no half-written folder stays behind
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


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
            f"{number}. {file} ({_count(len(rows), 'contact' if sheet.contacts else 'task')}: {part.label})",
            f"   time zone:       {part.zone} ({zone_word(part.zone, found.start)} time)",
            f"   calling window:  {windows_words(windows)}",
            f"   days:            {days_words(days)}",
        ]
    lines += ["", f"Set aside ({aside['file']}, one line each with its reason): {_aside_words(found)}."]
    if aside["rows"]:
        lines.append(f"Fix those rows in the {kind} and run split again on them, or leave them out.")
    return "\n".join(lines) + "\n"


def _aside_words(found: Plan) -> str:
    reasons = found.sheet.reasons()
    total = sum(reasons.values())
    if not total:
        return "no row set aside"
    return f"{_count(total, 'row')} set aside (" + ", ".join(f"{n:,} {reason}" for reason, n in reasons.items()) + ")"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
