"""Legal envelopes: for each group of recipients, what the batch can ring and what the law allows, week by week.

``retell-validate split`` and ``retell-validate hours`` share this. Recipients are
parted by what decides their envelope (their candidate zones, the entries of the
calling-time law that govern them, and whether their place is known); a part's
clock is its zone (the batch's zone when the number may ring in several); a rule whose
statute names a clock (Mississippi's Central Standard Time) is judged on that clock and
mapped back, and a rule whose holidays are the recipient's own takes the part's region's.

For every local date of the horizon (every date that meets ``[start, start +
horizon)``, whole), the minutes the batch rings (``call_time_window`` mapped onto the
part's clock) and the minutes some rule bars (each rule on the clock of each zone it
is judged in, mapped back) give what is safe that date. A part's narrowed window is
the best one set of windows and weekdays inside what is safe on every date of those
weekdays, so the rules that check a part (RBV701, RBV705–RBV708) find nothing in it.
The policy hours (RBV701, checked over 53 weeks) are kept by the shifts between the
part's clock and each zone over that year.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources
from itertools import combinations, pairwise

from phonenumbers.tzdata import TIMEZONE_DATA

from validator.calling.intervals import intersect, merge, subtract
from validator.calling.law import governing, zones_for_law
from validator.calling.law_table import Interval, Law, Rule, laws
from validator.calling.reach import (
    REACH_DAYS,
    Schedule,
    allowed,
    batch_start,
    clock_signature,
    offset_changes,
    schedule,
    unplaced,
    utc_offset,
)
from validator.calling.recipients import Group, groups
from validator.calling.windows import DAY
from validator.context import Context
from validator.knowledge.recipient_zones import RecipientZones
from validator.knowledge.timezones import load_zone

Week = tuple[tuple[Interval, ...], ...]  # minute-of-day intervals for Monday … Sunday
_FULL: tuple[Interval, ...] = ((0, DAY),)
_EPOCH_DATE = date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class Envelope:
    """Per weekday, on the part's clock: what the batch rings, what every rule allows, and what is both."""

    reach: Week
    legal: Week
    safe: Week


@dataclass(slots=True)
class Part:
    """Tasks that share one legal envelope, on one clock."""

    zone: str
    laws: tuple[Law, ...]
    placed: bool
    groups: list[Group]
    envelope: Envelope
    window: tuple[tuple[Interval, ...], tuple[int, ...]] | None  # the narrowed windows and weekdays; ``None``: no legal window

    @property
    def indexes(self) -> list[int]:
        return sorted(index for group in self.groups for index in group.indexes)

    @property
    def count(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def label(self) -> str:
        """The places of the part's recipients in words, the largest first: ``Florida, Georgia and 3 more``."""
        sizes: dict[str, int] = {}
        for group in self.groups:
            for place in _place_words(group):
                sizes[place] = sizes.get(place, 0) + group.count
        names = sorted(sizes, key=lambda name: -sizes[name])
        if len(names) <= 3:
            return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1] if names else "no place known"
        return f"{', '.join(names[:2])} and {len(names) - 2} more"


def _place_words(group: Group) -> list[str]:
    """``Florida``, ``Australia``, ``toll-free (+1)``; and where the person lives when a column says so."""
    location = group.location
    if location is None:
        return ["numbers with no place"]
    if not location.placed:
        found = [f"numbers that do not tell their place ({location.name})"]
    elif location.subdivision is not None:
        found = [location.name]
    else:
        found = [_country_name(location.country)]
    if group.lives is not None and group.lives is not location:
        found.append(f"(lives in {group.lives.name})")
    return [" ".join(found)]


@cache  # process-wide: the law table's names, per country code
def _country_name(country: str) -> str:
    """A country's name as the law table words it (``Australia``), else its code."""
    named = next((law.name for law in laws() if law.country == country and law.subdivision is None), country)
    return named.split(" (", 1)[0]


def parts(ctx: Context) -> list[Part] | None:
    """The batch's recipients parted by legal envelope, in first-task order; ``None`` without a usable window.

    Groups whose clocks keep the same time and whose narrowed windows and days are equal are one part.
    """
    plan = schedule(ctx)
    if plan is None:
        return None
    start, days, purpose = batch_start(ctx), ctx.settings.horizon_days, ctx.settings.call_purpose
    found: dict[tuple[object, ...], Part] = {}
    for group in groups(ctx).values():
        governing_laws = governing(group, purpose)
        placed = group.location is None or group.location.placed
        zone = part_zone(group.number_zones if group.number_zones and group.number_zones.zones else group.zones, plan.zone)
        policy_zones = () if unplaced(group.zones, start) else group.zones.zones
        checks = tuple((rule, judged) for law, rule, _ in governing_laws for judged in zones_for_law(group, law))
        key = (zone, policy_zones, checks, placed, tuple(law.id for law, _, _ in governing_laws))
        part = found.get(key)
        if part is None:
            envelope = _envelope(plan, zone, checks, policy_zones, ctx.settings.calling_hours, start, days)
            found[key] = Part(zone, tuple(law for law, _, _ in governing_laws), placed, [group], envelope, best_window(envelope.safe))
        else:
            part.groups.append(group)
    return _merged(sorted(found.values(), key=lambda part: min(group.index for group in part.groups)), start)


