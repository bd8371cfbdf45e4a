"""The check command's options, parsed once: the configuration overrides and how the report is shown."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from validator.config import ConfigError, Overrides, parse_calling_hours, parse_codes
from validator.diagnostics import Severity
from validator.engine.registry import all_rules
from validator.openapi.load import Spec
from validator.openapi.source import describe_spec
from validator.reporters import RenderOptions
from validator.settings import parse_now
from validator.version import __version__

DEFAULT_MAX_DIAGNOSTICS = 200


def _codes(values: Sequence[str], option: str) -> frozenset[str] | None:
    """Comma-separated, repeatable code prefixes; ``None`` when the option is not given."""
    if not values:
        return None
    try:
        return parse_codes(values, option)
    except ConfigError as exc:
        raise click.BadParameter(str(exc).removeprefix(f"{option}: "), param_hint=option) from None


def overrides(options: dict[str, Any]) -> Overrides:
    """The command line's part of the configuration (see validator.config for the precedence)."""
    try:
        now = parse_now(options["now_text"]) if options["now_text"] else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--now") from None
    try:
        hours = parse_calling_hours(options["calling_hours"], "--calling-hours") if options["calling_hours"] else None
    except ConfigError as exc:
        raise click.BadParameter(str(exc), param_hint="--calling-hours") from None
    return Overrides(
        select=_codes(options["select"], "--select"),
        ignore=_codes(options["ignore"], "--ignore") or frozenset(),
        extend_select=_codes(options["extend_select"], "--extend-select") or frozenset(),
        fail_on=Severity.parse(options["fail_on"]) if options["fail_on"] else None,
        calling_hours=hours,
        call_purpose=options["call_purpose"],
        now=now,
        exclude=tuple(options["exclude"]),
    )


def use_color(choice: str) -> bool:
    """``--color``; with ``auto``: ``NO_COLOR`` off, else ``FORCE_COLOR`` on (CI logs that render ANSI), else on a terminal."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def render_options(
    options: dict[str, Any], fail_on: Severity, spec: Spec, output_format: str | None = None, *, to_file: bool = False
) -> RenderOptions:
    """Text and GitHub output stop at ``DEFAULT_MAX_DIAGNOSTICS`` per file unless told; machine formats keep everything.

    ``output_format``: another format than ``--format`` (a ``--report`` file); ``to_file``: no colour unless ``--color always``.
    """
    output_format = output_format or options["output_format"]
    limit = options["max_diagnostics"]
    if limit is None:
        limit = DEFAULT_MAX_DIAGNOSTICS if output_format in ("text", "github") else 0
    color = output_format == "text" and (options["color"] == "always" if to_file else use_color(options["color"]))
    return RenderOptions(
        color=color,
        quiet=options["quiet"],
        max_diagnostics=limit or None,
        fail_on=fail_on,
        rules=all_rules(),
        version=__version__,
        spec=describe_spec(spec).to_dict(),
    )
