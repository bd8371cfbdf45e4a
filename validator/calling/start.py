"""The moment a batch without ``call_time_window`` starts, on each recipient's clock.

Without windows the batch dials from its ``trigger_timestamp`` (when it lies ahead) or at
once, until every task is done. "At once" is judged at the pinned clock (``--now``, ``now``
in the configuration, ``now=`` of the library and the SDK guard): a check run by CI on its
own clock does not know when the batch will be sent; and, as RBV702 has it, a batch of one
task is one call that goes out when you send it, a moment you choose. How long that takes is not known offline; the moment it
starts is, and it is judged as a window's minutes are: against the calling hours of the
configuration, and for each recipient's place against the calling-time law that governs
the call purpose (its hours, weekdays and holidays, on the recipient's clock or the one
its statute names). Recipients whose number does not tell where it rings are left out
(RBV703 says so), and so are invalid numbers (RBV202). A contact list (CSV) holds tasks
only, its window being set in the dashboard: it is judged only as a whole batch (``--from-number``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from validator.calling.law import governing, zones_for_law
from validator.calling.law_table import Bar, Law
from validator.calling.reach import batch_start, naive_datetime, trigger_minute, unplaced, utc_offset
from validator.calling.recipients import Group, groups
from validator.calling.windows import DAY
from validator.context import Context, per_document
from validator.diagnostics import Members
from validator.knowledge.phones import analyze
from validator.knowledge.timezones import load_zone


@dataclass(frozen=True, slots=True)
class Who:
    """The tasks of a group whose number is valid (an invalid one is RBV202's): how many, and the first."""

    count: int
    index: int
    pointer: str
    number: str
    indexes: tuple[int, ...]  # in ctx.tasks


@dataclass(slots=True)
class StartOffence:
    """What the start moment breaks for some recipients: the calling hours (``law`` None) or one law, for one reason."""

    law: Law | None
    kind: Bar
    holiday: str | None = None
    groups: dict[int, Who] = field(default_factory=dict)  # by first task index
    first: tuple[str, datetime] | None = None  # the zone and local time of the first group's recipients

    @property
    def count(self) -> int:
        return sum(who.count for who in self.groups.values())

    def members(self, ctx: Context) -> Members:
        """The ``to_number`` pointers of the tasks it concerns, in task order (a grouped finding's members)."""
        indexes = sorted(i for who in self.groups.values() for i in who.indexes)
        return Members.spelled(indexes, lambda index: f"{ctx.tasks[index][0]}/to_number")

    def add(self, who: Who, zone: str, local: datetime) -> None:
        if not self.groups or who.index < min(self.groups):
            self.first = (zone, local)
        self.groups[who.index] = who


@dataclass(frozen=True, slots=True)
class Start:
    """The start moment (minutes since the epoch, UTC) and whether ``trigger_timestamp`` sets it."""

    minute: int
    triggered: bool


def start(ctx: Context) -> Start:
    minute = batch_start(ctx)
    return Start(minute, minute == trigger_minute(ctx))


@per_document
def start_offences(ctx: Context) -> list[StartOffence]:
    """What the start of a batch without windows breaks; empty when the batch has windows."""
    if ctx.document.get("call_time_window") is not None:
        return []
    if ctx.source_format == "csv" and "from_number" not in ctx.document:
        return []  # a contact list holds tasks only: its window is set where it is uploaded
    begins = start(ctx)
    if "trigger_timestamp" in ctx.document and not begins.triggered:
        return []  # a trigger in the past, or unreadable: RBV402/RBV404's, to be fixed first
    if not begins.triggered and (ctx.settings.now is None or len(ctx.tasks) < 2):
        return []  # sent at once: when is known only from a pinned clock, and one call goes out when you send it (RBV702)
    moment = begins.minute
    low, high = ctx.settings.calling_hours
    found: dict[tuple[str | None, Bar, str | None], StartOffence] = {}
    for group in groups(ctx).values():
        who = _valid(ctx, group)
        if group.location is None or who is None or unplaced(group.zones, moment):
            continue
        for zone in group.zones.zones:
            local = _local(zone, moment)
            if local is not None and not low <= _of_day(local) < high:
                found.setdefault((None, Bar.HOURS, None), StartOffence(None, Bar.HOURS)).add(who, zone, local)
                break
        for law, rule, _ in governing(group, ctx.settings.call_purpose):
            for zone in zones_for_law(group, law):
                local = _local(zone, moment)
                allowance = rule.allowance(local.date()) if local is not None else None
                if local is None or allowance is None or any(a <= _of_day(local) < b for a, b in allowance.windows):
                    continue
                key = (law.id, allowance.kind, allowance.holiday)
                found.setdefault(key, StartOffence(law, allowance.kind, allowance.holiday)).add(who, zone, local)
                break  # one zone of the group is enough to name it
    return sorted(found.values(), key=lambda o: min(o.groups))


def _valid(ctx: Context, group: Group) -> Who | None:
    valid = [i for i in group.indexes if analyze(ctx.tasks[i][1]["to_number"]).valid]
    if not valid:
        return None
    pointer, task = ctx.tasks[valid[0]]
    return Who(len(valid), valid[0], f"{pointer}/to_number", task["to_number"], tuple(valid))


def _local(zone: str, minute: int) -> datetime | None:
    info = load_zone(zone)
    return naive_datetime(minute + utc_offset(info, minute)) if info is not None else None


def _of_day(local: datetime) -> int:
    return (local.hour * 60 + local.minute) % DAY
