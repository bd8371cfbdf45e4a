"""IANA time zone names: which exist, which are poor choices, and what a wrong name most likely meant.

The list of names is the one the ``tzdata`` package ships (a dependency), not
the system's zone database, so every machine gives the same verdicts; names
are case-sensitive, as on Linux.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from validator.knowledge.tables import load_table

# UTC written as "-05:00", "UTC-5", "GMT+5:30", "UTC−8" (with a real minus sign).
_OFFSET = re.compile(r"(?:UTC|GMT|Z)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ZoneSuggestion:
    """The zones a wrong name most likely meant, likeliest first, each with a label.

    ``certain`` is true when only the spelling differs (case, spaces for
    underscores): replacing the name cannot change what it means.
    """

    reason: str
    zones: tuple[tuple[str, str], ...]
    certain: bool

    def words(self) -> str:
        """``…: use America/Los_Angeles (US Pacific)`` or ``…: use Asia/Kolkata (India), Europe/Dublin (Ireland) or …``."""
        if not self.zones:
            return self.reason
        names = [f"{zone} ({label})" if label else zone for zone, label in self.zones]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        return f"{self.reason}: use {listed}"


@cache  # process-wide: tzdata's list of names, read once
def zone_names() -> frozenset[str]:
    """Every zone name tzdata ships (canonical zones and their links)."""
    return frozenset(resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split())


def is_zone(name: str) -> bool:
    return name in zone_names()


def load_zone(name: str) -> ZoneInfo | None:
    """The zone, or None: the one way rules load a zone from payload text.

    Only names tzdata lists are opened: ``ZoneInfo`` turns any other text into a path, so a
    directory (``"America"``) or a name past NAME_MAX raises OSError rather than "not found".
    """
    return _open_zone(name) if is_zone(name) else None


@cache  # process-wide: tzdata's zones, keyed by the names it lists (never by payload text it does not)
def _open_zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # a tzdata file that is missing or unreadable here
        return None


@cache  # process-wide: derived from tzdata's names
def _folded_names() -> dict[str, str]:
    return {_fold(name): name for name in zone_names()}


@cache  # process-wide: derived from tzdata's names
def _by_city() -> dict[str, list[str]]:
    cities: dict[str, list[str]] = {}
    for name in sorted(zone_names()):
        if "/" in name and not name.startswith("Etc/"):
            cities.setdefault(_fold(name.rsplit("/", 1)[1]), []).append(name)
    return cities


def _fold(name: str) -> str:
    return "_".join(name.split()).casefold()


def suggest(name: str) -> ZoneSuggestion | None:
    """What a name that is not an IANA zone most likely meant (``None`` when there is no good guess)."""
    folded = _fold(name)
    if folded in _folded_names():
        return ZoneSuggestion("zone names are case-sensitive and use underscores", ((_folded_names()[folded], ""),), True)
    meant = abbreviation(name)
    if meant:
        kind = "an abbreviation" if name.strip().isalnum() else "an informal name"
        return ZoneSuggestion(f"{name.strip()} is {kind}, not an IANA zone name", meant, False)
    offset = _OFFSET.fullmatch(name.strip())
    if offset:
        return _offset_suggestion(offset)
    cities = _by_city().get(folded)
    if cities:
        return ZoneSuggestion("IANA names start with the region", tuple((c, "") for c in cities[:3]), False)
    close = difflib.get_close_matches(folded, list(_folded_names()), n=1, cutoff=0.8)
    if close:
        return ZoneSuggestion("the closest IANA zone name", ((_folded_names()[close[0]], ""),), False)
    return None


@dataclass(frozen=True, slots=True)
class UnknownZone:
    """What to tell about a name that is not an IANA zone: the hint, and the zone to write when one is clear."""

    hint: str
    replacement: str | None
    safe: bool


def unknown_zone(name: str) -> UnknownZone | None:
    """``None`` for an IANA zone name; otherwise the advice every time-zone field gives."""
    if is_zone(name):
        return None
    guess = suggest(name)
    if guess is None:
        return UnknownZone("use a name from the IANA tz database, Region/City", None, False)
    # A replacement only towards the zone of a place: a fixed-offset Etc zone is offered in words, not written.
    if guess.zones and not guess.zones[0][0].startswith("Etc/"):
        return UnknownZone(guess.words(), guess.zones[0][0], guess.certain)
    return UnknownZone(guess.words(), None, False)


def abbreviation(name: str) -> tuple[tuple[str, str], ...]:
    """The zones an abbreviation or informal name (``PST``, ``Eastern Time``) stands for; empty if unknown."""
    table: dict[str, list[dict[str, str]]] = load_table("timezone_abbreviations")
    entries = table.get(" ".join(name.replace("_", " ").split()).upper(), [])
    return tuple((entry["zone"], entry["label"]) for entry in entries)


def _offset_suggestion(match: re.Match[str]) -> ZoneSuggestion:
    reason = "a UTC offset is not a zone name; use the zone of the place you call (it follows daylight saving)"
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if minutes or hours > 12:
        return ZoneSuggestion(reason, (), False)
    # Etc/GMT+5 is UTC−05:00: POSIX signs are inverted.
    etc = "Etc/GMT" + ("" if hours == 0 else ("+" if match.group(1) in "-−" else "-") + str(hours))
    return ZoneSuggestion(reason + ", or for a fixed offset all year", ((etc, "Etc names invert the sign"),), False)


def legacy_reason(name: str) -> str | None:
    """Why a name tzdata accepts is still a poor choice (``None`` when it is fine).

    Fixed-offset zones other than UTC (``EST``, ``MST``, ``HST``, ``Etc/GMT+5``)
    never observe daylight saving, so local hours drift by one for half the
    year; the POSIX-style names (``EST5EDT``, ``CET``) are kept only for compatibility.
    """
    # Only abbreviation-like names: country aliases such as "Japan" are fine even without daylight saving.
    if not is_zone(name) or not (name.startswith("Etc/") or abbreviation(name)):
        return None
    offset = fixed_offset(name)
    if offset is not None and offset != timedelta(0):
        spelled = _offset_words(offset)
        if name.startswith("Etc/GMT"):
            return f"{name} is {spelled} all year (Etc names invert the sign) and never observes daylight saving"
        return f"{name} is a fixed offset, {spelled} all year, and never observes daylight saving"
    if offset is None:
        return f"{name} is a legacy name kept only for compatibility"
    return None


def fixed_offset(name: str) -> timedelta | None:
    """The zone's UTC offset when it is the same in January and July, else ``None``."""
    zone = load_zone(name)
    if zone is None:
        return None
    offsets = {zone.utcoffset(datetime(2026, month, 1)) for month in (1, 7)}
    return offsets.pop() if len(offsets) == 1 else None


def _offset_words(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
