"""Command-line options for CSV contact lists: the separator and the batch fields a CSV cannot hold.

``check`` and ``convert`` share them through :func:`csv_options`, which turns
the options into one :class:`~validator.engine.csv.CsvOptions` argument. Bad
option text (read by :mod:`validator.campaign.batch`) is a usage error here; bad values (a window
that crosses midnight, an unknown time zone) are left to the rules, like in a payload.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from validator.campaign.batch import BatchOptionError, batch_fields
from validator.engine.csv import CsvOptions
from validator.readers import format_for_path

_DELIMITERS = {",": ",", ";": ";", "tab": "\t", "|": "|"}
_BATCH_OPTIONS = ("from_number", "name", "window", "timezone", "days", "trigger")


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
        try:
            fields = batch_fields(**given)
        except BatchOptionError as exc:
            if exc.option is None:
                raise click.UsageError(str(exc)) from None
            raise click.BadParameter(str(exc), param_hint=exc.option) from None
        return command(*args, csv_options=CsvOptions(delimiter, fields), **kwargs)

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
