"""Shared helpers for the calling-time law tests: a number in an entry's place, a quiet week, a batch, the findings about a law."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

import phonenumbers

from tests.helpers import check, seed
from validator import Diagnostic, Settings
from validator.calling.law_table import Law, laws
from validator.knowledge.locations import location_for, nanp_descriptions, subdivision_names
from validator.knowledge.recipient_zones import zones_for
from validator.settings import CALL_PURPOSES

LAW_CODES = ("RBV705", "RBV706", "RBV707", "RBV708")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Numbers whose region phonenumbers' geocoder names (a province or state the law needs), beside example numbers.
REGIONAL = {("ES", None): "+34912345678", ("BR", "RJ"): "+552123456789", ("BR", None): "+551123456789"}


def law(law_id: str) -> Law:
    return next(entry for entry in laws() if entry.id == law_id)


@cache
def number_in(country: str, subdivision: str | None) -> str:
    """A valid number that rings in one zone of the place, from phonenumbers' own data (no table of numbers here)."""
    if (country, subdivision) in REGIONAL:
        return REGIONAL[country, subdivision]
    if country in ("US", "CA"):
        subdivision = subdivision or {"US": "NY", "CA": "ON"}[country]
        names = subdivision_names()[country]
        for prefix, description in sorted(nanp_descriptions().items(), key=lambda item: (len(item[0]), item[0])):
            place = description.rsplit(", ", 1)[-1]
            if names.get(place, place) == subdivision:
                number = f"+{(prefix + '2345678901')[:11]}"
                zones = zones_for(number)
                if phonenumbers.is_valid_number(phonenumbers.parse(number)) and zones is not None and len(zones.zones) == 1:
                    return number
        raise AssertionError(f"no number for {country}-{subdivision}")
    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.FIXED_LINE)
    assert example is not None
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)


def zone_of(number: str) -> str:
    zones = zones_for(number)
    assert zones is not None
    return zones.zones[0]


def purpose_of(entry: Law) -> str:
    """A purpose the entry governs (the first in CALL_PURPOSES order)."""
    return next(purpose for purpose in CALL_PURPOSES if entry.scope.governs(purpose))


def quiet_week(entry: Law, number: str) -> date:
    """A Monday from which the entry is in force for seven days with no holiday, and no day before one."""
    location = location_for(number)
    assert location is not None and entry.rule is not None
    rule = entry.rule.for_subdivision(location.subdivision)
    monday = date(2026, 3, 9)
    while True:
        days = [monday + timedelta(n) for n in range(8)]
        allowances = [rule.allowance(day) for day in days[:7]]
        calendar = rule.calendar
        if all(a is not None for a in allowances) and (calendar is None or not any(calendar.name_of(day) for day in days)):
            return monday
        monday += timedelta(7)


def batch(*numbers: str, zone: str, windows: list[tuple[int, int]], days: list[str] | None = None, **fields: Any) -> dict[str, Any]:
    window: dict[str, Any] = {"timezone": zone, "windows": [{"start": a, "end": b} for a, b in windows]}
    if days is not None:
        window["day"] = days
    return seed(tasks=[{"to_number": n} for n in numbers], call_time_window=window, **fields)


def law_findings(payload: dict[str, Any], *, now: str, purpose: str = "solicitation", horizon: int = 14) -> list[Diagnostic]:
    report = check(payload, now=now, settings=Settings(call_purpose=purpose, horizon_days=horizon))
    return [d for d in report.diagnostics if d.code in LAW_CODES]


def about(findings: list[Diagnostic], entry: Law) -> list[Diagnostic]:
    return [d for d in findings if d.message.startswith(f"{entry.name}: ")]
