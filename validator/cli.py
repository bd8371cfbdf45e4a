"""``retell-validate``: the command line. It only wires options to the library and a reporter.

Exit status: 0 clean, 1 findings at or above ``--fail-on``, 2 usage error,
unreadable path or internal error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import click

from validator import __version__
from validator.api import InputFormat, validate_file, validate_text
from validator.diagnostics import Report, Severity
from validator.registry import all_rules, get_rule
from validator.reporters import FORMATS, RenderOptions, get_renderer
from validator.settings import Settings, parse_now
from validator.spec import SpecError, load_spec

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
PAYLOAD_SUFFIXES = (".json", ".yaml", ".yml")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="retell-validate")
def main() -> None:
    """Check Retell AI create-batch-call payloads before they are sent."""


def _codes(values: Sequence[str], option: str) -> frozenset[str]:
    """Comma-separated, repeatable code prefixes; unknown ones are usage errors."""
    codes = {part.strip().upper() for value in values for part in value.split(",") if part.strip()}
    known = [rule.code for rule in all_rules()]
    for code in codes:
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise click.BadParameter(f"unknown rule code or prefix {code!r} (see `retell-validate rules`)", param_hint=option)
    return frozenset(codes)


def iter_payload_paths(path: Path) -> Iterator[Path]:
    """A file as given; a directory walked for *.json, *.yaml, *.yml (hidden folders skipped)."""
    if not path.is_dir():
        yield path
        return
    for found in sorted(path.rglob("*")):
        relative = found.relative_to(path).parts
        if found.suffix.lower() in PAYLOAD_SUFFIXES and found.is_file() and not any(p.startswith(".") for p in relative[:-1]):
            yield found


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "--output-format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="error",
    show_default=True,
    help="Lowest severity that makes the exit status 1.",
)
@click.option("--now", "now_text", metavar="ISO8601|EPOCH_MS", help="Treat this moment as now (default: the real clock).")
@click.option(
    "--input-format", type=click.Choice(["json", "yaml"]), help="Parse every input as this format (default: by extension, else sniffed)."
)
@click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes or prefixes (comma-separated; ALL for every rule).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, and the summary only when there are errors.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    fail_on: str,
    now_text: str | None,
    input_format: InputFormat | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    color: str,
    quiet: bool,
) -> None:
    """Check payload files (JSON or YAML) and directories; `-` reads standard input."""
    try:
        now = parse_now(now_text) if now_text else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--now") from None
    settings = Settings(
        select=_codes(select, "--select") if select else frozenset({"ALL"}),
        ignore=_codes(ignore, "--ignore"),
        now=now,
    )
    try:
        load_spec()
    except SpecError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    reports: list[Report] = []
    unreadable = False
    for raw in paths:
        if raw == "-":
            reports.append(validate_text(sys.stdin.buffer.read(), input_format, file="<stdin>", settings=settings))
            continue
        path = Path(raw)
        if not path.exists():
            click.echo(f"error: {raw}: no such file or directory", err=True)
            unreadable = True
            continue
        for file in iter_payload_paths(path):
            try:
                reports.append(validate_file(file, format=input_format, settings=settings))
            except OSError as exc:
                click.echo(f"error: {file}: cannot read: {exc.strerror or exc}", err=True)
                unreadable = True
            except Exception as exc:  # never a traceback: a bug becomes exit 2 with a message
                click.echo(f"error: {file}: internal error: {type(exc).__name__}: {exc}", err=True)
                unreadable = True
    options = RenderOptions(color=_use_color(color), quiet=quiet)
    output = get_renderer(output_format)(reports, options)
    if output:
        click.echo(output, nl=False)
    if unreadable:
        sys.exit(EXIT_USAGE)
    threshold = Severity.parse(fail_on)
    sys.exit(EXIT_FINDINGS if any(r.fails(threshold) for r in reports) else EXIT_CLEAN)


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
