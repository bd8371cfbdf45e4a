"""What a run is configured with: which rules, at what severity, the clock, the calling hours and purpose.

The CLI and configuration files build a :class:`Settings`; the library takes one as an optional
argument; rules read it through their context. Each field is declared by its option in
:mod:`validator.options` (default, parser, documentation), and checked when a Settings is made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from validator.diagnostics import Severity
from validator.options import (
    AGENTS,
    CALL_PURPOSE,
    CALLING_HOURS,
    DNC,
    DNC_EXEMPTION_KEY,
    HORIZON_DAYS,
    IGNORE,
    LOCATION_COLUMNS,
    NOW,
    REGION,
    SELECT,
    SEVERITY_OVERRIDES,
    SHEET,
    options_of,
    parse_now,
    time_of_day,
    time_range,
)

__all__ = ["Settings", "parse_now", "time_of_day", "time_range"]  # the value parsers live with the options; read from here too


@dataclass(frozen=True)
class Settings:
    """Rule selection (ruff-style code prefixes), severity overrides, the clock, calling hours and purpose.

    Every field is checked when a Settings is made: a ``ValueError`` names the field, the value
    and what it accepts (``call_purpose='informatonal' is not a call purpose; did you mean
    'informational'? …``). Codes must be ``ALL`` or begin at least one rule's code. ``select``
    and ``ignore`` take any collection of codes, or one string: one code or several separated by
    commas, as on the command line (``ignore="RBV705"`` is ``frozenset({"RBV705"})``, never its
    characters). ``severity`` takes codes or prefixes and holds them resolved per code (a
    longer prefix wins); ``now`` takes what :func:`parse_now` takes; ``calling_hours`` minutes
    ``(480, 1260)`` or ``"08:00-21:00"``; ``agents`` a folder of pulled agents (``"agents/"``), read when a
    payload is checked (an unreadable folder is a finding, RBV610).

    ``now`` is the injectable clock: rules that compare with the present
    (timestamps in the past, calling hours on a date) use :meth:`clock`.
    """

    select: frozenset[str] = SELECT.field()
    ignore: frozenset[str] = IGNORE.field()
    severity: Mapping[str, Severity] = SEVERITY_OVERRIDES.field()
    now: datetime | None = NOW.field()  # noqa: RUF009 - a dataclasses.Field (default and metadata), not a call per instance
    calling_hours: tuple[int, int] = CALLING_HOURS.field()
    call_purpose: str = CALL_PURPOSE.field()
    horizon_days: int = HORIZON_DAYS.field()
    dnc: tuple[Path, ...] = DNC.field()  # do-not-call index files (RBV9xx)
    dnc_exemption_key: str | None = DNC_EXEMPTION_KEY.field()
    agents: Path | None = AGENTS.field()  # noqa: RUF009 - a dataclasses.Field, as for now
    region: str | None = REGION.field()  # national phone numbers are read in this country (None: from_number's, else US)
    sheet: str | None = SHEET.field()  # the sheet of a workbook that holds the contact list (None: the first)
    location_columns: tuple[str, ...] = LOCATION_COLUMNS.field()

    def __post_init__(self) -> None:
        for option in _OPTIONS:
            object.__setattr__(self, option.name, option.value(getattr(self, option.name)))

    def clock(self) -> datetime:
        """The moment a run treats as now: ``now`` if injected, else the real clock (UTC)."""
        return self.now if self.now is not None else datetime.now(UTC)

    def enabled(self, code: str) -> bool:
        """A code runs when the longest matching prefix in select beats any in ignore."""
        return _longest_prefix(code, self.select) > _longest_prefix(code, self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


_OPTIONS = options_of(Settings)


def _longest_prefix(code: str, prefixes: frozenset[str]) -> int:
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best
