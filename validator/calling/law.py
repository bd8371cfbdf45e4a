"""The calendar a batch really runs, against the calling-time law where each recipient is.

Recipients are grouped by where they are (:mod:`validator.knowledge.locations`) and
the zones their number may ring in; each group is governed by the entries of
:mod:`validator.calling.law_table` for its place (every candidate place's when
the number does not tell, so the strictest one decides), each rule on the recipient's
clock, or on the fixed clock its statute names. For each (schedule, zone,
rule) the allowed minutes of the horizon (``horizon-days`` from the batch's start,
across daylight-saving switches of both zones, :func:`~._reach.allowed`) are cut at
local midnights and compared with what the rule allows that local date. Results are
cached per (schedule, zone, rule), never per task, and equal rules (Florida's and
Washington's 08:00–20:00) are evaluated once.

Messages give the barred local times per group of days ("at 08:00–09:00 local time on
Monday–Saturday and at 08:00–12:00 on Sunday"), say when an entry rests on a vendor's
table or binds only some callers, and count the tasks whose number could not be placed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from validator.calling.intervals import merge, subtract
from validator.calling.law_table import EVE, Bar, Interval, Law, Level, Rule, Scope, laws, laws_for
from validator.calling.reach import WEEKDAYS, Schedule, allowed, batch_start, naive_datetime, schedule, spans
from validator.calling.recipients import Group, groups, numbers
from validator.calling.windows import DAY, WINDOW
from validator.context import Context, per_document
from validator.diagnostics import Finding
from validator.knowledge.locations import subdivision_names, zones_of
from validator.options import CALL_PURPOSES

_LISTED_DATES = 4


@dataclass(frozen=True, slots=True)
class Breach:
    """What a rule bars of the minutes a schedule reaches in one zone, for one reason."""

    spans: tuple[tuple[int, tuple[Interval, ...]], ...]  # (day class: weekday 0-6 or EVE, local minutes of the day)
    weekdays: frozenset[int]
    dates: tuple[tuple[date, str | None], ...]  # local dates, with the holiday's name
    eves: frozenset[date]  # days before a holiday whose own hours were reached
    first: int  # UTC minute of the first barred minute
    first_local: datetime  # naive, on the zone's clock


@lru_cache(maxsize=8192)  # process-wide: a pure function of values (schedule, zone, dates, rule), bounded; batches repeat them
def breaches(plan: Schedule, zone: str, start: int, days: int, rule: Rule) -> dict[Bar, Breach]:
    """Every allowed minute of ``days`` days from ``start``, on ``zone``'s clock, against ``rule``."""
    found: dict[Bar, _Found] = {}
    for begin, end, shift in allowed(plan, zone, start, start + days * DAY):
        minute, last = begin + shift, end + shift  # on the zone's clock
        while minute < last:
            midnight = minute - minute % DAY
            stop = min(last, midnight + DAY)
            local = naive_datetime(midnight)
            allowance = rule.allowance(local.date())
            if allowance is not None:
                for a, b in subtract(((minute - midnight, stop - midnight),), allowance.windows):
                    found.setdefault(allowance.kind, _Found()).add(
                        a, b, local, allowance.eve, allowance.holiday, midnight + a - shift, shift
                    )
            minute = stop
    return {kind: f.breach() for kind, f in found.items()}


@dataclass(slots=True)
class _Found:
    spans: dict[int, set[Interval]] = field(default_factory=dict)  # by day class
    weekdays: set[int] = field(default_factory=set)
    dates: dict[date, str | None] = field(default_factory=dict)
    eves: set[date] = field(default_factory=set)
    first: tuple[int, int] | None = None  # UTC minute, its shift

    def add(self, a: int, b: int, local: datetime, eve: bool, holiday: str | None, utc: int, shift: int) -> None:
        self.spans.setdefault(EVE if eve else local.weekday(), set()).add((a, b))
        self.weekdays.add(local.weekday())
        self.dates[local.date()] = holiday
        if eve:
            self.eves.add(local.date())
        if self.first is None or utc < self.first[0]:
            self.first = (utc, shift)

    def breach(self) -> Breach:
        assert self.first is not None
        utc, shift = self.first
        by_class = tuple((kind, merge(pieces)) for kind, pieces in sorted(self.spans.items()))
        return Breach(
            by_class, frozenset(self.weekdays), tuple(sorted(self.dates.items())), frozenset(self.eves), utc, naive_datetime(utc + shift)
        )


