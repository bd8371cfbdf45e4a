"""A call window is shorter than 15 minutes.

Why it matters: calls are only started inside a window, so a window of a few
minutes leaves time for a handful of calls per concurrency slot and the rest
of the batch waits a whole day. It is almost always a unit mistake: hours
instead of minutes (``start 9, end 17`` is 00:09–00:17, not 09:00–17:00; the
hint then gives the minutes) or a typo in one bound.
"""

from collections.abc import Iterator

from validator.calling.windows import windows
from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.rules import Example, Kind

CODE = "RBV308"
NAME = "window-too-short"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"call_time_window": {"windows": [{"start": 9, "end": 17}]}')
PASSES = Example('"call_time_window": {"windows": [{"start": 540, "end": 555}]}')

MIN_MINUTES = 15


def check(ctx: Context) -> Iterator[Finding]:
    for window in windows(ctx):
        length = window.end - window.start
        if not 0 < length < MIN_MINUTES:
            continue
        message = f"{window.label} lasts {length} minute{'s' if length > 1 else ''}; a window shorter than {MIN_MINUTES} minutes"
        message += " leaves time for only a few calls"
        if window.end <= 24:
            start, end = window.start * 60, window.end * 60
            yield ctx.finding(
                window.pointer,
                message,
                f"bounds are minutes, not hours: {window.start}:00–{window.end}:00 is start {start}, end {end}",
                fix=Fix({"start": start, "end": end}, False, "read the bounds as hours"),
            )
        else:
            yield ctx.finding(window.pointer, message, "check both bounds: they are minutes since local midnight (540 is 09:00)")
