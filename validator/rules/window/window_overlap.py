"""Two call windows overlap or repeat each other.

Why it matters: overlapping windows are legal but almost always a typo or a
copy-paste leftover; the batch calls during their union, which may not be
what was meant, and a later edit of one window silently does nothing. Windows
are half-open, so 09:00–12:00 and 12:00–17:00 touch without overlapping.
Each finding is at the later window and names the one it overlaps. Windows
that carry their own days (``{"day": ["Monday"], "start": …}``, which the API
does not read) are RBV112's: removing a repeat there would make weekday calls
every-day calls.
"""

from collections.abc import Iterator

from validator.calling.windows import Window, clock, raw_windows, windows
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.knowledge.misplaced import day_keys
from validator.rules import Example, Kind

CODE = "RBV304"
NAME = "window-overlap"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"call_time_window": {"windows": [{"start": 540, "end": 720}, {"start": 690, "end": 1020}]}')
PASSES = Example('"call_time_window": {"windows": [{"start": 540, "end": 720}, {"start": 720, "end": 1020}]}')


def check(ctx: Context) -> Iterator[Finding]:
    if any(day_keys().intersection(window) for _, window in raw_windows(ctx)):
        return
    ordered = sorted((w for w in windows(ctx) if w.start < w.end), key=lambda w: (w.start, w.end, w.index))
    reach: Window | None = None  # the window reaching furthest so far
    for window in ordered:
        if reach is not None and window.start < reach.end:
            first, later = sorted((reach, window), key=lambda w: w.index)
            yield ctx.finding(later.pointer, _message(first, later), _hint(first, later))
        if reach is None or window.end > reach.end:
            reach = window


def _message(first: Window, later: Window) -> str:
    if (first.start, first.end) == (later.start, later.end):
        return f"{later.label} repeats windows[{first.index}]"
    shared = f"{clock(max(first.start, later.start))} to {clock(min(first.end, later.end))}"
    return f"{later.label} overlaps {first.label} from {shared}"


def _hint(first: Window, later: Window) -> str:
    if (first.start, first.end) == (later.start, later.end):
        return f"remove windows[{later.index}]"
    merged = f'{{"start": {min(first.start, later.start)}, "end": {max(first.end, later.end)}}}'
    return f"merge them into one window {merged}, or correct the bounds"
