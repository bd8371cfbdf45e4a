"""Numbers that ring in a known place, and batches that call them: shared by the calling-time tests.

Used by the calling-hours rule modules (tests/rules/calling_hours/), the engine's tests here and
the ``split``/``hours`` commands' tests (tests/cli/test_split_hours.py).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

import phonenumbers

from tests.helpers import seed
from validator import Diagnostic, Report
from validator.knowledge.locations import nanp_descriptions, subdivision_names
from validator.knowledge.recipient_zones import zones_for

NY, LA, HONOLULU, PHOENIX = "+12125550123", "+12135550123", "+18085550123", "+16025550123"
FLORIDA, LOUISIANA, NEVADA, TOLL_FREE = "+13055550123", "+15045550123", "+17025550123", "+18005550199"
LAW_CODES = ("RBV705", "RBV706", "RBV707", "RBV708")


def batch(
    *numbers: str,
    windows: list[tuple[int, int]],
    zone: str | None = "America/Los_Angeles",
    days: list[str] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """The seed payload calling ``numbers`` in these (start, end) windows of ``zone`` (none: the spec's default)."""
    window: dict[str, Any] = {"windows": [{"start": a, "end": b} for a, b in windows]}
    if zone is not None:
        window["timezone"] = zone
    if days is not None:
        window["day"] = days
    return seed(tasks=[{"to_number": n} for n in numbers], call_time_window=window, **fields)


def ms(iso: str) -> int:
    """An ISO 8601 moment as a ``trigger_timestamp``."""
    return int(datetime.fromisoformat(iso).timestamp() * 1000)


def law_codes(report: Report) -> list[Diagnostic]:
    """The findings of the calling-time law rules (RBV705-RBV708)."""
    return [d for d in report.diagnostics if d.code in LAW_CODES]


@cache
def number_in(country: str, subdivision: str | None, *, one_zone: bool = True) -> str:
    """A valid number that rings in one zone of the place (phonenumbers' own data: no table of numbers here)."""
    if country in ("US", "CA"):
        subdivision = subdivision or {"US": "NY", "CA": "ON"}[country]  # a federal rule: any place will do
        names = subdivision_names()[country]
        for prefix, description in sorted(nanp_descriptions().items(), key=lambda item: (len(item[0]), item[0])):
            place = description.rsplit(", ", 1)[-1]
            if names.get(place, place) == subdivision:
                number = f"+{(prefix + '2345678901')[:11]}"
                zones = zones_for(number)
                if (
                    phonenumbers.is_valid_number(phonenumbers.parse(number))
                    and zones is not None
                    and (len(zones.zones) == 1 or not one_zone)
                ):
                    return number
        raise AssertionError(f"no number for {country}-{subdivision}")
    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.FIXED_LINE)
    assert example is not None
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
