"""Keys written where create-batch-call does not read them, and where it reads what they meant.

The table (``data/misplaced_keys.yaml``, a source per entry) holds the names the spec does
not have (``scheduled_timestamp``, ``dynamic_variables``) and names the level written
disambiguates (``timezone`` at the top level); a key that is a field elsewhere in the spec is
found in the spec by the rule (RBV112). Values move as they are, or converted
(:func:`convert`): a moment to Unix milliseconds, day numbers to the spec's day names,
hours or ``"HH:MM"`` to minutes, an LLM id to the response engine that names it.

Places are JSON pointer templates: ``""`` the document, ``/tasks/*`` every task.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from validator.json_values import is_finite_number
from validator.knowledge.tables import load_table

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# JavaScript's getDay() and ISO 8601 agree on 1-6; Sunday is 0 in one and 7 in the other.
_DAY_NUMBERS = {0: "Sunday", 1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday", 6: "Saturday", 7: "Sunday"}
_DAY_NAMES = {name.lower(): name for name in DAYS} | {name[:3].lower(): name for name in DAYS}
_CLOCK = re.compile(r"([01]?\d|2[0-4]):([0-5]\d)(?::00)?")
# Unix time in seconds for 2001-09-09 to 2286-11-20; in milliseconds from 1973 on.
_SECONDS = (1e9, 1e10)
_MILLISECONDS = 1e11


@dataclass(frozen=True, slots=True)
class Alias:
    """Names written at some places, and where the API reads what they mean (``None``: nowhere, ``note`` says why)."""

    names: frozenset[str]
    at: tuple[str, ...]
    home: str | None
    convert: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class Converted:
    """A value as its home takes it; ``certain`` unless the conversion had to guess (seconds or milliseconds, a day numbering)."""

    value: Any
    certain: bool
    words: str = ""  # how it was read, for the message: "seconds", "ISO 8601"


@cache  # process-wide: the package's table, read once
def aliases() -> tuple[Alias, ...]:
    return tuple(
        Alias(frozenset(entry["names"]), tuple(entry["at"]), entry.get("home"), entry.get("convert"), entry.get("note"))
        for entry in load_table("misplaced_keys")["entries"]
    )


@cache  # process-wide: derived from the package's table
def _by_place() -> dict[tuple[str, str], Alias]:
    out: dict[tuple[str, str], Alias] = {}
    for alias in aliases():
        for at in alias.at:
            for name in alias.names:
                out.setdefault((at, name), alias)
    return out


def alias_for(at: str, key: str) -> Alias | None:
    """The table's entry for ``key`` written in an object at ``at`` (a template such as ``/tasks/*``)."""
    return _by_place().get((at, key))


@cache  # process-wide: derived from the package's table
def day_keys() -> frozenset[str]:
    """The keys inside a window that mean the days it applies on (the API reads ``call_time_window.day``)."""
    return frozenset(
        name for alias in aliases() if "/call_time_window/windows/*" in alias.at and alias.convert == "days" for name in alias.names
    )


def convert(kind: str | None, value: Any) -> Converted | None:
    """``value`` as the home of a ``kind`` conversion takes it; ``None`` when it cannot be read as one."""
    if kind is None:
        return Converted(value, True)
    return _CONVERTERS[kind](value)


def _milliseconds(value: Any) -> Converted | None:
    if is_finite_number(value):
        if value >= _MILLISECONDS:
            return Converted(int(value), True)
        if _SECONDS[0] <= value < _SECONDS[1]:
            return Converted(int(value * 1000), False, "seconds")
        return None
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return _milliseconds(int(text))
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        if moment.tzinfo is None:
            return None  # a wall-clock time without its zone: which moment is a guess
        return Converted(int(moment.timestamp() * 1000), True, "ISO 8601")
    return None


def _days(value: Any) -> Converted | None:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    certain = True
    for item in items:
        if isinstance(item, str) and item.strip().lower() in _DAY_NAMES:
            name = _DAY_NAMES[item.strip().lower()]
        elif isinstance(item, int) and not isinstance(item, bool) and item in _DAY_NUMBERS:
            name, certain = _DAY_NUMBERS[item], False  # 1 is Monday for JavaScript and ISO 8601, Tuesday for Python
        else:
            return None
        if name not in names:
            names.append(name)
    return Converted(names, certain, "" if certain else "day numbers (1 = Monday, 0 or 7 = Sunday)")


def _hours(value: Any) -> Converted | None:
    if is_finite_number(value) and 0 <= value <= 24 and float(value * 60).is_integer():
        return Converted(int(value * 60), True, "hours")
    return None


def _clock(value: Any) -> Converted | None:
    match = _CLOCK.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    minutes = int(match.group(1)) * 60 + int(match.group(2))
    return Converted(minutes, True, "HH:MM") if minutes <= 1440 else None


def _engine(kind: str, field: str) -> Callable[[Any], Converted | None]:
    def engine(value: Any) -> Converted | None:
        if not isinstance(value, str) or not value.strip():
            return None
        return Converted({"type": kind, field: value}, True)

    return engine


_CONVERTERS: dict[str, Callable[[Any], Converted | None]] = {
    "milliseconds": _milliseconds,
    "days": _days,
    "hours": _hours,
    "clock": _clock,
    "retell_llm": _engine("retell-llm", "llm_id"),
    "flow": _engine("conversation-flow", "conversation_flow_id"),
}
