"""``retell-validate split PAYLOAD -o DIR``: one payload per group of recipients that share a legal envelope.

Each part keeps its tasks exactly as they were (dynamic variables, overrides,
metadata), in their original order, and every other field of the batch; only
``call_time_window`` changes: in the part's own time zone, narrowed to what both
the original windows and every member's calling-time law allow over the horizon,
with ``day`` where the law forbids days. A part whose legal window is empty keeps
the original window, is written to a file named ``…-no-legal-window.json`` and is
reported: never dropped. Tasks that must not be called (a number on a do-not-call list
of ``dnc`` in the configuration or ``--dnc``: see docs/dnc.md) are left out of every part,
and counted. Exit 0; 2 when the payload cannot be read or has errors, or a do-not-call
list cannot be used (nothing is written).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from validator.calling.envelope import Part, parts
from validator.calling.reach import WEEKDAYS, spans
from validator.cli.law_input import fail, law_options
from validator.cli.options import click_option
from validator.context import Context
from validator.dnc.screen import named, screen
from validator.options import DNC


@click.command()
@law_options
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False, path_type=Path), help="Directory for the parts.")
@click_option(DNC, help="Leave out the tasks whose numbers this do-not-call index lists (repeatable; adds to dnc in the configuration).")
def split(ctx: Context, output: Path, dnc: tuple[Path, ...] | None) -> None:
    """Write one payload per group of recipients that share a legal envelope, each window narrowed to what the law allows there."""
    ctx = Context(ctx.document, ctx.spec, replace(ctx.settings, dnc=(*ctx.settings.dnc, *(dnc or ()))), ctx.source_format)
    screening = screen(ctx)
    for _, why in screening.unusable:
        fail(f"do-not-call list {why} (nothing written)")
    barred = screening.barred()
    left_out = {task.position for task in barred}
    found = parts(ctx)
    if found is None:
        fail("the payload has no usable call_time_window to narrow (add one, or check it with `retell-validate check`)")
    tasks: list[Any] = ctx.document.get("tasks", [])
    placed = {index for part in found for index in part.indexes}
    # Tasks no group holds (a number without any zone) keep the batch's own window, in a part of their own.
    rest = [i for i, (pointer, _) in enumerate(ctx.tasks) if i not in placed]
    staging = _staging(output)  # parts appear in OUTPUT all at once, and never beside an earlier run's
    rows: list[tuple[str, int, str, str]] = []
    for part in found:
        members = [tasks[p] for p in (_position(ctx, i) for i in part.indexes) if p not in left_out]
        if not members:
            continue
        name = f"{len(rows) + 1:03d}-{_slug(part.zone)}-{_slug(part.label)}{'' if part.window else '-no-legal-window'}.json"
        window = _window(part) if part.window else ctx.document["call_time_window"]
        _write(staging / name, ctx.document, members, window)
        rows.append((name, len(members), part.zone, _words(part)))
    unplaced = [tasks[p] for p in (_position(ctx, i) for i in rest) if p not in left_out]
    if unplaced:
        name = f"{len(rows) + 1:03d}-unplaced.json"
        _write(staging / name, ctx.document, unplaced, ctx.document["call_time_window"])
        rows.append((name, len(unplaced), "unknown", "unchanged: no zone known for these numbers"))
    _publish(staging, output)
    widths = [max(len(str(row[c])) for row in [("file", "tasks", "zone", "window"), *rows]) for c in range(3)]
    for row in [("file", "tasks", "zone", "window"), *rows]:
        click.echo(f"{row[0]:<{widths[0]}}  {row[1]!s:>{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}")
    empty = [row[0] for row in rows if row[0].endswith("-no-legal-window.json")]
    if empty:
        click.echo(f"warning: {len(empty)} part(s) have no legal window in the horizon; not narrowed: {', '.join(empty)}", err=True)
    if barred:
        lists = Counter(named(task.internal or task.national) for task in barred)
        counts = "; ".join(f"{n} on {label}" for label, n in lists.items())
        click.echo(f"left out {len(barred)} task(s) whose numbers are on do-not-call lists ({counts}): in no part", err=True)


def _position(ctx: Context, index: int) -> int:
    """``ctx.tasks`` holds the tasks that are objects; its pointer says where each sits in ``tasks``."""
    return int(ctx.tasks[index][0].rsplit("/", 1)[1])


def _window(part: Part) -> dict[str, Any]:
    assert part.window is not None
    windows, days = part.window
    narrowed: dict[str, Any] = {"timezone": part.zone, "windows": [{"start": a, "end": b} for a, b in windows]}
    if len(days) < 7:
        narrowed["day"] = [WEEKDAYS[d] for d in days]
    return narrowed


def _staging(output: Path) -> Path:
    """A new folder beside OUTPUT to write the parts into; OUTPUT must be new or empty.

    Parts left from an earlier run beside the new ones would be sent too, calling recipients twice.
    """
    try:
        if output.exists() and (not output.is_dir() or any(output.iterdir())):
            fail(f"{output}: not an empty directory; split writes into a new or empty one (so no earlier part is sent again)")
        output.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
    except OSError as exc:
        fail(f"{output}: cannot create: {exc.strerror or exc}")


def _publish(staging: Path, output: Path) -> None:
    try:
        if output.exists():
            output.rmdir()  # empty, checked before writing
        staging.rename(output)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        fail(f"{output}: cannot create: {exc.strerror or exc}")


def _write(path: Path, document: dict[str, Any], tasks: list[Any], window: Any) -> None:
    payload = {key: (tasks if key == "tasks" else window if key == "call_time_window" else value) for key, value in document.items()}
    try:
        path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    except OSError as exc:
        shutil.rmtree(path.parent, ignore_errors=True)
        fail(f"{path.name}: cannot write: {exc.strerror or exc}")


def _words(part: Part) -> str:
    if part.window is None:
        return f"NONE: no minute is legal for {part.label} (original window kept; do not send as is)"
    windows, days = part.window
    when = "every day" if len(days) == 7 else ", ".join(WEEKDAYS[d][:3] for d in days)
    return f"{spans(windows)} {when} ({part.label})"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9+]+", "_", text).strip("_")[:60]
