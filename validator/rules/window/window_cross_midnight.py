"""A call window does not end after it starts (it crosses midnight, or is empty).

Why it matters: each window is a half-open interval ``[start, end)`` in
minutes since local midnight, and the API requires ``start < end``. A window
such as 22:00–02:00 (``start 1320, end 120``) is rejected; it must be split
into two windows, 22:00–24:00 and 00:00–02:00. ``end = 1440`` is 24:00 and
is valid, so ``end: 0`` meaning "until midnight" is written ``end: 1440``.
Each crossing window is reported where it is; the unsafe fix rewrites
``windows`` with every crossing window split in place.
A window with ``start == end`` is empty and is reported without a fix.
"""

from collections.abc import Iterator
from typing import Any

from validator.calling.windows import DAY, WINDOWS, Window, windows
from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.rules import Example, Kind

CODE = "RBV301"
NAME = "window-cross-midnight"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"call_time_window": {"windows": [{"start": 1320, "end": 120}]}')
PASSES = Example('"call_time_window": {"windows": [{"start": 1320, "end": 1440}, {"start": 0, "end": 120}]}')
SPEC_SENTENCES = (("call_time_window", "Cross-midnight windows are NOT allowed"), ("call_time_window", "`endMin = 1440` (24:00) is valid"))


def check(ctx: Context) -> Iterator[Finding]:
    usable = windows(ctx)
    for window in usable:
        if window.start == window.end:
            yield ctx.finding(
                window.pointer,
                f"{window.label} is empty: start and end are both {window.start}; a window needs start < end",
                "remove the window, or give it an end after its start",
            )
    crossing = {w.index: w for w in usable if w.start > w.end}
    if not crossing:
        return
    items = ctx.call_time_window["windows"] if ctx.call_time_window else []
    split = _split(items, crossing)
    # One finding per window, at the window; one fix for them all, rewriting the list.
    fix = Fix(split, False, "split windows that cross midnight", at=WINDOWS)
    for window in crossing.values():
        yield ctx.finding(
            window.pointer,
            f"{window.label} crosses midnight: a window must satisfy start < end within one day (end 1440 is 24:00)",
            f"split at midnight: {preview(split, 200)}",
            fix=fix,
        )


def _split(items: list[Any], crossing: dict[int, Window]) -> list[Any]:
    """``items`` with each crossing window replaced by its two halves (no empty half when it ends at 0)."""
    out: list[Any] = []
    for index, item in enumerate(items):
        window = crossing.get(index)
        if window is None:
            out.append(item)
            continue
        out.append({**item, "start": window.start, "end": DAY})
        if window.end > 0:
            out.append({**item, "start": 0, "end": window.end})
    return out
