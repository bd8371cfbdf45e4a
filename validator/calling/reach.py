"""Where a batch's calling windows fall on the recipients' clocks.

A :class:`Schedule` is the batch's ``call_time_window`` read as the server
applies it: windows in one zone (the spec's default when ``timezone`` is
omitted), on some days of the week. :func:`reach` maps every allowed minute of
the period checked into a recipient zone, exactly across daylight-saving
switches of either zone: time is cut into spans where both UTC offsets are
constant, and inside a span a batch-local minute is a fixed shift away from
the recipient's clock.

The period checked is the 53 weeks from the batch's start (``trigger_timestamp``
when it lies ahead, else ``settings.clock()``): every weekday under every
offset either zone has in the coming year, so a June run also sees the
November week when Los Angeles and Phoenix differ by an hour. Results are
cached per (schedule, zone, start), never per task. Who the recipients are and
where: :mod:`validator.calling.recipients`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo

from validator.calling.intervals import Interval, merge, subtract
from validator.calling.windows import DAY, clock
from validator.calling.windows import windows as usable_windows
from validator.context import Context
from validator.knowledge.recipient_zones import RecipientZones
from validator.knowledge.timezones import load_zone
from validator.openapi.prose import default_zone

# The period reach_on_clock() maps: a year of whole weeks, so every weekday is seen under every UTC offset
# either zone keeps in the coming year. Not the calling-time law's ``horizon_days`` (Settings).
REACH_DAYS = 53 * 7
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # datetime.weekday() order
_EPOCH = datetime(1970, 1, 1)
_EPOCH_WEEKDAY = 3  # 1970-01-01 was a Thursday
_GREGORIAN_CYCLE = 146_097 * 24 * 60  # minutes in 400 years
_LAST_MINUTE = int((datetime(9000, 1, 1, tzinfo=UTC) - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()) // 60


@dataclass(frozen=True, slots=True)
class Schedule:
    """Windows ``[start, end)`` in minutes of the day in ``zone``; ``days`` are weekday numbers (Monday = 0)."""

    zone: str
    windows: tuple[Interval, ...]
    days: frozenset[int]

    def words(self) -> str:
        """``09:00–12:00, 13:00–17:00 America/Los_Angeles, Monday–Friday``."""
        hours = ", ".join(span(w) for w in self.windows)
        if len(self.days) == 7:
            return f"{hours} {self.zone}"
        runs: list[list[int]] = []
        for day in sorted(self.days):
            if runs and runs[-1][-1] == day - 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        days = ", ".join(WEEKDAYS[r[0]] if len(r) == 1 else f"{WEEKDAYS[r[0]]}–{WEEKDAYS[r[-1]]}" for r in runs)
        return f"{hours} {self.zone}, {days}"


@dataclass(frozen=True, slots=True)
class Reach:
    """The local minutes of the day a schedule reaches in a zone, those outside the limit, and the first of them."""

    covered: tuple[Interval, ...]
    outside: tuple[Interval, ...]
    first_outside: datetime | None  # naive local time in the recipient zone


def unplaced(zones: RecipientZones, start: int) -> bool:
    """No zone known, or only a country whose zones keep different clocks (a toll-free number)."""
    return not zones.zones or (zones.country_only and several_clocks(zones, start))


def several_clocks(zones: RecipientZones, start: int) -> bool:
    """True when the candidate zones do not keep one clock over the period checked."""
    return len({clock_signature(zone, start) for zone in zones.zones}) > 1


@lru_cache(maxsize=4096)  # process-wide: time-zone data, a pure function of a zone name and a minute, bounded
def clock_signature(zone: str, start: int) -> tuple[int, ...]:
    """Equal for zones that keep the same clock over the period checked (New York and Toronto)."""
    info = load_zone(zone)
    if info is None:
        return ()
    changes = offset_changes(info, start, start + REACH_DAYS * DAY)
    return (utc_offset(info, start), *changes, *(utc_offset(info, c) for c in changes))


def span(interval: Interval) -> str:
    return f"{clock(interval[0])}–{clock(interval[1])}"


def spans(intervals: tuple[Interval, ...]) -> str:
    """Minute-of-day intervals in words; a run through midnight reads ``21:00–04:00``."""
    parts = list(intervals)
    if len(parts) > 1 and parts[0][0] == 0 and parts[-1][1] == DAY:
        parts = [(parts[-1][0], parts[0][1]), *parts[1:-1]]
    return ", ".join(span(i) for i in parts)


def schedule(ctx: Context) -> Schedule | None:
    """The batch's schedule; ``None`` without a window or when it cannot be read (RBV1xx/RBV3xx report why)."""
    window = ctx.call_time_window
    if window is None:
        return None
    zone = window.get("timezone", default_zone(ctx.spec))
    if not isinstance(zone, str) or load_zone(zone) is None:
        return None
    windows = tuple(sorted({(w.start, w.end) for w in usable_windows(ctx) if w.start < w.end}))  # RBV301: cross-midnight
    days = window.get("day")
    if days is None or days == []:
        allowed = frozenset(range(7))
    elif isinstance(days, list):
        allowed = frozenset(WEEKDAYS.index(d) for d in days if d in WEEKDAYS)
    else:
        return None
    return Schedule(zone, windows, allowed) if windows and allowed else None


