"""A day is listed more than once in ``call_time_window.day``.

Why it matters: a repeated day changes nothing, and usually hides a missing
one (``Monday, Tuesday, Tuesday`` where Wednesday was meant). The safe fix
removes the repeats and keeps the first occurrence of each day.
"""

from collections.abc import Iterator

from validator.calling.windows import window_field
from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.rules import Example, Kind

CODE = "RBV307"
NAME = "window-duplicate-day"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020}], "day": ["Monday", "Tuesday", "Tuesday"]}')
PASSES = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020}], "day": ["Monday", "Tuesday", "Wednesday"]}')


def check(ctx: Context) -> Iterator[Finding]:
    days = window_field(ctx, "day")
    if not isinstance(days, list):
        return
    seen: list[str] = []
    repeated: list[str] = []
    for day in days:
        if not isinstance(day, str):
            return
        (repeated if day in seen else seen).append(day)
    if repeated:
        names = ", ".join(dict.fromkeys(repeated))
        yield ctx.finding(
            "/call_time_window/day",
            f"`day` lists {names} more than once; each day needs to appear once",
            "remove the repeats (was another day meant?)",
            fix=Fix(seen, True, "remove repeated days"),
        )
