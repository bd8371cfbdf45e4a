"""Calling-time law by jurisdiction: ``data/calling_time_law.yaml``, read once.

Each entry is one jurisdiction's rule for one scope (telephone solicitation, all
calls, automated calls): the local hours for weekdays, Saturday and Sunday, whether
calls are barred on holidays, and its source. The file's header documents every
field; every entry keeps its ``source`` (citation and address) and a ``confidence``.

The holidays an entry counts are read by :mod:`validator.calling.calendar`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from validator.calling.calendar import SNAPSHOT_YEARS, WHEN, Extra, HolidayCalendar, snapshot_key
from validator.knowledge.locations import Location
from validator.knowledge.tables import load_table
from validator.settings import time_of_day

Interval = tuple[int, int]
DAY_KINDS = ("weekday", "saturday", "sunday")


class Scope(StrEnum):
    """Which calls an entry governs."""

    SOLICITATION = "solicitation"  # telephone solicitation / telemarketing sales calls
    ALL = "all"  # every call, whatever its purpose
    AUTOMATED = "automated"  # calls by an automatic dialing-announcing device or with an artificial voice

    def governs(self, purpose: str) -> bool:
        """Solicitation rules say nothing about informational calls; the others govern every purpose."""
        return self is not Scope.SOLICITATION or purpose == "solicitation"


class Bar(StrEnum):
    """Why a local minute is barred: its time of day, its weekday, or its date (a holiday)."""

    HOURS = "hours"
    DAY = "day"
    HOLIDAY = "holiday"


@dataclass(frozen=True, slots=True)
class Allowance:
    """The local hours allowed on one date, and what bars the rest."""

    windows: tuple[Interval, ...]
    kind: Bar
    holiday: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """What an entry allows, by local date: equal rules (Florida's and Washington's) are evaluated once."""

    hours: tuple[tuple[Interval, ...], tuple[Interval, ...], tuple[Interval, ...]]  # weekday, Saturday, Sunday
    calendar: HolidayCalendar | None  # no calls on its holidays; ``None``: no holiday rule
    effective_from: date | None = None
    effective_until: date | None = None

    def allowance(self, day: date) -> Allowance | None:
        """The hours allowed on ``day`` (local), or ``None`` when the rule is not in force that day."""
        if (self.effective_from and day < self.effective_from) or (self.effective_until and day > self.effective_until):
            return None
        windows = self.hours[max(day.weekday() - 4, 0)]  # Monday–Friday, Saturday, Sunday
        if not windows:
            return Allowance((), Bar.DAY)
        holiday = self.calendar.name_of(day) if self.calendar is not None else None
        if holiday is not None:
            return Allowance((), Bar.HOLIDAY, holiday)
        return Allowance(windows, Bar.HOURS)

    def words(self) -> str:
        """``08:00–20:00 every day`` or ``09:00–21:00 Monday–Saturday, 12:00–21:00 Sunday; no calls on holidays``."""
        weekday, saturday, sunday = (_spans(h) for h in self.hours)
        if weekday == saturday == sunday:
            parts = [f"{weekday} every day"]
        elif weekday == saturday:
            parts = [f"{weekday} Monday–Saturday", f"{sunday} Sunday"]
        elif saturday == sunday:
            parts = [f"{weekday} Monday–Friday", f"{saturday} Saturday and Sunday"]
        else:
            parts = [f"{weekday} Monday–Friday", f"{saturday} Saturday", f"{sunday} Sunday"]
        text = ", ".join(parts)
        if self.calendar is not None:
            text += "; no calls on holidays"
        if self.effective_from:
            text += f" (from {self.effective_from.isoformat()})"
        if self.effective_until:
            text += f" (until {self.effective_until.isoformat()})"
        return text


@dataclass(frozen=True, slots=True)
class Law:
    """One entry of the table."""

    id: str
    name: str
    country: str
    subdivision: str | None
    scope: Scope
    rule: Rule | None  # ``None``: the law sets no calling hours
    citation: str
    url: str
    confidence: str


def _spans(windows: tuple[Interval, ...]) -> str:
    return ", ".join(f"{a // 60:02d}:{a % 60:02d}–{b // 60:02d}:{b % 60:02d}" for a, b in windows) or "no calls"


def holiday_snapshot() -> dict[str, dict[str, str]]:
    """What ``data/holidays_snapshot.json`` holds: the package's answer for every calendar in the table, every snapshot year."""
    import holidays

    calendars = sorted(
        {(law.rule.calendar.country, law.rule.calendar.subdivision or "") for law in laws() if law.rule and law.rule.calendar}
    )
    return {
        snapshot_key(country, subdivision or None, year): {
            day.isoformat(): name
            for day, name in sorted(holidays.country_holidays(country, subdiv=subdivision or None, years=year).items())
        }
        for country, subdivision in calendars
        for year in SNAPSHOT_YEARS
    }


