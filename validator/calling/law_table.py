"""Calling-time law by jurisdiction: ``data/calling_time_law.yaml``, read once.

Each entry is one jurisdiction's rule for one scope (which calls: any or automated
ones; which purposes: solicitation, informational, debt-collection, charitable, poll):
the local hours for weekdays, Saturday and Sunday (and the day before a holiday where
the instrument says so), whether calls are barred on holidays, the clock a statute
names, and the evidence it rests on. The file's header documents every field.

Only ``applied`` entries are checked. An entry whose evidence is ``none`` (a bill, a
claim no person can read) must be ``watched``: listed in the docs with what would make
it law, never applied. Loading refuses a file that breaks this.

The holidays an entry counts are read by :mod:`validator.calling.calendar`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from validator.calling.calendar import ANY_SUBDIVISION, SNAPSHOT_YEARS, WHEN, Extra, HolidayCalendar, snapshot_key
from validator.knowledge.locations import Location
from validator.knowledge.tables import load_table
from validator.options import CALL_PURPOSES
from validator.settings import time_of_day

Interval = tuple[int, int]
DAY_KINDS = ("weekday", "saturday", "sunday")
EVE = 7  # the day class of a weekday before a holiday, beside weekdays 0-6
_PURPOSE_WORDS = {
    "solicitation": "telephone solicitation",
    "informational": "informational",
    "debt-collection": "debt-collection",
    "charitable": "charitable solicitation",
    "poll": "poll",
}


class Level(StrEnum):
    """What an entry's evidence is, strongest first."""

    STATUTE = "statute"  # the statute's or regulation's own text
    REGULATOR = "regulator"  # the regulator's own page
    SECONDARY = "secondary"  # a law-firm alert, news report or commentary
    VENDOR = "vendor"  # a compliance vendor's table
    NONE = "none"  # a bill or an unsourced claim: watched, never applied


@dataclass(frozen=True, slots=True)
class Source:
    level: Level
    url: str
    quote: str | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """What was read for an entry, where, and when."""

    level: Level
    citation: str
    url: str  # where the words were read
    official: str | None  # the instrument's official address, where it was seen
    quote: str | None
    checked: date
    also: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Scope:
    """Which calls an entry governs: automated ones only or any, and for which purposes."""

    automated: bool
    purposes: frozenset[str]

    def governs(self, purpose: str) -> bool:
        return purpose in self.purposes

    def words(self) -> str:
        """``telephone solicitation calls``, ``automated calls``, ``telephone solicitation and charitable solicitation calls``."""
        kinds = (
            "" if self.purposes == frozenset(CALL_PURPOSES) else _listed([_PURPOSE_WORDS[p] for p in CALL_PURPOSES if p in self.purposes])
        )
        return " ".join(word for word in ("automated" if self.automated else "", kinds, "calls") if word)


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


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
    eve: bool = False  # the hours are the day-before-a-holiday hours


@dataclass(frozen=True, slots=True)
class Rule:
    """What an entry allows, by local date: equal rules (Florida's and Washington's) are evaluated once."""

    hours: tuple[tuple[Interval, ...], tuple[Interval, ...], tuple[Interval, ...]]  # weekday, Saturday, Sunday
    calendar: HolidayCalendar | None  # no calls on its holidays; ``None``: no holiday rule
    effective_from: date | None = None
    effective_until: date | None = None
    eve_hours: tuple[Interval, ...] | None = None  # a weekday whose next day is a holiday

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
        if self.eve_hours is not None and day.weekday() < 5 and self.calendar is not None and self.calendar.name_of(day + timedelta(1)):
            return Allowance(self.eve_hours, Bar.HOURS, eve=True)
        return Allowance(windows, Bar.HOURS)

    def for_subdivision(self, subdivision: str | None) -> Rule:
        """The rule for a recipient in ``subdivision`` (``None``: not told) when its holidays are the recipient's own."""
        if self.calendar is None or not self.calendar.per_recipient:
            return self
        return replace(self, calendar=self.calendar.of(subdivision or ANY_SUBDIVISION))

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
        if self.eve_hours is not None:
            parts.append(f"{_spans(self.eve_hours)} the day before a holiday")
        text = ", ".join(parts)
        if self.calendar is not None:
            text += "; no calls on holidays"
        if self.effective_from:
            text += f" (from {self.effective_from.isoformat()})"
        if self.effective_until:
            text += f" (until {self.effective_until.isoformat()})"
        return text


