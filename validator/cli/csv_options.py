"""Command-line options for CSV contact lists: the separator and the batch fields a CSV cannot hold.

``check`` and ``convert`` share them through :func:`csv_options`, which turns
the options into one :class:`~validator.engine.csv.CsvOptions` argument. Bad
option text is a usage error here; bad values (a window that crosses
midnight, an unknown time zone) are left to the rules, like in a payload.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from validator.engine.csv import CsvOptions
from validator.openapi.load import load_spec
from validator.options import parse_now, time_range
from validator.readers import format_for_path

_DELIMITERS = {",": ",", ";": ";", "tab": "\t", "|": "|"}
_BATCH_OPTIONS = ("from_number", "name", "window", "timezone", "days", "trigger")


def parse_windows(text: str) -> list[dict[str, int]]:
    """``09:00-12:00,13:00-17:00`` → ``[{"start": 540, "end": 720}, …]`` (``24:00`` is 1440)."""
    windows = []
    for part in text.split(","):
        hours = time_range(part)
        if hours is None:
            raise click.BadParameter(f"{part.strip()!r}: use HH:MM-HH:MM (00:00-24:00), several separated by commas", param_hint="--window")
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
            raise click.BadParameter(f"{part!r}: use a day, a range (Mon-Fri) or a comma-separated list", param_hint="--days")
    return [week[i] for i in sorted(chosen)]


def _day_index(week: list[str], text: str) -> int:
    word = text.strip().lower()
    for index, day in enumerate(week):
        if len(word) >= 2 and day.lower().startswith(word):
            return index
    raise click.BadParameter(f"{text.strip()!r} is not a day; use {', '.join(d[:3] for d in week)} or full names", param_hint="--days")


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
            raise click.BadParameter(
                f"{text!r} has no UTC offset, and --timezone {timezone!r} is not a time zone to read it in", param_hint="--trigger"
            ) from None
        return int(moment.replace(tzinfo=zone).timestamp() * 1000)
    try:
        return int(parse_now(text).timestamp() * 1000)
    except ValueError:
        raise click.BadParameter(
            f"{text!r}: use ISO 8601 (2026-07-01T09:00:00-07:00, or a local time read in --timezone) or epoch milliseconds",
            param_hint="--trigger",
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
            raise click.UsageError("--timezone and --days describe a calling window: give --window too")
        return fields
    call_time_window: dict[str, Any] = {"windows": parse_windows(window)}
    if timezone is not None:
        call_time_window["timezone"] = timezone
    if days is not None:
        call_time_window["day"] = parse_days(days)
    fields["call_time_window"] = call_time_window
    return fields


def _only_csv(kwargs: dict[str, Any]) -> bool:
    """Whether every input of a ``check`` (its ``paths``) is a CSV; other commands take one CSV."""
    if "paths" not in kwargs or kwargs.get("input_format") in ("csv", "xlsx"):
        return True
    return all(format_for_path(Path(str(path))) in ("csv", "xlsx") for path in kwargs["paths"])


def csv_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the CSV options to a click command; it receives them as ``csv_options: CsvOptions``."""

    @functools.wraps(command)
    def wrapper(*args: Any, csv_delimiter: str | None, **kwargs: Any) -> Any:
        given = {key: kwargs.pop(key) for key in _BATCH_OPTIONS}
        if any(v is not None for v in given.values()) and not _only_csv(kwargs):
            raise click.UsageError("batch options (--from-number, --window, …) apply to CSV contact lists only")
        delimiter = _DELIMITERS[csv_delimiter] if csv_delimiter is not None else None
        return command(*args, csv_options=CsvOptions(delimiter, batch_fields(**given)), **kwargs)

    options = [
        click.option("--from-number", metavar="E164", help="CSV: the number calls are made from (from_number)."),
        click.option("--name", metavar="TEXT", help="CSV: the batch name."),
        click.option("--window", metavar="HH:MM-HH:MM[,…]", help="CSV: calling windows (call_time_window.windows)."),
        click.option("--timezone", metavar="IANA", help="CSV: time zone of the windows (e.g. America/New_York)."),
        click.option("--days", metavar="DAYS", help="CSV: days the windows apply to: Mon-Fri, Mon,Wed,Fri, Saturday."),
        click.option(
            "--trigger",
            metavar="ISO8601|EPOCH_MS",
            help="CSV: when the batch starts (trigger_timestamp); a time without offset is read in --timezone, else UTC.",
        ),
        click.option(
            "--csv-delimiter",
            type=click.Choice(sorted(_DELIMITERS)),
            help="CSV: the separator (default: sniffed from the header among , ; tab |).",
        ),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper
