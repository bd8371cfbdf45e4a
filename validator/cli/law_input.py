"""What ``split`` and ``hours`` share: their options (the settings options every checking command has), and a payload read, checked and refused when it is not valid.

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
from validator.cli.options import configured
from validator.config import ConfigError, ConfigFinder, Overrides, configured_spec
from validator.context import Context
from validator.diagnostics import Severity
from validator.document import Document
from validator.openapi.load import SpecError
from validator.readers import format_for_path
from validator.reporters import RenderOptions, get_renderer

EXIT_USAGE = 2


def law_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``PAYLOAD`` and the settings options (``--now``, ``--call-purpose``, ``--config`` …): the batch and how to read the law for it."""

    @click.argument("payload", type=click.Path(dir_okay=False, path_type=Path))
    @configured()
    @functools.wraps(command)
    def wrapped(payload: Path, given: Overrides, **options: Any) -> Any:
        return command(load_checked(payload, given), **options)

    return wrapped


def load_checked(payload: Path, given: Overrides) -> Context:
    """The payload as rules see it; exits 2 when it cannot be read or has errors."""
    try:
        config = ConfigFinder.given(given).for_path(payload)
        settings = config.settings_for(payload, given)
        spec = configured_spec(config)
    except (ConfigError, SpecError) as exc:
        fail(str(exc))
    name = printable_path(payload)
    if format_for_path(payload) == "csv":
        fail(f"{name}: split and hours read JSON or YAML payloads (convert a CSV first: retell-validate convert)")
    documents: list[Document] = []
    # Only errors refuse a payload: the calling-hours rules (warnings) run on the parts, not here; split leaves do-not-call tasks out.
    options = CheckOptions(settings=dataclasses.replace(settings, ignore=settings.ignore | {"RBV7", "RBV9"}), spec=spec)
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
