"""``retell-validate``: the command group. Each command lives in its own module of this package.

The command line only wires: options are parsed into one :class:`~validator.api.CheckOptions`
(and a configuration), handed to the library, and its reports to a reporter.
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from typing import Any, NoReturn

import click

from validator.cli.agent import agent_group
from validator.cli.check import check
from validator.cli.convert import convert
from validator.cli.dnc import dnc_group
from validator.cli.hours import hours
from validator.cli.rules import explain, list_rules
from validator.cli.serve import serve
from validator.cli.spec import schema, spec_group
from validator.cli.split import split
from validator.escape import visible
from validator.lsp.command import lsp
from validator.version import __version__

EXIT_USAGE = 2


class _Group(click.Group):
    """Click's own error lines (a bad value, an unknown option) escaped as the commands' ``error:`` lines are."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as exc:
            _escape(exc)
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:  # a subcommand's options, parsed here
            _escape(exc)
            raise


def _escape(exc: click.ClickException) -> None:
    # click declares the message final; it is still ours to word before click shows it.
    setattr(exc, "message", visible(exc.message))  # noqa: B010


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="retell-validate")
def main() -> None:
    """Check Retell AI create-batch-call payloads before they are sent."""


for command in (check, list_rules, explain, schema, convert, spec_group, split, hours, dnc_group, agent_group, lsp, serve):
    main.add_command(command)

# The language server's collector thresholds (young, middle, old); see collector_policy.
LSP_THRESHOLDS = (1_000_000, 10, 100)


def run() -> NoReturn:
    """The ``retell-validate`` process: the command, its output flushed, then an immediate exit.

    Tearing the interpreter down would free, object by object, what the check built and the
    caches keep (the last document's phone numbers, zones, …): ~0.3 s after a 100,000-task
    file, seconds after a million. Nothing is left to do by then, so the process skips it.
    Library callers and in-process test runners call :func:`main` and keep normal behaviour
    (the library never touches the garbage collector; :func:`collector_policy` is this process's).

    Output that cannot be written (standard output on a full disk) is exit status 2 with a
    message, never a traceback, and never 0 or 1: those would say the report was read.
    """
    collector_policy(sys.argv[1:])
    try:
        main()
        status: Any = 0
    except SystemExit as exc:
        status = exc.code
    except OSError as exc:  # what escapes the commands is output they could not write
        status = _unwritten(exc)
    if status is not None and not isinstance(status, int):
        click.echo(status, err=True)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # a reader that stopped early (`| head`): it had what it wanted
            pass
        except OSError as exc:
            if stream is sys.stdout:
                status = _unwritten(exc)
        except ValueError:  # a stream closed (`lsp` on exit): nothing to flush
            pass
    os._exit(status or 0)


def collector_policy(args: list[str]) -> None:
    """This process's use of the cyclic garbage collector (the library never touches it).

    A payload holds no reference cycles and a check makes next to none, but every container
    allocated counts toward the collector's thresholds: while a large document is built and
    walked, it traverses everything allocated so far, again and again (a 100,000-task YAML
    file: ~10 s of collections on ~6.5 s of work; docs/performance.md). A command checks,
    reports and exits at once: the collector is off. The language server runs for hours and
    must free what cycles it makes, so it keeps the collector, with young collections every
    1,000,000 net allocations instead of 700 (middle ones every 10,000,000): most of what a check
    allocates is freed before a collection sees it, and a check of a 10,000-task YAML file (650,000
    nodes) costs what it did with the collector paused (``bench/collector.py``).
    """
    command = next((arg for arg in args if not arg.startswith("-")), None)  # the group has no option taking a value
    if command == "lsp":
        gc.set_threshold(*LSP_THRESHOLDS)
    else:
        gc.disable()


def _unwritten(exc: OSError) -> int:
    """Say that the output was not written (standard error may still take a line); the exit status for it."""
    where = f"{visible(str(exc.filename))}: " if exc.filename else "standard output: "
    try:
        sys.stderr.write(f"error: {where}cannot write: {exc.strerror or errno.errorcode.get(exc.errno or 0, exc)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return EXIT_USAGE
