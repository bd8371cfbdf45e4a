"""The holidays a calling-time law counts.

Public holidays come from the ``holidays`` package (country and subdivision),
filtered to the names a statute lists (``only``) and completed by the days it adds
(``extra``, each with its ``when`` and source). Days that are proclaimed case by
case cannot be known in advance and are left to the user (docs/calling-hours.md).

Where a statute bars the recipient's own holidays (Spain's *festivos*), the calendar
lists the subdivisions it may be (``subdivisions``) and is made concrete per
recipient (:meth:`HolidayCalendar.of`); a recipient whose subdivision is not told
gets every subdivision's holidays (:data:`ANY_SUBDIVISION`), each regional one named
with the subdivisions that keep it.

Importing ``holidays`` and building a first country costs ~0.2 s, a fifth of checking
100,000 tasks, so the package's answers for the calendars in the table and
:data:`SNAPSHOT_YEARS` are kept in ``data/holidays_snapshot.json``
(``python -m validator.cli.lawdoc --holidays`` writes it; a test fails when it differs
from the installed package). Other years ask the package itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources

from dateutil.easter import easter

SNAPSHOT_YEARS = range(2025, 2036)
ANY_SUBDIVISION = "*"  # a recipient-calendar's subdivision when the recipient's is not told
WHEN = re.compile(r"^(?:(?P<month>\d{2})-(?P<day>\d{2})|easter(?P<offset>[+-]\d+)|(?P<election>election-day(?:-even-years)?)|proclaimed)$")


@dataclass(frozen=True, slots=True)
class Extra:
    """A day a statute counts as a holiday that the ``holidays`` package does not."""

    name: str
    when: str
    source: str

    def on(self, year: int) -> date | None:
        """The date in ``year`` (``None`` for proclaimed days, or an election day in an odd year when only even years count)."""
        match = WHEN.match(self.when)
        if match is None or self.when == "proclaimed":
            return None
        if match["month"]:
            return date(year, int(match["month"]), int(match["day"]))
        if match["offset"]:
            sunday: date = easter(year)
            return sunday + timedelta(days=int(match["offset"]))
        if match["election"].endswith("even-years") and year % 2:
            return None
        first_monday = 1 + (7 - date(year, 11, 1).weekday()) % 7
        return date(year, 11, first_monday + 1)


@dataclass(frozen=True, slots=True)
class HolidayCalendar:
    """The holidays a rule counts: the package's for ``country``/``subdivision``, only ``only`` if given, plus ``extra``.

    ``subdivisions`` is set on a calendar of the recipient's own holidays: the subdivisions it may be.
    """

    country: str
    subdivision: str | None
    only: frozenset[str] | None
    extra: tuple[Extra, ...]
    subdivisions: tuple[str, ...] = ()

    @property
    def per_recipient(self) -> bool:
        """The holidays are the recipient's own subdivision's (made concrete by :meth:`of`)."""
        return bool(self.subdivisions) and self.subdivision is None

    def of(self, subdivision: str) -> HolidayCalendar:
        """This calendar for a recipient in ``subdivision`` (:data:`ANY_SUBDIVISION`, or one it does not list: all of them)."""
        return _concrete(self, subdivision if subdivision in self.subdivisions else ANY_SUBDIVISION)

    def package_subdivisions(self) -> tuple[str | None, ...]:
        """The ``holidays`` package calendars this calendar reads."""
        return self.subdivisions or (self.subdivision,)

    def name_of(self, day: date) -> str | None:
        """The holiday's name, or ``None`` when ``day`` is not one."""
        return _holidays(self, day.year).get(day)


@lru_cache(maxsize=64)  # process-wide: a pure function of a law-table calendar and a subdivision, bounded
def _concrete(calendar: HolidayCalendar, subdivision: str) -> HolidayCalendar:
    return HolidayCalendar(calendar.country, subdivision, calendar.only, calendar.extra, calendar.subdivisions)


@lru_cache(maxsize=256)  # process-wide: a pure function of a law-table calendar and a year, bounded
def _holidays(calendar: HolidayCalendar, year: int) -> dict[date, str]:
    found: dict[date, str] = {}
    for day, names in _package_names(calendar, year).items():
        kept = [name for name in names.split("; ") if calendar.only is None or name in calendar.only]
        if kept:
            found[day] = "; ".join(kept)
    for extra in calendar.extra:
        added = extra.on(year)
        if added is not None:
            found[added] = f"{found[added]}; {extra.name}" if added in found else extra.name
    return found


def _package_names(calendar: HolidayCalendar, year: int) -> dict[date, str]:
    """The package's holidays for the calendar; for :data:`ANY_SUBDIVISION`, every subdivision's, a regional one named with its subdivisions."""
    if calendar.subdivision != ANY_SUBDIVISION:
        return package_holidays(calendar.country, calendar.subdivision, year)
    keeping: dict[date, dict[str, list[str]]] = {}
    for subdivision in calendar.subdivisions:
        for day, names in package_holidays(calendar.country, subdivision, year).items():
            for name in names.split("; "):
                keeping.setdefault(day, {}).setdefault(name, []).append(subdivision)
    everywhere = len(calendar.subdivisions)
    return {
        day: "; ".join(name if len(where) == everywhere else f"{name} ({', '.join(where)})" for name, where in names.items())
        for day, names in sorted(keeping.items())
    }


def package_holidays(country: str, subdivision: str | None, year: int) -> dict[date, str]:
    """The ``holidays`` package's holidays (names joined by "; " when several fall on one day), from the snapshot when it has them."""
    kept = _snapshot().get(snapshot_key(country, subdivision, year))
    if kept is not None:
        return {date.fromisoformat(day): name for day, name in kept.items()}
    import holidays  # here, not at the top: see the module's docstring

    return dict(holidays.country_holidays(country, subdiv=subdivision, years=year).items())


def snapshot_key(country: str, subdivision: str | None, year: int) -> str:
    return f"{country}/{subdivision or ''}/{year}"


@cache  # process-wide: the package's own data file, read once
def _snapshot() -> dict[str, dict[str, str]]:
    text = (resources.files("validator.knowledge") / "data" / "holidays_snapshot.json").read_text(encoding="utf-8")
    data: dict[str, dict[str, str]] = json.loads(text)
    return data
