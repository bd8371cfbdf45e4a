"""``trigger_timestamp`` looks like seconds (or micro/nanoseconds), not milliseconds.

Why it matters: the API reads ``trigger_timestamp`` as Unix time in
**milliseconds**. A 10-digit value such as ``1798794000`` (what
``time.time()`` or ``date +%s`` give) is seconds: read as milliseconds it is
January 1970, so the batch is sent at once instead of when it was scheduled.
16-digit (microseconds) and 19-digit (nanoseconds) values are caught too.
The unsafe fix converts to milliseconds (check the date it names).
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.rules import Example, Kind
from validator.rules.schedule._timestamp import POINTER, number, trigger_timestamp, when, wrong_unit

CODE = "RBV401"
NAME = "schedule-timestamp-unit"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"trigger_timestamp": 1798794000')
PASSES = Example('"trigger_timestamp": 1798794000000')


def check(ctx: Context) -> Iterator[Finding]:
    value = trigger_timestamp(ctx)
    unit = wrong_unit(value) if value is not None else None
    if value is None or unit is None:
        return
    name, factor = unit
    fixed = round(value * factor)
    yield ctx.finding(
        POINTER,
        f"`trigger_timestamp` must be Unix time in milliseconds, found {number(value)}, which looks like {name} "
        f"(as milliseconds it is {when(value)})",
        f"write {fixed} ({when(fixed)})",
        fix=Fix(fixed, False, f"convert {name} to milliseconds"),
    )