@dataclass(slots=True)
class Offence:
    """One law, one reason: what the batch reaches that the law bars, over every group it governs.

    For recipients whose number does not tell where it rings, one offence per group and reason
    gathers every law of every place they could be (``laws``): they are judged by the strictest.
    """

    law: Law
    kind: Bar
    placed: bool  # the place the law comes from is told (else: every law of every place the number may ring)
    laws: dict[str, Law] = field(default_factory=dict)  # unplaced recipients: every law that bars them
    groups: dict[int, Group] = field(default_factory=dict)  # by first task index
    spans: dict[int, set[Interval]] = field(default_factory=dict)  # by day class (weekday 0-6, EVE)
    weekdays: set[int] = field(default_factory=set)
    dates: dict[date, str | None] = field(default_factory=dict)
    eves: set[date] = field(default_factory=set)
    first: tuple[int, str, datetime] | None = None  # UTC minute, zone, local time

    def add(self, group: Group, zone: str, breach: Breach) -> None:
        self.groups[group.index] = group
        for kind, pieces in breach.spans:
            self.spans.setdefault(kind, set()).update(pieces)
        self.weekdays.update(breach.weekdays)
        self.dates.update(breach.dates)
        self.eves.update(breach.eves)
        if self.first is None or breach.first < self.first[0]:
            self.first = (breach.first, zone, breach.first_local)


@per_document
def offences(ctx: Context) -> list[Offence]:
    """Every (law, reason) the batch's calendar offends, in table order."""
    plan = schedule(ctx)
    if plan is None:
        return []
    start, days, purpose = batch_start(ctx), ctx.settings.horizon_days, ctx.settings.call_purpose
    found: dict[tuple[str, Bar], Offence] = {}
    for group in groups(ctx).values():
        for law, rule, placed in governing(group, purpose):
            # A number that does not tell its place: one offence per group and reason, all its places' laws in it.
            key = law.id if placed else f"{_UNPLACED}{group.index}:{law.scope.automated}"
            for zone in zones_for_law(group, law):
                for kind, breach in breaches(plan, zone, start, days, rule).items():
                    offence = found.setdefault((key, kind), Offence(law, kind, placed))
                    offence.laws.setdefault(law.id, law)
                    offence.add(group, zone, breach)
    order = {key: n for n, key in enumerate(dict.fromkeys(key[0] for key in found))}
    return [found[key] for key in sorted(found, key=lambda k: (k[0].startswith(_UNPLACED), order[k[0]], list(Bar).index(k[1])))]


def governing(group: Group, purpose: str) -> tuple[tuple[Law, Rule, bool], ...]:
    """``(law, rule as it reaches the group, whether its place is told)`` for every applied entry over calls of ``purpose`` to the group.

    The laws of the number's place and of the place the person lives (each with the holidays of its own
    subdivision); a law both name once. A number that does not tell its place brings every candidate place's.
    """
    found: dict[str, tuple[Law, Rule, bool]] = {}
    if group.location is None:
        return ()
    for place in group.places:
        for law in laws_for(place, purpose):
            rule = law.rule_for(place)
            assert rule is not None  # laws_for keeps only entries that set hours
            found.setdefault(law.id, (law, rule, place.placed))
    return tuple(found.values())


_UNPLACED = "unplaced:"


def zones_for_law(group: Group, law: Law) -> tuple[str, ...]:
    """The zones to judge a group by under a law: the clock its statute names; a number that does not tell its place, on the clocks of the law's place."""
    if law.clock is not None:
        return (law.clock.zone,)
    if group.location is None or group.location.placed or law.country not in subdivision_names():
        return group.zones.zones
    return zones_of(law.country, law.subdivision) or group.zones.zones