@dataclass(frozen=True, slots=True)
class Clock:
    """A fixed clock a statute names: its hours are read on it, not on the recipient's local clock."""

    zone: str  # an ``Etc/GMT±N`` zone
    name: str  # as the statute words it


@dataclass(frozen=True, slots=True)
class Law:
    """One entry of the table."""

    id: str
    name: str
    country: str
    subdivision: str | None
    scope: Scope
    rule: Rule | None  # ``None``: the entry's hours were not read (a watched lead)
    evidence: Evidence
    applied: bool
    clock: Clock | None = None
    binds: str | None = None  # who the instrument binds when it is not a law of general application
    watch: str | None = None  # for watched entries: what would make the entry law

    @property
    def citation(self) -> str:
        return self.evidence.citation

    @property
    def url(self) -> str:
        return self.evidence.url

    def rule_for(self, location: Location) -> Rule | None:
        """The rule as it reaches a recipient at ``location`` (holidays of their own subdivision where the entry says so)."""
        return self.rule.for_subdivision(location.subdivision) if self.rule is not None else None


def _spans(windows: tuple[Interval, ...]) -> str:
    return ", ".join(f"{a // 60:02d}:{a % 60:02d}–{b // 60:02d}:{b % 60:02d}" for a, b in windows) or "no calls"


def holiday_snapshot() -> dict[str, dict[str, str]]:
    """What ``data/holidays_snapshot.json`` holds: the package's answer for every calendar in the table, every snapshot year."""
    import holidays

    calendars = sorted(
        {(calendar.country, subdivision or "") for calendar in _calendars() for subdivision in calendar.package_subdivisions()}
    )
    return {
        snapshot_key(country, subdivision or None, year): {
            day.isoformat(): name
            for day, name in sorted(holidays.country_holidays(country, subdiv=subdivision or None, years=year).items())
        }
        for country, subdivision in calendars
        for year in SNAPSHOT_YEARS
    }


def _calendars() -> list[HolidayCalendar]:
    return [law.rule.calendar for law in laws() if law.rule is not None and law.rule.calendar is not None]


@cache  # process-wide: the package's law table, read once
def laws() -> tuple[Law, ...]:
    """Every entry of ``data/calling_time_law.yaml``, applied and watched, in file order."""
    return tuple(law_of_entry(entry) for entry in load_table("calling_time_law")["jurisdictions"])


@cache  # process-wide: the package's law table, read once
def left_out() -> tuple[dict[str, str], ...]:
    """What was examined and not kept as an entry: ``{"where", "what", "reason"}``."""
    return tuple(load_table("calling_time_law")["left_out"])


@lru_cache(maxsize=1024)  # process-wide: a pure function of an interned place and a purpose, bounded
def laws_for(location: Location, purpose: str) -> tuple[Law, ...]:
    """The applied entries that govern calls of ``purpose`` to ``location``; every candidate place's when the place is not told."""
    return tuple(
        law
        for law in laws()
        if law.applied
        and law.rule is not None
        and law.scope.governs(purpose)
        and law.country in location.countries
        and (law.subdivision is None or location.subdivision in (None, law.subdivision))
    )


