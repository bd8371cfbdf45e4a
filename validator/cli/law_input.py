"""What ``split`` and ``hours`` share: their options, and a payload read, checked and refused when it is not valid.

Both commands act on a payload, so a payload with errors (or that cannot be read)
is a usage error (exit 2) before anything is written: its diagnostics are printed
like ``check`` prints them.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from validator.api import CheckOptions, check_file, printable_path
from validator.config import ConfigError, ConfigFinder, Overrides, configured_spec
from validator.context import Context
from validator.diagnostics import Severity
from validator.document import Document
from validator.openapi.load import SpecError
from validator.readers import format_for_path
from validator.reporters import RenderOptions, get_renderer
from validator.settings import CALL_PURPOSES, parse_now

EXIT_USAGE = 2


def law_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``PAYLOAD``, ``--now``, ``--call-purpose`` and ``--config``: the batch and how to read the law for it."""

    @click.argument("payload", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--now", "now_text", metavar="ISO8601|EPOCH_MS", help="Treat this moment as now (default: the real clock).")
    @click.option(
        "--call-purpose",
        type=click.Choice(CALL_PURPOSES),
        help="solicitation (the default) or informational: rules for telephone solicitation apply only to the first.",
    )
    @click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this configuration file.")
    @functools.wraps(command)
    def wrapped(payload: Path, now_text: str | None, call_purpose: str | None, config_path: Path | None, **options: Any) -> Any:
        return command(load_checked(payload, now_text, call_purpose, config_path), **options)

    return wrapped


def load_checked(payload: Path, now_text: str | None, call_purpose: str | None, config_path: Path | None) -> Context:
    """The payload as rules see it; exits 2 when it cannot be read or has errors."""
    try:
        now = parse_now(now_text) if now_text else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--now") from None
    try:
        config = ConfigFinder(config_path).for_path(payload)
        settings = config.settings_for(payload, Overrides(now=now, call_purpose=call_purpose))
        spec = configured_spec(config)
    except (ConfigError, SpecError) as exc:
        fail(str(exc))
    name = printable_path(payload)
    if format_for_path(payload) == "csv":
        fail(f"{name}: split and hours read JSON or YAML payloads (convert a CSV first: retell-validate convert)")
    documents: list[Document] = []
    # Only errors refuse a payload: the calling-hours rules (warnings) run on the parts, not here.
    options = CheckOptions(settings=dataclasses.replace(settings, ignore=settings.ignore | {"RBV7"}), spec=spec)
    try:
        report = check_file(payload, options, on_document=documents.append)
    except OSError as exc:
        fail(f"{name}: cannot read: {exc.strerror or exc}")
    if not documents or not documents[0].usable or report.errors:
        click.echo(
            get_renderer("text")([report], RenderOptions(quiet=True, max_diagnostics=20, fail_on=Severity.ERROR)), nl=False, err=True
        )
        fail(f"{name}: {len(report.errors)} error(s): fix them first (nothing written)")
    document = documents[0]
    return Context(document.data, spec, settings, document.format)


def fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_USAGE)
