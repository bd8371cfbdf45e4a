"""What ``split`` and ``hours`` share: their input (a contact list or a payload), their options, and the plan of callable rows.

Both read the rows (:mod:`validator.campaign.sheet`), set aside those that cannot be called (with
``--dnc`` or ``dnc`` in the configuration, those on do-not-call lists too) and part the rest by
legal envelope. Only input that cannot be used at all (a missing file, no phone column, a payload
that is not one or whose batch fields have errors, a do-not-call list that cannot be read) is a
usage error (exit 2) before anything is written.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from validator.campaign.sheet import Plan, Unreadable, plan_for
from validator.cli.csv_options import csv_options
from validator.cli.errors import echo_error
from validator.cli.options import configured
from validator.config import ConfigError, ConfigFinder, Overrides, configured_spec
from validator.engine.csv import CsvOptions
from validator.openapi.load import SpecError
from validator.options import DNC, LOCATION_COLUMNS

EXIT_USAGE = 2


def law_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``INPUT``, the settings options (``--now``, ``--call-purpose``, ``--config`` …) and a contact list's batch options; the command gets the :class:`Plan`."""

    @click.argument("source", metavar="INPUT", type=click.Path(dir_okay=False, path_type=Path))
    @configured(LOCATION_COLUMNS, DNC)
    @csv_options
    @functools.wraps(command)
    def wrapped(source: Path, given: Overrides, csv_options: CsvOptions, **options: Any) -> Any:
        return command(load_plan(source, given, csv_options), **options)

    return wrapped


def load_plan(source: Path, given: Overrides, csv: CsvOptions) -> Plan:
    """The input's callable rows parted by legal envelope; exits 2 when nothing can be read or the batch has no usable window."""
    try:
        config = ConfigFinder.given(given).for_path(source)
        settings = config.settings_for(source, given)
        spec = configured_spec(config)
    except (ConfigError, SpecError) as exc:
        fail(str(exc))
    try:
        return plan_for(source, csv, settings, spec)
    except Unreadable as exc:
        fail(str(exc))


def fail(message: str) -> NoReturn:
    echo_error(message)
    sys.exit(EXIT_USAGE)
