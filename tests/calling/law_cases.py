"""Helpers for the calling-time law tests: an entry by id, a number in its place (regions too), a quiet week, findings."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tests.calling import numbers
from tests.calling.numbers import LAW_CODES, batch
from tests.helpers import check
from validator import Diagnostic, Settings
from validator.calling.law_table import Law, laws
from validator.knowledge.locations import location_for
from validator.knowledge.recipient_zones import zones_for
from validator.options import CALL_PURPOSES

__all__ = ["LAW_CODES", "WEEKDAY_NAMES", "about", "batch", "law", "law_findings", "number_in", "purpose_of", "quiet_week", "zone_of"]

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Fixed numbers whose province or state phonenumbers' geocoder names (Madrid, Rio de Janeiro, São Paulo).
REGIONAL = {("ES", None): "+34912345678", ("BR", "RJ"): "+552123456789", ("BR", None): "+551123456789"}


def law(law_id: str) -> Law:
    return next(entry for entry in laws() if entry.id == law_id)


def number_in(country: str, subdivision: str | None) -> str:
    """A valid number in the place, in one zone: :func:`tests.calling.numbers.number_in`, and the regions it cannot give."""
    return REGIONAL.get((country, subdivision)) or numbers.number_in(country, subdivision)


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
        in_force = all(rule.allowance(day) is not None for day in days[:7])
        if in_force and (rule.calendar is None or not any(rule.calendar.name_of(day) for day in days)):
            return monday
        monday += timedelta(7)


def law_findings(payload: dict[str, Any], *, now: str, purpose: str = "solicitation", horizon: int = 14) -> list[Diagnostic]:
    report = check(payload, now=now, settings=Settings(call_purpose=purpose, horizon_days=horizon))
    return [d for d in report.diagnostics if d.code in LAW_CODES]


def about(findings: list[Diagnostic], entry: Law) -> list[Diagnostic]:
    return [d for d in findings if d.message.startswith(f"{entry.name}: ")]