def _merged(found: list[Part], start: int) -> list[Part]:
    """Parts on clocks that keep the same time, with the same narrowed window and days, as one (in first-task order)."""
    by_key: dict[tuple[object, ...], Part] = {}
    out: list[Part] = []
    for part in found:
        if part.window is None:
            out.append(part)
            continue
        key = (clock_signature(part.zone, start), part.window)
        into = by_key.get(key)
        if into is None:
            by_key[key] = part
            out.append(part)
            continue
        into.groups.extend(part.groups)
        into.laws = tuple(dict.fromkeys((*into.laws, *part.laws)))
        into.placed = into.placed and part.placed
        into.envelope = Envelope(
            into.envelope.reach,  # the same clock: the batch rings the same local minutes
            tuple(intersect(a, b) for a, b in zip(into.envelope.legal, part.envelope.legal, strict=True)),
            tuple(intersect(a, b) for a, b in zip(into.envelope.safe, part.envelope.safe, strict=True)),
        )
    return out


def part_zone(zones: RecipientZones, preferred: str) -> str:
    """The clock a part is written on: a zone its recipients are in.

    One zone: that one. Several: ``preferred`` (the batch's own zone) when it is one of them, else a zone
    of the clock most of them keep: one tzdata does not describe as a part of its region ("Alaska (most
    areas)", not "Alaska - western Aleutians"), then the one phonenumbers gives the most number blocks.
    """
    if len(zones.zones) == 1:
        return zones.zones[0]
    if preferred in zones.zones or not zones.zones:
        return preferred
    by_clock: dict[tuple[int, ...], list[str]] = {}
    for zone in zones.zones:
        by_clock.setdefault(clock_signature(zone, _SIGNATURE_START), []).append(zone)
    weight, partial = _zone_weights(), _partial_zones()

    def rank(zone: str) -> tuple[bool, int, str]:
        return (zone not in partial, weight.get(zone, 0), zone)

    largest = max(by_clock.values(), key=lambda same: (len(same), max(map(rank, same))))
    return max(largest, key=rank)


_SIGNATURE_START = 29_000_000  # a fixed minute (2025-02) for telling clocks apart: which clock, not when


@cache  # process-wide: tzdata's zone table, read once
def _partial_zones() -> frozenset[str]:
    """Zones tzdata's ``zone1970.tab`` describes as a part of a region (``Alaska - western Aleutians``)."""
    text = (resources.files("tzdata") / "zoneinfo" / "zone1970.tab").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return frozenset(row[2] for row in rows if len(row) > 3 and " - " in row[3])


@cache  # process-wide: derived from phonenumbers' zone table
def _zone_weights() -> dict[str, int]:
    """How many number blocks phonenumbers maps to each zone: a stand-in for how many people keep its clock."""
    weights: dict[str, int] = {}
    for zones in TIMEZONE_DATA.values():
        for zone in zones:
            weights[zone] = weights.get(zone, 0) + 1
    return weights


