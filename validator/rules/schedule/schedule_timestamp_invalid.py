"""``trigger_timestamp`` is negative or not a whole number of milliseconds.

Why it matters: the API takes a Unix time in whole milliseconds. A negative
value is before 1970 and a fraction such as ``1798794000000.5`` is not a
millisecond count; both are rejected or misread. (A fractional value in the
seconds range, as ``time.time()`` gives, is reported as a unit mistake
instead, RBV401.)
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.rules import Example, Kind
from validator.rules.schedule._timestamp import POINTER, number, trigger_timestamp, wrong_unit

CODE = "RBV404"
NAME = "schedule-timestamp-invalid"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"trigger_timestamp": -1')
PASSES = Example('"trigger_timestamp": 1798794000000')


def check(ctx: Context) -> Iterator[Finding]:
    value = trigger_timestamp(ctx)
    if value is None or wrong_unit(value) is not None:
        return
    if value < 0:
        yield ctx.finding(
            POINTER,
            f"`trigger_timestamp` must be a non-negative Unix time in milliseconds, found {number(value)}",
            "omit trigger_timestamp to send now, or give a future time in milliseconds",
        )
    elif not float(value).is_integer():
        yield ctx.finding(
            POINTER,
            f"`trigger_timestamp` must be a whole number of milliseconds, found {number(value)}",
            f"use {round(value)}",
            fix=Fix(round(value), False, f"round to {round(value)}"),
        )
