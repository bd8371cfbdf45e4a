"""``trigger_timestamp`` falls outside every call window, so the batch starts on a later day.

Why it matters: the batch waits for the next allowed minute, which may be
hours or days after the moment you scheduled (after the day's last window, or
on a day the ``day`` filter leaves out). Not reported when the first window
opens later the same day in the batch zone: scheduling before opening time
is the usual way to queue a batch. The message gives the first moment calls
can start, in the batch zone (ISO 8601).
"""

from collections.abc import Iterator
from datetime import datetime

from validator.calling.reach import first_allowed, minute_of, schedule, trigger_minute
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.knowledge.timezones import load_zone
from validator.rules import Example, Kind

CODE = "RBV704"
NAME = "trigger-outside-windows"
SEVERITY = Severity.INFO
KIND = Kind.DOCUMENT
FAILS = Example(
    """
    "trigger_timestamp": 1798855200000,
    "call_time_window": {"windows": [{"start": 540, "end": 1020}], "day": ["Monday"]}
    """,
    note="Friday 2027-01-01 18:00 in Los Angeles",
)
PASSES = Example(
    """
    "trigger_timestamp": 1799082000000,
    "call_time_window": {"windows": [{"start": 540, "end": 1020}], "day": ["Monday"]}
    """,
    note="Monday 2027-01-04 09:00 in Los Angeles",
)


def check(ctx: Context) -> Iterator[Finding]:
    plan, trigger = schedule(ctx), trigger_minute(ctx)
    if plan is None or trigger is None or trigger < minute_of(ctx.settings.clock()):
        return  # a past trigger starts the batch at once: RBV4xx's business
    zone = load_zone(plan.zone)
    first = first_allowed(plan, trigger)
    if zone is None or first is None or first == trigger:
        return
    scheduled, starts = datetime.fromtimestamp(trigger * 60, zone), datetime.fromtimestamp(first * 60, zone)
    if scheduled.date() == starts.date():
        return
    yield ctx.finding(
        "/trigger_timestamp",
        f"trigger_timestamp is {scheduled:%a %Y-%m-%d %H:%M} {plan.zone}, outside call_time_window ({plan.words()}): "
        f"the first call can go out at {starts.isoformat()} ({starts:%A})",
        f"schedule it inside a window (trigger_timestamp {first * 60_000}) or widen the windows if calls should start sooner",
    )