@lru_cache(maxsize=4096)  # process-wide: a pure function of values (schedule, zone, rules, hours), bounded
def _envelope(
    plan: Schedule,
    zone: str,
    checks: tuple[tuple[Rule | None, str], ...],
    policy_zones: tuple[str, ...],
    policy: Interval,
    start: int,
    days: int,
) -> Envelope:
    lo, hi = start - DAY, start + days * DAY + DAY  # whole local dates around the horizon
    offset = _offset_of(zone, start)
    dates = range((start + offset) // DAY, (start + days * DAY - 1 + _offset_of(zone, start + days * DAY)) // DAY + 1)
    rings = _by_date(_local_pieces(plan, zone, lo, hi))
    barred: dict[int, list[Interval]] = {}
    for rule, judged in checks:
        if rule is not None:
            for number, pieces in _barred(zone, judged, lo, hi, rule).items():
                barred.setdefault(number, []).extend(pieces)
    hours = _policy(zone, policy_zones, policy, start)
    reach: list[list[Interval]] = [[] for _ in range(7)]
    legal: list[tuple[Interval, ...] | None] = [None] * 7
    safe: list[tuple[Interval, ...] | None] = [None] * 7
    for number in dates:
        weekday = (number + 3) % 7  # 1970-01-01 was a Thursday
        allowed_here = intersect(subtract(_FULL, merge(barred.get(number, []))), hours)
        ringing = merge(rings.get(number, []))
        reach[weekday].extend(ringing)
        legal[weekday] = allowed_here if legal[weekday] is None else intersect(legal[weekday] or (), allowed_here)
        good = intersect(ringing, allowed_here)
        safe[weekday] = good if safe[weekday] is None else intersect(safe[weekday] or (), good)
    return Envelope(
        tuple(merge(r) for r in reach),
        tuple(w or () for w in legal),
        tuple(w or () for w in safe),
    )


def best_window(safe: Week) -> tuple[tuple[Interval, ...], tuple[int, ...]] | None:
    """The one set of windows and weekdays inside ``safe`` that allows the most minutes a week (more days on a tie)."""
    best: tuple[int, int, tuple[Interval, ...], tuple[int, ...]] | None = None
    usable = [day for day in range(7) if safe[day]]
    for size in range(len(usable), 0, -1):
        for chosen in combinations(usable, size):
            windows = safe[chosen[0]]
            for day in chosen[1:]:
                windows = intersect(windows, safe[day])
            score = sum(b - a for a, b in windows) * size
            if windows and (best is None or (score, size) > (best[0], best[1])):
                best = (score, size, windows, chosen)
    return (best[2], best[3]) if best else None


def _offset_of(zone: str, minute: int) -> int:
    info = load_zone(zone)
    return utc_offset(info, minute) if info is not None else 0


def _local_pieces(plan: Schedule, zone: str, lo: int, hi: int) -> Iterator[Interval]:
    """What ``plan`` rings in ``[lo, hi)``, as minutes on ``zone``'s clock."""
    for begin, end, shift in allowed(plan, zone, lo, hi):
        yield begin + shift, end + shift


def _by_date(pieces: Iterable[Interval]) -> dict[int, list[Interval]]:
    """Runs of local minutes cut at local midnights: date number → minute-of-day intervals."""
    out: dict[int, list[Interval]] = {}
    for begin, end in pieces:
        minute = begin
        while minute < end:
            number, stop = minute // DAY, min(end, (minute // DAY + 1) * DAY)
            out.setdefault(number, []).append((minute - number * DAY, stop - number * DAY))
            minute = stop
    return out


@lru_cache(maxsize=4096)  # process-wide: a pure function of zones, minutes and a law-table rule, bounded
def _barred(zone: str, judged: str, lo: int, hi: int, rule: Rule) -> dict[int, list[Interval]]:
    """The minutes of ``[lo, hi)`` that ``rule`` bars on ``judged``'s clock, by date on ``zone``'s clock."""
    every = Schedule(zone, _FULL, frozenset(range(7)))
    out: list[Interval] = []
    for begin, end, shift in allowed(every, judged, lo, hi):
        back = _offset_of(zone, begin) - shift  # judged clock → zone clock, constant in this span
        for number, pieces in _by_date([(begin + shift, end + shift)]).items():
            allowance = rule.allowance(_EPOCH_DATE + timedelta(days=number))
            if allowance is not None:
                for piece in pieces:
                    out.extend((number * DAY + a + back, number * DAY + b + back) for a, b in subtract((piece,), allowance.windows))
    return _by_date(out)


def _policy(zone: str, zones: tuple[str, ...], policy: Interval, start: int) -> tuple[Interval, ...]:
    """Minutes of the day on ``zone``'s clock that are inside ``policy`` on every clock of ``zones``, over the year from ``start``.

    Between two offset changes of either zone the shift between the clocks is constant; it constrains only
    the minutes of the day that span lives through (the hour between Anchorage's and Adak's daylight-saving
    switches, at 02:00, says nothing of 09:00).
    """
    hours = _FULL
    info = load_zone(zone)
    stop = start + REACH_DAYS * DAY
    for other in zones:
        other_info = load_zone(other)
        if info is None or other_info is None:
            continue
        moments = sorted({start, stop, *offset_changes(info, start, stop), *offset_changes(other_info, start, stop)})
        for begin, end in pairwise(moments):
            own = utc_offset(info, begin)
            shift = utc_offset(other_info, begin) - own
            lived = _FULL if end - begin >= DAY else _shifted((0, end - begin), (begin + own) % DAY)
            hours = intersect(hours, merge([*_shifted(policy, -shift), *subtract(_FULL, lived)]))
    return hours


def _shifted(interval: Interval, by: int) -> tuple[Interval, ...]:
    """``interval`` moved by ``by`` minutes, wrapped around midnight."""
    a, b = interval[0] + by, interval[1] + by
    pieces = [(a % DAY, a % DAY + (b - a))] if b - a < DAY else [(0, DAY)]
    out: list[Interval] = []
    for x, y in pieces:
        out.extend([(x, min(y, DAY)), (0, y - DAY)] if y > DAY else [(x, y)])
    return merge(p for p in out if p[0] < p[1])