def law_of_entry(entry: dict[str, Any]) -> Law:
    where = f"calling_time_law.yaml: {entry.get('id')}"
    evidence = _evidence(entry.get("evidence"), where)
    status = entry.get("status")
    if status not in ("applied", "watched"):
        raise RuntimeError(f"{where}: status must be applied or watched, not {status!r}")
    if status == "applied" and evidence.level is Level.NONE:
        raise RuntimeError(f"{where}: an entry with no readable source cannot be applied; make it watched")
    if status == "watched" and not entry.get("watch"):
        raise RuntimeError(f"{where}: a watched entry says what would make it law (watch)")
    hours = entry["hours"]
    rule = None
    if hours is not None:
        holiday_rule = entry["holidays"]
        if holiday_rule not in ("none", "no-calls"):
            raise RuntimeError(f"{where}: holidays must be none or no-calls, not {holiday_rule!r}")
        eve = entry.get("eve_hours")
        rule = Rule(
            hours=(_windows(hours["weekday"], where), _windows(hours["saturday"], where), _windows(hours["sunday"], where)),
            calendar=_calendar(entry["holiday_calendar"], entry["country"]) if holiday_rule == "no-calls" else None,
            effective_from=date.fromisoformat(entry["effective_from"]) if entry.get("effective_from") else None,
            effective_until=date.fromisoformat(entry["effective_until"]) if entry.get("effective_until") else None,
            eve_hours=_windows(eve, where) if eve else None,
        )
        if rule.eve_hours is not None and rule.calendar is None:
            raise RuntimeError(f"{where}: eve_hours need a holiday calendar")
    elif status == "applied":
        raise RuntimeError(f"{where}: an applied entry needs hours")
    clock = entry.get("clock")
    return Law(
        id=entry["id"],
        name=entry["name"],
        country=entry["country"],
        subdivision=entry.get("subdivision"),
        scope=_scope(entry["scope"], where),
        rule=rule,
        evidence=evidence,
        applied=status == "applied",
        clock=Clock(str(clock["zone"]), str(clock["name"])) if clock else None,
        binds=entry.get("binds"),
        watch=entry.get("watch"),
    )


def _scope(table: dict[str, Any], where: str) -> Scope:
    calls, purposes = table.get("calls"), table.get("purposes") or []
    if calls not in ("any", "automated"):
        raise RuntimeError(f"{where}: scope.calls must be any or automated, not {calls!r}")
    chosen = frozenset(CALL_PURPOSES) if purposes == ["any"] else frozenset(purposes)
    if not chosen or not chosen <= set(CALL_PURPOSES):
        raise RuntimeError(f"{where}: scope.purposes must be [any] or some of {', '.join(CALL_PURPOSES)}, not {purposes!r}")
    return Scope(calls == "automated", chosen)


def _evidence(table: Any, where: str) -> Evidence:
    if not isinstance(table, dict):
        raise RuntimeError(f"{where}: every entry needs evidence")
    try:
        level = Level(str(table.get("level")))
    except ValueError:
        raise RuntimeError(f"{where}: evidence.level must be one of {', '.join(Level)}") from None
    citation, url, checked = table.get("citation"), table.get("url"), table.get("checked")
    if not citation or not isinstance(url, str) or not url.startswith("http") or not isinstance(checked, date):
        raise RuntimeError(f"{where}: evidence needs citation, url (where it was read) and checked (a date)")
    quote = table.get("quote")
    if level in (Level.STATUTE, Level.REGULATOR, Level.SECONDARY) and not quote:
        raise RuntimeError(f"{where}: {level} evidence quotes what was read")
    also = tuple(Source(Level(item["level"]), str(item["url"]), item.get("quote")) for item in table.get("also") or ())
    return Evidence(level, str(citation), url, table.get("official"), quote, checked, also)


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
    subdivision = table.get("subdivision")
    per_recipient = subdivision == "recipient"
    subdivisions = tuple(table.get("subdivisions") or ())
    if per_recipient and not subdivisions:
        raise RuntimeError(f"calling_time_law.yaml: {country}: a recipient's calendar lists its subdivisions")
    return HolidayCalendar(
        table.get("country", country),
        None if per_recipient else subdivision,
        frozenset(only) if only else None,
        extras,
        subdivisions if per_recipient else (),
    )
