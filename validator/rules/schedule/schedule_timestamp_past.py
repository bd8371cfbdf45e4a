"""``trigger_timestamp`` is in the past.

Why it matters: a batch scheduled for a time that has already passed starts
at once (or is rejected), which is rarely what a scheduled payload means:
usually a stale file re-sent, or a wrong year. "Now" is the real clock, or
``--now`` for reproducible runs; a value equal to now is not in the past.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind
from validator.rules.schedule._timestamp import POINTER, milliseconds, now_ms, when

CODE = "RBV402"
NAME = "schedule-timestamp-past"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"trigger_timestamp": 1780315199999', note="a millisecond before the clock")
PASSES = Example('"trigger_timestamp": 1780315200000', note="the clock itself")


def check(ctx: Context) -> Iterator[Finding]:
    ms = milliseconds(ctx)
    now = now_ms(ctx)
    if ms is not None and ms < now:
        yield ctx.finding(
            POINTER,
            f"`trigger_timestamp` {ms} ({when(ms)}) is in the past (now is {when(now)}): the batch would start at once",
            "omit trigger_timestamp to send now, or schedule a future time",
        )
