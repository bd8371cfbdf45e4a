"""A window's ``start`` or ``end`` is outside the day (minutes since local midnight).

Why it matters: windows are minutes since 00:00 local time: ``start`` from 0
to 1439, ``end`` from 0 to 1440 (24:00, the end of the day). A negative value
or ``end`` past 1440 is rejected. Values such as ``1700`` are usually a clock
time written as HHMM (17:00 is 1020) and the hint says so; a span past
midnight is written as two windows.
"""

from collections.abc import Iterator

from validator.calling.windows import DAY, WINDOWS, minute, raw_windows
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind

CODE = "RBV302"
NAME = "window-minute-range"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"call_time_window": {"windows": [{"start": 540, "end": 1441}]}')
PASSES = Example('"call_time_window": {"windows": [{"start": 540, "end": 1440}]}')

_BOUNDS = {"start": (0, DAY - 1), "end": (0, DAY)}


def check(ctx: Context) -> Iterator[Finding]:
    for index, item in raw_windows(ctx):
        for field, (low, high) in _BOUNDS.items():
            value = minute(item.get(field))
            if value is None or low <= value <= high:
                continue
            yield ctx.finding(
                f"{WINDOWS}/{index}/{field}",
                f"windows[{index}].{field} must be from {low} to {high} minutes since local midnight "
                f"({'00:00–23:59' if field == 'start' else '00:00–24:00'}), found {value:g}",
                _hint(value),
            )


def _hint(value: float) -> str:
    # 1700 for 17:00: a round clock time written as HHMM.
    if DAY < value <= 2400 and float(value).is_integer() and value % 5 == 0 and value % 100 < 60:
        hours, minutes = divmod(int(value), 100)
        return f"if you meant {hours:02d}:{minutes:02d}, write {hours * 60 + minutes} (minutes, not HHMM)"
    if value > DAY:
        return "the day ends at 1440 (24:00); for a window past midnight, end it at 1440 and add one starting at 0"
    return "minutes count from 0 (00:00); 540 is 09:00, 1440 is 24:00"
