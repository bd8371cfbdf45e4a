"""What a run is configured with: which rules, at what severity, and the clock.

The CLI and configuration files build a :class:`Settings`; the library takes
one as an optional argument. Rules read it through their context.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType

from validator.diagnostics import Severity

DEFAULT_CALLING_HOURS = (8 * 60, 21 * 60)  # 08:00-21:00 at the called party's location (TCPA)
CALL_PURPOSES = (
    "solicitation",
    "informational",
    "debt-collection",
    "charitable",
    "poll",
)  # the first is the default: the conservative reading
DEFAULT_HORIZON_DAYS = 14  # how far ahead of the batch's start the calling-time law is checked


@dataclass(frozen=True)
class Settings:
    """Rule selection (ruff-style code prefixes), severity overrides and the clock.

    ``now`` is the injectable clock: rules that compare with the present
    (timestamps in the past, calling hours on a date) use :meth:`clock`.
    """

    select: frozenset[str] = frozenset({"ALL"})
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    now: datetime | None = None
    calling_hours: tuple[int, int] = DEFAULT_CALLING_HOURS
    call_purpose: str = CALL_PURPOSES[0]
    horizon_days: int = DEFAULT_HORIZON_DAYS

    def clock(self) -> datetime:
        """The moment a run treats as now: ``now`` if injected, else the real clock (UTC)."""
        return self.now if self.now is not None else datetime.now(UTC)

    def enabled(self, code: str) -> bool:
        """A code runs when the longest matching prefix in select beats any in ignore."""
        return _longest_prefix(code, self.select) > _longest_prefix(code, self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


def _longest_prefix(code: str, prefixes: frozenset[str]) -> int:
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def time_of_day(text: str) -> int | None:
    """``"HH:MM"`` → minutes after local midnight (``24:00`` is 1440); ``None`` when not a time of day.

    The one reader of that notation: ``calling-hours``, the CSV ``--window`` option, the calling-time law table.
    """
    match = _TIME.match(text)
    if match is None or int(match[2]) > 59 or int(match[1]) * 60 + int(match[2]) > 1440:
        return None
    return int(match[1]) * 60 + int(match[2])


def time_range(text: str) -> tuple[int, int] | None:
    """``"HH:MM-HH:MM"`` → two :func:`time_of_day` minutes; ``None`` when not two times of day."""
    start, sep, end = text.partition("-")
    low, high = time_of_day(start), time_of_day(end) if sep else None
    return (low, high) if low is not None and high is not None else None


def parse_now(value: datetime | int | str) -> datetime:
    """The clock's moment from a datetime (naive means UTC), epoch milliseconds, or ISO 8601 text (``Z`` or an offset).

    The one parser of ``now``: ``--now``, the ``now`` configuration key and the library's ``now=``.
    """
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    raw = str(value).strip()
    try:
        if raw.isascii() and raw.lstrip("-").isdigit():
            return datetime.fromtimestamp(int(raw) / 1000, tz=UTC)
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
    except (ValueError, OverflowError, OSError):  # OverflowError/OSError: epoch milliseconds past year 9999
        raise ValueError(f"--now {_shown(raw)}: use ISO 8601 (2026-01-01T09:00:00Z) or epoch milliseconds within years 1-9999") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _shown(raw: str) -> str:
    return repr(raw if len(raw) <= 40 else raw[:39] + "…")
