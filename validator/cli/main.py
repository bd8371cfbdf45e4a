"""``retell-validate``: the command line. It only wires options to the library and a reporter.

Exit status: 0 clean, 1 findings at or above ``--fail-on``, 2 usage error,
unreadable path or internal error.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from validator import __version__
from validator.api import DEFAULT_MAX_BYTES, InputFormat, validate_file, validate_text
from validator.cli.convert import convert
from validator.cli.csv_options import csv_options
from validator.cli.fix import FixSession, closing_note, fix_options
from validator.cli.hours import hours
from validator.cli.spec import schema, spec_group, spec_option
from validator.cli.split import split
from validator.config import ConfigError, ConfigFinder, Overrides, parse_calling_hours, parse_codes
from validator.diagnostics import Report, Severity
from validator.engine.csv import CsvOptions
from validator.engine.registry import all_rules, get_rule
from validator.reporters import FORMATS, RenderOptions, get_renderer
from validator.reporters.statistics import render_statistics
from validator.settings import CALL_PURPOSES, parse_now
from validator.spec.load import Spec, SpecError, load_spec

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
PAYLOAD_SUFFIXES = (".json", ".yaml", ".yml")
DEFAULT_MAX_DIAGNOSTICS = 200


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="retell-validate")
def main() -> None:
    """Check Retell AI create-batch-call payloads before they are sent."""


def _codes(values: Sequence[str], option: str) -> frozenset[str] | None:
    """Comma-separated, repeatable code prefixes; ``None`` when the option is not given."""
    if not values:
        return None
    try:
        return parse_codes(values, option)
    except ConfigError as exc:
        raise click.BadParameter(str(exc).removeprefix(f"{option}: "), param_hint=option) from None


def _overrides(options: dict[str, Any]) -> Overrides:
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


def iter_payload_paths(path: Path) -> Iterator[Path]:
    """A file as given; a directory walked for *.json, *.yaml, *.yml (hidden folders skipped)."""
    if not path.is_dir():
        yield path
        return
    for found in sorted(path.rglob("*")):
        relative = found.relative_to(path).parts
        if found.suffix.lower() in PAYLOAD_SUFFIXES and found.is_file() and not any(p.startswith(".") for p in relative[:-1]):
            yield found


def _expand(raw: str) -> list[Path]:
    """A path argument → files: a file, a directory walked, or a glob (``payloads/**/*.yaml``)."""
    path = Path(raw)
    if path.exists():
        return list(iter_payload_paths(path))
    if glob.has_magic(raw):
        matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True))]
        return [f for m in matches for f in iter_payload_paths(m) if m.is_dir() or f.suffix.lower() in PAYLOAD_SUFFIXES]
    return []


class _Run:
    """What one ``check`` run collects: reports, and whether a path or configuration was unusable (exit 2)."""

    csv: CsvOptions | None = None  # how to read CSV contact lists (--from-number, --csv-delimiter, …)
    max_bytes: int | None = DEFAULT_MAX_BYTES  # JSON/YAML inputs over this are refused unread (--max-bytes)
    shown: RenderOptions = RenderOptions()  # what the report will show: only that needs lines and columns

    def __init__(
        self, finder: ConfigFinder, overrides: Overrides, input_format: InputFormat | None, spec: Spec, session: FixSession | None
    ) -> None:
        self.finder, self.overrides, self.input_format = finder, overrides, input_format
        self.spec, self.session = spec, session  # session: --fix or --diff
        self.reports: list[Report] = []
        self.failed = False
        self._said: set[str] = set()

    def error(self, message: str) -> None:
        self.failed = True
        if message not in self._said:  # a broken configuration is named once, not once per file
            self._said.add(message)
            click.echo(f"error: {message}", err=True)

    def check_path(self, raw: str) -> None:
        if raw == "-":
            settings = self.finder.for_path(Path.cwd()).settings_for(None, self.overrides)
            data = sys.stdin.buffer.read(-1 if self.max_bytes is None else self.max_bytes + 1)  # one byte over says "too large"
            self.reports.append(
                self.session.check_stdin(data, settings)
                if self.session
                else validate_text(
                    data,
                    self.input_format,
                    file="<stdin>",
                    settings=settings,
                    spec=self.spec,
                    csv=self.csv,
                    max_bytes=self.max_bytes,
                    locate_first=self.shown.max_diagnostics,
                    locate_errors_only=self.shown.quiet,
                )
            )
            return
        files = _expand(raw)
        if not files and not Path(raw).exists():
            self.error(f"{raw}: {'no file matches this pattern' if glob.has_magic(raw) else 'no such file or directory'}")
        seen = {Path(r.file).absolute() for r in self.reports if r.file}
        for file in files:
            if file.absolute() not in seen:
                self.check_file(file)

    def check_file(self, file: Path) -> None:
        try:
            config = self.finder.for_path(file)
        except ConfigError as exc:
            self.error(f"{exc} (the files it applies to were not checked)")
            return
        if config.excludes(file, self.overrides):
            return
        try:
            settings = config.settings_for(file, self.overrides)
            self.reports.append(
                self.session.check_file(file, settings)
                if self.session
                else validate_file(
                    file,
                    format=self.input_format,
                    settings=settings,
                    spec=self.spec,
                    csv=self.csv,
                    max_bytes=self.max_bytes,
                    locate_first=self.shown.max_diagnostics,
                    locate_errors_only=self.shown.quiet,
                )
            )
        except OSError as exc:
            self.error(f"{file}: cannot read: {exc.strerror or exc}")
        except Exception as exc:  # never a traceback: a bug becomes exit 2 with a message
            self.error(f"{file}: internal error: {type(exc).__name__}: {exc}")


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _render_options(options: dict[str, Any], fail_on: Severity) -> RenderOptions:
    """Text and GitHub output stop at ``DEFAULT_MAX_DIAGNOSTICS`` per file unless told; machine formats keep everything."""
    limit = options["max_diagnostics"]
    if limit is None:
        limit = DEFAULT_MAX_DIAGNOSTICS if options["output_format"] in ("text", "github") else 0
    color = options["output_format"] == "text" and _use_color(options["color"])
    return RenderOptions(color=color, quiet=options["quiet"], max_diagnostics=limit or None, fail_on=fail_on)


def _exit_status(run: _Run, fail_on: Severity, exit_zero: bool) -> int:
    if run.failed:
        return EXIT_USAGE
    if exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(r.fails(fail_on) for r in run.reports) else EXIT_CLEAN


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "--output-format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="Output format: text for people; json, sarif (GitHub code scanning), github (annotations), junit, gitlab (Code Quality).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this configuration file for every path (default: the nearest .retell-validate.toml or pyproject.toml).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that makes the exit status 1 [default: error, or fail-on in the configuration].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (2 still means a usage error).")
@click.option("--now", "now_text", metavar="ISO8601|EPOCH_MS", help="Treat this moment as now (default: the real clock).")
@click.option("--calling-hours", metavar="HH:MM-HH:MM", help="Allowed local calling hours [default: 08:00-21:00].")
@click.option(
    "--call-purpose",
    type=click.Choice(CALL_PURPOSES),
    help="solicitation or informational: rules for telephone solicitation (RBV705-RBV707) apply only to the first [default: solicitation].",
)
@click.option(
    "--input-format",
    type=click.Choice(["json", "yaml", "csv"]),
    help="Parse every input as this format (default: by extension, else sniffed).",
)
@click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes or prefixes (comma-separated; ALL for every rule).")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Add these codes or prefixes to the selection.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes.")
@click.option(
    "--exclude", multiple=True, metavar="GLOB", help="Skip files matching this glob (repeatable; adds to the configuration's exclude)."
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour text output (auto: on a terminal, unless NO_COLOR is set).",
)
@click.option("-q", "--quiet", is_flag=True, help="Report errors only, and the summary only when there are errors.")
@click.option("--statistics", is_flag=True, help="Also print how many findings each rule produced (to stderr for machine formats).")
@click.option(
    "--max-diagnostics",
    type=click.IntRange(min=0),
    metavar="N",
    help=f"Report at most N findings per file, then '… and N more' (0: all) [default: {DEFAULT_MAX_DIAGNOSTICS} for text and github, all otherwise].",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    metavar="N",
    help="Refuse JSON or YAML inputs larger than N bytes unread (RBV014); 0: no limit.",
)
@fix_options
@spec_option
@csv_options
def check(paths: tuple[str, ...], **options: Any) -> None:
    """Check payload files (JSON or YAML), directories and globs; `-` reads standard input."""
    overrides = _overrides(options)
    try:
        finder = ConfigFinder(options["config_path"])
        fail_on = finder.for_path(Path.cwd()).fail_threshold(overrides)
        load_spec()
    except (ConfigError, SpecError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    fix, unsafe, show_diff = options["fix"], options["unsafe_fixes"], options["show_diff"]
    session = FixSession.start(paths, fix=fix, unsafe=unsafe, diff=show_diff, format=options["input_format"], spec=options["spec"])
    run = _Run(finder, overrides, options["input_format"], options["spec"], session)
    run.csv = options["csv_options"]
    run.max_bytes = options["max_bytes"] or None
    run.shown = _render_options(options, fail_on)
    for raw in paths:
        run.check_path(raw)
    if not run.reports and not run.failed:
        click.echo("warning: no payload files (*.json, *.yaml, *.yml) found", err=True)
    output = session.diffs() if session and show_diff else get_renderer(options["output_format"])(run.reports, run.shown)
    click.echo(output, nl=False, color=_use_color(options["color"]))  # click would strip colour when not a terminal
    note = closing_note(session, run.reports, unsafe=unsafe, quiet=options["quiet"])
    if note:
        click.echo(note, err=True)
    if session and show_diff and not run.failed:  # like ruff: 1 when there is something to fix
        sys.exit(EXIT_FINDINGS if session.would_change else EXIT_CLEAN)
    if options["statistics"]:
        click.echo(render_statistics(run.reports), nl=False, err=options["output_format"] != "text")
    sys.exit(_exit_status(run, fail_on, options["exit_zero"]))


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(output_format: str) -> None:
    """List every rule: code, name, default severity and summary."""
    rules = all_rules()
    if output_format == "json":
        import json

        rows = [{"code": r.code, "name": r.name, "severity": r.severity.value, "family": r.family, "summary": r.summary} for r in rules]
        click.echo(json.dumps(rows, indent=2))
        return
    for r in rules:
        click.echo(f"{r.code}  {r.name:<32} {r.severity.value:<8} {r.summary}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of a rule (by code or name)."""
    rule = get_rule(code)
    if rule is None:
        click.echo(f"error: unknown rule {code!r} (see `retell-validate rules`)", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"{rule.code} {rule.name} (default severity: {rule.severity.value}, family: {rule.family})\n")
    click.echo(rule.doc)
    click.echo(f"\nDefined in: {rule.module}")


main.add_command(schema)
main.add_command(convert)
main.add_command(spec_group)
main.add_command(split)
main.add_command(hours)


def run() -> NoReturn:
    """The ``retell-validate`` process: the command, its output flushed, then an immediate exit.

    Tearing the interpreter down would free, object by object, what the check built and the
    caches keep (the last document's phone numbers, zones, …): ~0.3 s after a 100,000-task
    file, seconds after a million. Nothing is left to do by then, so the process skips it.
    Library callers and in-process test runners call :func:`main` and keep normal behaviour.
    """
    try:
        main()
        status: Any = 0
    except SystemExit as exc:
        status = exc.code
    if status is not None and not isinstance(status, int):
        click.echo(status, err=True)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a closed pipe (`| head`): the output is gone either way
            stream.flush()
    os._exit(status or 0)