def report(ctx: Context, found: list[Offence]) -> Iterator[Finding]:
    """The finding for one law's offences (one or several reasons), counted once per task, grouped: its tasks are its members."""
    if not found:
        return
    if not found[0].placed:
        yield _report_unplaced(ctx, found)
        return
    law = found[0].law
    plan = schedule(ctx)
    assert plan is not None and law.rule is not None
    members = {index: group for offence in found for index, group in offence.groups.items()}
    first_group = members[min(members)]
    count = sum(group.count for group in members.values())
    clock = law.clock.name if law.clock is not None else "local time"
    reasons = "; ".join(_reason(offence, clock) for offence in found)
    first = min((o.first for o in found if o.first is not None), key=lambda f: f[0])
    binds = f"; binds {law.binds}" if law.binds else ""
    message = (
        f"{law.name}: {law.scope.words()} only {law.rule.words()}, {_clock_words(law)} ({law.citation}{binds}){_evidence_words(law)}; "
        f"call_time_window ({plan.words()}) reaches these recipients {reasons}, first {first[2]:%a %Y-%m-%d %H:%M} {_zone_words(law, first[1])}: "
        f"{_tasks(count)} (first {first_group.number}){_unchecked(ctx)}"
    )
    yield ctx.finding(first_group.pointer, message, _hint(law.scope), members=numbers(ctx, members.values()), cause=WINDOW)


def _clock_words(law: Law) -> str:
    """``local time``, or the statute's own clock and what it means on a daylight-saving clock."""
    if law.clock is None:
        return "local time"
    return f"{law.clock.name} as the statute words it ({_offset(law.clock.zone)} all year: one hour later on a daylight-saving clock)"


def _offset(zone: str) -> str:
    """``Etc/GMT+6`` → ``UTC−06:00`` (the Etc zones' signs are inverted)."""
    hours = -int(zone.removeprefix("Etc/GMT") or 0)
    return f"UTC{'+' if hours >= 0 else '−'}{abs(hours):02d}:00"


def _zone_words(law: Law, zone: str) -> str:
    return law.clock.name if law.clock is not None and zone == law.clock.zone else zone


def _evidence_words(law: Law) -> str:
    if law.evidence.level is Level.VENDOR:
        return " [rests on a compliance vendor's table: the statute's text was not read]"
    return ""


def _tasks(count: int) -> str:
    return f"{count} task{'s' if count != 1 else ''}"


@per_document
def _unplaceable(ctx: Context) -> int:
    """Tasks no law was judged for: no E.164 number, or one that phonenumbers does not place."""
    return len(ctx.tasks) - sum(group.count for group in groups(ctx).values() if group.location is not None)


def _unchecked(ctx: Context) -> str:
    missing = _unplaceable(ctx)
    if not missing:
        return ""
    return f"; {_tasks(missing)} whose number could not be placed (not a valid E.164 number: RBV2xx) {'is' if missing == 1 else 'are'} not checked"


def _report_unplaced(ctx: Context, found: list[Offence]) -> Finding:
    """One finding for recipients whose number does not tell its place: judged by the strictest place they could be."""
    plan = schedule(ctx)
    assert plan is not None
    [group] = {index: group for offence in found for index, group in offence.groups.items()}.values()
    location = group.location
    assert location is not None
    laws_seen = {law_id: law for offence in found for law_id, law in offence.laws.items()}
    named = "; ".join(f"{law.name} {law.rule.words() if law.rule else ''} ({law.citation})" for law in list(laws_seen.values())[:3])
    more = f"; and {len(laws_seen) - 3} more" if len(laws_seen) > 3 else ""
    reasons = "; ".join(_reason(offence, "local time") for offence in found)
    first = min((o.first for o in found if o.first is not None), key=lambda f: f[0])
    scope = found[0].law.scope
    message = (
        f"{_tasks(group.count)} whose number does not tell where it rings (first {group.number}: "
        f"{location.name}) judged by the strictest place it could be: call_time_window ({plan.words()}) reaches them {reasons}, "
        f"first {first[2]:%a %Y-%m-%d %H:%M} {first[1]}, which the law on {scope.words()} bars in {len(laws_seen)} of those places "
        f"({named}{more}){_unchecked(ctx)}"
    )
    return ctx.finding(group.pointer, message, _hint(scope), members=numbers(ctx, [group]), cause=WINDOW)


