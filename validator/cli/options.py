"""The options every command shares, made from the table in :mod:`validator.options`, and how a check's report is shown.

:func:`configured` adds the settings options to a command (``--config``, ``--now``,
``--calling-hours``, ``--call-purpose``, ``--select``, ``--extend-select``, ``--ignore``, and any
other table option asked for), each parsed by its option's parser; the command receives what
the command line set as one :class:`~validator.config.Overrides`. Nothing here declares a flag
of the table by hand.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar, cast

import click

from validator.config import Overrides
from validator.diagnostics import Severity
from validator.engine.registry import all_rules
from validator.openapi.load import Spec
from validator.openapi.source import describe_spec
from validator.options import (
    AGENTS,
    CALL_PURPOSE,
    CALLING_HOURS,
    CONFIG,
    EXTEND_SELECT,
    IGNORE,
    ISOLATED,
    NOW,
    REGION,
    SELECT,
    SHEET,
    Invalid,
    Merge,
    Option,
    PathKind,
)
from validator.reporters import RenderOptions
from validator.version import __version__

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_MAX_DIAGNOSTICS = 200
SETTINGS_OPTIONS: tuple[Option[Any], ...] = (
    CONFIG,
    ISOLATED,
    NOW,
    CALLING_HOURS,
    CALL_PURPOSE,
    REGION,
    SHEET,
    SELECT,
    EXTEND_SELECT,
    IGNORE,
    AGENTS,
)  # every checking command


def help_text(option: Option[Any]) -> str:
    """The option's help, then how it combines with the configuration: it adds to the key, or replaces it (and its default)."""
    listing = option.kind.listing
    if option.kind.flag:
        return option.help
    if option.merge is Merge.EXTEND:
        return f"{option.help.rstrip('.')} ({listing}; adds to {option.key} in the configuration)."
    default = option.kind.to_json(option.default) if option.default is not None else option.unset
    shown = ",".join(default) if isinstance(default, list) else str(default)
    where = f", or {option.key} in the configuration" if option.key else ""
    return f"{option.help.rstrip('.')}{f' ({listing})' if listing else ''}. [default: {shown}{where}]"


def click_option(option: Option[Any], **changes: Any) -> Callable[[F], F]:
    """The click option of a table option: its flags, parser (a usage error names the flag), help and metavar."""

    def parse(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value is None or value == () or value is False:
            return None
        try:
            return option.kind.parse(value)
        except Invalid as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from None

    kind = option.kind
    if kind.flag:
        return click.option(*option.flags, option.name, is_flag=True, help=help_text(option), callback=parse, **changes)
    declared: dict[str, Any] = {
        "multiple": kind.multiple,
        "metavar": None if kind.choices else kind.metavar,
        "help": help_text(option),
        "callback": parse,
    }
    if kind.choices:
        declared["type"] = click.Choice(kind.choices, case_sensitive=False)
    elif isinstance(kind, PathKind):
        # completion offers files (folders for a folder option); the option's parser makes the Path
        declared["type"] = click.Path(dir_okay=kind.folder, file_okay=not kind.folder)
    return click.option(*option.flags, option.name, **{**declared, **changes})


def configured(*extra: Option[Any]) -> Callable[[F], F]:
    """Add :data:`SETTINGS_OPTIONS` and ``extra`` to a command; it receives what the command line set as ``given: Overrides``."""
    options = (*SETTINGS_OPTIONS, *extra)

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            given = Overrides(**{option.name: kwargs.pop(option.name) for option in options})
            return command(*args, given=given, **kwargs)

        decorated = cast(F, wrapper)
        for option in reversed(options):
            decorated = click_option(option)(decorated)
        return decorated

    return decorate


color_option = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the output (auto: on a terminal, unless NO_COLOR is set; FORCE_COLOR turns it on elsewhere).",
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
