"""``trigger_timestamp`` is more than a year ahead.

Why it matters: batches are scheduled hours or days ahead, not years; a date
more than 365 days away is nearly always a wrong year or a value in the wrong
unit that happens to land in the future. "Now" is the real clock, or
``--now`` for reproducible runs; exactly 365 days ahead passes.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind
from validator.rules.schedule._timestamp import DAY_MS, POINTER, milliseconds, now_ms, when

CODE = "RBV403"
NAME = "schedule-timestamp-far-future"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"trigger_timestamp": 1811851200001', note="a millisecond more than 365 days after the clock")
PASSES = Example('"trigger_timestamp": 1811851200000', note="exactly 365 days after")

MAX_DAYS_AHEAD = 365


def check(ctx: Context) -> Iterator[Finding]:
    ms = milliseconds(ctx)
    now = now_ms(ctx)
    if ms is not None and ms > now + MAX_DAYS_AHEAD * DAY_MS:
        days = (ms - now) // DAY_MS
        ahead = f"{days} days" if days < 36_500 else "more than a century"
        yield ctx.finding(
            POINTER,
            f"`trigger_timestamp` {ms} ({when(ms)}) is {ahead} ahead; more than {MAX_DAYS_AHEAD} days is rarely meant",
            "check the year and that the value is in milliseconds",
        )