@cache
def laws() -> tuple[Law, ...]:
    """Every entry of ``data/calling_time_law.yaml``, in file order."""
    return tuple(_law(entry) for entry in load_table("calling_time_law")["jurisdictions"])


@lru_cache(maxsize=1024)
def laws_for(location: Location, purpose: str) -> tuple[Law, ...]:
    """The entries that govern calls of ``purpose`` to ``location``; every candidate place's when the place is not told."""
    return tuple(
        law
        for law in laws()
        if law.rule is not None
        and law.scope.governs(purpose)
        and law.country in location.countries
        and (law.subdivision is None or location.subdivision in (None, law.subdivision))
    )


def _law(entry: dict[str, Any]) -> Law:
    where = f"calling_time_law.yaml: {entry.get('id')}"
    source = entry["source"]
    if not source.get("citation") or not source.get("url"):
        raise RuntimeError(f"{where}: every entry needs source.citation and source.url")
    hours = entry["hours"]
    rule = None
    if hours is not None:
        holiday_rule = entry["holidays"]
        if holiday_rule not in ("none", "no-calls"):
            raise RuntimeError(f"{where}: holidays must be none or no-calls, not {holiday_rule!r}")
        rule = Rule(
            hours=(_windows(hours["weekday"], where), _windows(hours["saturday"], where), _windows(hours["sunday"], where)),
            calendar=_calendar(entry["holiday_calendar"], entry["country"]) if holiday_rule == "no-calls" else None,
            effective_from=date.fromisoformat(entry["effective_from"]) if entry.get("effective_from") else None,
            effective_until=date.fromisoformat(entry["effective_until"]) if entry.get("effective_until") else None,
        )
    return Law(
        id=entry["id"],
        name=entry["name"],
        country=entry["country"],
        subdivision=entry.get("subdivision"),
        scope=Scope(entry["scope"]),
        rule=rule,
        citation=str(source["citation"]),
        url=str(source["url"]),
        confidence=entry["confidence"],
    )


def _windows(pairs: list[list[str]], where: str) -> tuple[Interval, ...]:
    out = []
    for start, end in pairs:
        a, b = _minute(start, where), _minute(end, where)
        if not a < b:
            raise RuntimeError(f"{where}: window {start}-{end} is empty")
        out.append((a, b))
    return tuple(sorted(out))


def _minute(text: str, where: str) -> int:
    minute = time_of_day(text)
    if minute is None:
        raise RuntimeError(f"{where}: {text!r} is not HH:MM")
    return minute


def _calendar(table: dict[str, Any], country: str) -> HolidayCalendar:
    extras = tuple(Extra(str(e["name"]), str(e["when"]), str(e["source"])) for e in table.get("extra") or ())
    for extra in extras:
        if not WHEN.match(extra.when):
            raise RuntimeError(f"calling_time_law.yaml: {extra.name}: unknown when {extra.when!r}")
    only = table.get("only")
    return HolidayCalendar(table.get("country", country), table.get("subdivision"), frozenset(only) if only else None, extras)
