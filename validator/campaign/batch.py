"""The batch fields a contact list cannot hold, from the words a person types: ``09:00-20:00``, ``Mon-Sat``, a start time.

The command line (``--window``, ``--timezone``, ``--days``, ``--from-number``, ``--name``,
``--trigger``) and the web page's form read them here alike. Text that cannot be read is a
:class:`BatchOptionError` naming the option; values that read but are wrong (a window that crosses
midnight, an unknown time zone) are left to the rules, as in a payload.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from validator.openapi.load import load_spec
from validator.options import parse_now, time_range


class BatchOptionError(ValueError):
    """Option text that cannot be read; ``option``: the flag it was given to (``None``: the options together)."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


def parse_windows(text: str) -> list[dict[str, int]]:
    """``09:00-12:00,13:00-17:00`` → ``[{"start": 540, "end": 720}, …]`` (``24:00`` is 1440)."""
    windows = []
    for part in text.split(","):
        hours = time_range(part)
        if hours is None:
            raise BatchOptionError(f"{part.strip()!r}: use HH:MM-HH:MM (00:00-24:00), several separated by commas", "--window")
        windows.append({"start": hours[0], "end": hours[1]})
    return windows


def parse_days(text: str) -> list[str]:
    """``Mon-Fri``, ``Mon,Wed,Fri``, ``Saturday`` → the spec's day names, in week order (ranges may wrap: ``Fri-Mon``)."""
    week: list[str] = list(load_spec().component_schemas["DayOfWeek"]["enum"])
    chosen: set[int] = set()
    for part in text.split(","):
        ends = [_day_index(week, end) for end in part.split("-")]
        if len(ends) == 1:
            chosen.add(ends[0])
        elif len(ends) == 2:
            length = (ends[1] - ends[0]) % len(week)
            chosen.update((ends[0] + i) % len(week) for i in range(length + 1))
        else:
            raise BatchOptionError(f"{part!r}: use a day, a range (Mon-Fri) or a comma-separated list", "--days")
    return [week[i] for i in sorted(chosen)]


def _day_index(week: list[str], text: str) -> int:
    word = text.strip().lower()
    for index, day in enumerate(week):
        if len(word) >= 2 and day.lower().startswith(word):
            return index
    raise BatchOptionError(f"{text.strip()!r} is not a day; use {', '.join(d[:3] for d in week)} or full names", "--days")


def parse_trigger(text: str, timezone: str | None = None) -> int:
    """ISO 8601 or epoch milliseconds → epoch milliseconds; a time without offset is in ``timezone`` (``--timezone``), else UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        moment = None
    if moment is not None and moment.tzinfo is None and timezone is not None:
        try:
            zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise BatchOptionError(
                f"{text!r} has no UTC offset, and --timezone {timezone!r} is not a time zone to read it in", "--trigger"
            ) from None
        return int(moment.replace(tzinfo=zone).timestamp() * 1000)
    try:
        return int(parse_now(text).timestamp() * 1000)
    except ValueError:
        raise BatchOptionError(
            f"{text!r}: use ISO 8601 (2026-07-01T09:00:00-07:00, or a local time read in --timezone) or epoch milliseconds",
            "--trigger",
        ) from None


def batch_fields(
    from_number: str | None, name: str | None, window: str | None, timezone: str | None, days: str | None, trigger: str | None
) -> dict[str, Any]:
    """The payload's batch fields, in the API's order, from the options given."""
    fields: dict[str, Any] = {}
    if name is not None:
        fields["name"] = name
    if from_number is not None:
        fields["from_number"] = from_number
    if trigger is not None:
        fields["trigger_timestamp"] = parse_trigger(trigger, timezone)
    if window is None:
        if timezone is not None or days is not None:
            raise BatchOptionError("--timezone and --days describe a calling window: give --window too")
        return fields
    call_time_window: dict[str, Any] = {"windows": parse_windows(window)}
    if timezone is not None:
        call_time_window["timezone"] = timezone
    if days is not None:
        call_time_window["day"] = parse_days(days)
    fields["call_time_window"] = call_time_window
    return fields