def _hint(scope: Scope) -> str:
    advice = "run `retell-validate split` to write one payload per legal envelope (or narrow call_time_window for these recipients)"
    others = [purpose for purpose in CALL_PURPOSES if not scope.governs(purpose)]
    if not others:
        return advice
    named = ", ".join(f'"{purpose}"' for purpose in others[:-1]) + (" or " if len(others) > 1 else "") + f'"{others[-1]}"'
    return f"{advice}; if these calls are not {scope.words()}, set call-purpose to what they are: {named}"


def _reason(offence: Offence, clock: str) -> str:
    if offence.kind is Bar.HOURS:
        return _hours_reason(offence, clock)
    listed = sorted(offence.dates.items())
    if offence.kind is Bar.DAY:
        shown = ", ".join(f"{d:%a %Y-%m-%d}" for d, _ in listed[:_LISTED_DATES])
        return f"on {_days(offence.weekdays)}, when it allows no calls ({shown}{_more(listed)})"
    shown = ", ".join(f"{d:%a %Y-%m-%d} ({name})" for d, name in listed[:_LISTED_DATES])
    return f"on holidays, when it allows no calls: {shown}{_more(listed)}"


def _hours_reason(offence: Offence, clock: str) -> str:
    """``at 08:00–09:00 local time on Monday–Saturday and at 08:00–12:00 on Sunday``: each barred range with the days it falls on."""
    by_spans: dict[tuple[Interval, ...], list[int]] = {}
    for kind in sorted(offence.spans):
        by_spans.setdefault(merge(offence.spans[kind]), []).append(kind)
    parts: list[str] = []
    for spans_of_days, kinds in by_spans.items():
        days = [_days({kind for kind in kinds if kind != EVE})] if any(kind != EVE for kind in kinds) else []
        if EVE in kinds:
            eves = sorted(offence.eves)
            days.append(f"the day before a holiday ({', '.join(f'{d:%a %Y-%m-%d}' for d in eves[:_LISTED_DATES])}{_more(eves)})")
        parts.append(f"at {spans(spans_of_days)}{f' {clock}' if not parts else ''} on {' and '.join(days)}")
    return " and ".join(parts)


def _more(listed: list[Any]) -> str:
    return f" and {len(listed) - _LISTED_DATES} more" if len(listed) > _LISTED_DATES else ""


def _days(weekdays: set[int]) -> str:
    """``every day``, ``Monday–Saturday``, ``Monday, Wednesday and Sunday``: runs of three days or more as a range."""
    if len(weekdays) == 7:
        return "every day"
    runs: list[list[int]] = []
    for day in sorted(weekdays):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    words = [f"{WEEKDAYS[run[0]]}–{WEEKDAYS[run[-1]]}" if len(run) >= 3 else ", ".join(WEEKDAYS[d] for d in run) for run in runs]
    return ", ".join(words)


def jurisdictions(*, automated: bool, kind: Bar | None = None) -> str:
    """The applied entries a rule checks, as a block for its documentation (``explain``, docs/rules.md); sources in docs/calling-hours.md."""
    lines = []
    for law in laws():
        rule = law.rule
        if not law.applied or rule is None or law.scope.automated != automated:
            continue
        if (kind is Bar.DAY and all(rule.hours)) or (kind is Bar.HOLIDAY and rule.calendar is None):
            continue
        lines.append(f"    {law.id:<17} {law.name}: {rule.words()} ({law.citation})")
    return "\n\nJurisdictions checked (validator/knowledge/data/calling_time_law.yaml)::\n\n" + "\n".join(lines) + "\n"


def law_offences(ctx: Context, *, automated: bool, kind: Bar | None = None) -> Iterator[list[Offence]]:
    """Offences grouped by law: automated-call laws, or the others for one reason."""
    by_law: dict[str, list[Offence]] = {}
    for offence in offences(ctx):
        if offence.law.scope.automated == automated and (kind is None or offence.kind is kind):
            key = offence.law.id if len(offence.laws) == 1 and offence.placed else f"{_UNPLACED}{min(offence.groups)}"
            by_law.setdefault(key, []).append(offence)
    yield from by_law.values()


def findings(ctx: Context, *, automated: bool, kind: Bar | None = None) -> Iterator[Finding]:
    """A law rule's findings: one per law (or per unplaced group) it checks, for one reason or, automated, every reason."""
    for found in law_offences(ctx, automated=automated, kind=kind):
        yield from report(ctx, found)
