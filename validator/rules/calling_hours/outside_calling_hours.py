"""The call windows reach some recipients outside the calling hours on their own clock.

Why it matters: ``call_time_window`` is written in one zone, but recipients
live in many. 09:00–20:00 Los Angeles time dials New York until 23:00 local;
0–1440 in New York dials Honolulu at 3 a.m. US telemarketing calls are limited
to 8 a.m.–9 p.m. at the called party's location (TCPA, 47 CFR 64.1200(c)(1)).
Every allowed minute of the 53 weeks from the batch's start (a future
``trigger_timestamp``, else ``--now``) is mapped into each zone a number may be
in (phonenumbers' zones of its prefix), across daylight-saving switches.
One finding per zone (zones that keep the same clock, such as New York and
Toronto, share one), at the first affected task, with the count of tasks. The limit is ``calling-hours`` in the config
(default 08:00-21:00). Known follow-up: stricter state limits (e.g. Florida's
8 a.m.–8 p.m.) are not modelled per state yet.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from validator.calling.reach import Reach, batch_start, clock_signature, reach_on_clock, schedule, span, spans, unplaced
from validator.calling.recipients import Recipients, numbers, recipients
from validator.calling.windows import WINDOW
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind

CODE = "RBV701"
NAME = "outside-calling-hours"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    """
    "call_time_window": {"timezone": "America/Los_Angeles", "windows": [{"start": 540, "end": 1200}]},
    "tasks": [{"to_number": "+12125550123"}]
    """,
)
PASSES = Example(
    """
    "call_time_window": {"timezone": "America/Los_Angeles", "windows": [{"start": 540, "end": 1020}]},
    "tasks": [{"to_number": "+12125550123"}]
    """,
)


@dataclass
class _Group:
    """Zones on one clock where the windows land at the same local hours, and the tasks that may be in them."""

    reach: Reach
    zones: list[str] = field(default_factory=list)
    tasks: dict[int, Recipients] = field(default_factory=dict)  # by id of the shared Recipients


def check(ctx: Context) -> Iterator[Finding]:
    plan = schedule(ctx)
    if plan is None:
        return
    start, limit = batch_start(ctx), ctx.settings.calling_hours
    groups: dict[tuple[object, ...], _Group] = {}
    for zones, who in recipients(ctx).items():
        if unplaced(zones, start):
            continue  # RBV703: the number does not say where it is
        for zone in zones.zones:
            found = reach_on_clock(plan, zone, start, limit)
            if not found.outside:
                continue
            group = groups.setdefault((clock_signature(zone, start), found), _Group(found))
            if zone not in group.zones:
                group.zones.append(zone)
            group.tasks[id(who)] = who
    for group in sorted(groups.values(), key=lambda g: min(t.index for t in g.tasks.values())):
        first_task = min(group.tasks.values(), key=lambda t: t.index)
        count = sum(t.count for t in group.tasks.values())
        first = group.reach.first_outside
        when = f", first on {first:%a %Y-%m-%d at %H:%M} local" if first else ""
        yield ctx.finding(
            first_task.pointer,
            f"call_time_window ({plan.words()}) lets calls reach {', '.join(sorted(group.zones))} at {spans(group.reach.covered)} local time; "
            f"{spans(group.reach.outside)} is outside the calling hours {span(limit)}{when}: "
            f"{count} task{'s' if count != 1 else ''} (first {first_task.number})",
            f"narrow the windows, or split the batch by recipient time zone, so every call lands within {span(limit)} "
            "at the called party's location (set calling-hours in the config if your limit differs)",
            members=numbers(ctx, [g for who in group.tasks.values() for g in who.groups]),
            cause=WINDOW,
        )
