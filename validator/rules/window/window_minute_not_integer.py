"""A window's ``start`` or ``end`` is not a whole number of minutes.

Why it matters: window bounds are minutes since local midnight; the server
works in whole minutes and rejects or truncates fractions such as ``540.5``
(and ``9.5`` is usually hours, not minutes). ``540.0`` is a whole number
and passes. The unsafe fix rounds to the nearest minute.
"""

from collections.abc import Iterator

from validator.calling.windows import WINDOWS, minute, raw_windows, whole_number
from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.rules import Example, Kind

CODE = "RBV303"
NAME = "window-minute-not-integer"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"call_time_window": {"windows": [{"start": 540.5, "end": 1020}]}')
PASSES = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020.0}]}')


def check(ctx: Context) -> Iterator[Finding]:
    for index, item in raw_windows(ctx):
        for field in ("start", "end"):
            value = minute(item.get(field))
            if value is None or whole_number(value) is not None:
                continue
            rounded = round(value)
            yield ctx.finding(
                f"{WINDOWS}/{index}/{field}",
                f"windows[{index}].{field} must be a whole number of minutes, found {preview(value)}",
                f"use {rounded} (minutes since local midnight: 540 is 09:00)",
                fix=Fix(rounded, False, f"round to {rounded}"),
            )