def batch_start(ctx: Context) -> int:
    """The minute (since the epoch, UTC) the batch starts: a future ``trigger_timestamp``, else now."""
    now = minute_of(ctx.settings.clock())
    trigger = trigger_minute(ctx)
    return trigger if trigger is not None and trigger > now else now


def trigger_minute(ctx: Context) -> int | None:
    value = ctx.document.get("trigger_timestamp")
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < _LAST_MINUTE * 60_000:
        return None
    return int(value // 60_000)


def minute_of(moment: datetime) -> int:
    return int(moment.timestamp() // 60)


def naive_datetime(minute: int) -> datetime:
    """A count of minutes since the epoch on some clock → that clock's naive date and time."""
    return _EPOCH + timedelta(minutes=minute)


@lru_cache(maxsize=4096)  # process-wide: a pure function of values (schedule, zone, minute, limit), bounded
def reach_on_clock(plan: Schedule, zone: str, start: int, limit: Interval) -> Reach:
    """Every allowed minute in the 53 weeks from ``start``, on ``zone``'s clock, against ``limit``."""
    covered: set[Interval] = set()
    first: int | None = None
    for begin, end, shift in allowed(plan, zone, start, start + REACH_DAYS * DAY):
        local_begin, local_end = begin + shift, end + shift
        for a, b in _minutes_of_day(local_begin, local_end):
            covered.add((a, b))
        outside = _first_outside(local_begin, local_end, limit)
        if outside is not None and (first is None or outside < first):
            first = outside
    merged = merge(covered)
    return Reach(merged, subtract(merged, (limit,)), naive_datetime(first) if first is not None else None)


def first_allowed(plan: Schedule, moment: int) -> int | None:
    """The first minute at or after ``moment`` that the schedule allows (``None`` if none within 8 days)."""
    return min((begin for begin, _, _ in allowed(plan, plan.zone, moment, moment + 8 * DAY)), default=None)


def allowed(plan: Schedule, zone: str, start: int, stop: int) -> Iterator[tuple[int, int, int]]:
    """``(begin, end, shift)``: allowed UTC minutes ``[begin, end)`` and how far ``zone``'s clock is from UTC then."""
    batch_zone, other = load_zone(plan.zone), load_zone(zone)
    if batch_zone is None or other is None or stop > _LAST_MINUTE:
        return
    cuts = sorted({start, stop, *offset_changes(batch_zone, start, stop), *offset_changes(other, start, stop)})
    for low, high in pairwise(cuts):
        batch_offset, shift = utc_offset(batch_zone, low), utc_offset(other, low)
        wall_low, wall_high = low + batch_offset, high + batch_offset
        for day in range(wall_low // DAY, (wall_high - 1) // DAY + 1):
            if (day + _EPOCH_WEEKDAY) % 7 not in plan.days:
                continue
            for window_start, window_end in plan.windows:
                begin, end = max(day * DAY + window_start, wall_low), min(day * DAY + window_end, wall_high)
                if begin < end:
                    yield begin - batch_offset, end - batch_offset, shift


def utc_offset(zone: ZoneInfo, minute: int) -> int:
    # Past year 9000 (a far-future --now), look 400 years earlier: the Gregorian calendar,
    # weekdays and a zone's rules repeat every 400 years, and datetime stops at 9999.
    minute -= max(0, -(-(minute - _LAST_MINUTE) // _GREGORIAN_CYCLE)) * _GREGORIAN_CYCLE
    offset = datetime.fromtimestamp(minute * 60, zone).utcoffset()
    return int(offset.total_seconds()) // 60 if offset is not None else 0


@lru_cache(maxsize=1024)  # process-wide: time-zone data (zones are loaded once, see load_zone), bounded
def offset_changes(zone: ZoneInfo, start: int, stop: int) -> tuple[int, ...]:
    """The minutes in ``[start, stop)`` at which the zone's UTC offset changes (checked daily, then bisected)."""
    found = []
    previous = utc_offset(zone, start)
    for probe in range(start + DAY, stop + DAY, DAY):
        current = utc_offset(zone, min(probe, stop))
        if current != previous:
            low, high = probe - DAY, min(probe, stop)
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (middle, high) if utc_offset(zone, middle) == previous else (low, middle)
            found.append(high)
            previous = current
    return tuple(found)


def _minutes_of_day(begin: int, end: int) -> Iterator[Interval]:
    """A run of local minutes as minute-of-day intervals (it may wrap past midnight once)."""
    if end - begin >= DAY:
        yield 0, DAY
        return
    a, b = begin % DAY, begin % DAY + (end - begin)
    if b <= DAY:
        yield a, b
    else:
        yield a, DAY
        yield 0, b - DAY


def _first_outside(begin: int, end: int, limit: Interval) -> int | None:
    """The first local minute in ``[begin, end)`` outside ``limit``."""
    low, high = limit
    minute = begin
    while minute < end:
        of_day = minute % DAY
        if not low <= of_day < high:
            return minute
        minute += high - of_day
    return None
