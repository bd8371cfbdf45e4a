"""``retell-validate convert``: a contact list (CSV or an ``.xlsx`` sheet) → the create-batch-call payload (JSON or YAML).

The rows are checked and written in the same streamed pass, to a temporary
file beside the output; it replaces the output only when the check found no
errors (or with ``--force``), so a broken list never leaves a payload behind.
Phone cells that stand for a valid number with certainty (national spellings in
the list's region, a lost ``+``, …) are written in E.164: their findings say what
the sheet itself holds, and do not keep the payload from being written.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

import click
import yaml

from validator.cli.csv_options import csv_options
from validator.cli.errors import echo_error
from validator.cli.options import configured
from validator.config import ConfigError, ConfigFinder, Overrides
from validator.diagnostics import Diagnostic, Report
from validator.engine.csv import CsvOptions, ListFormat, check_csv
from validator.files import open_regular, same_file
from validator.openapi.load import load_spec
from validator.readers import format_for_path
from validator.readers.csv.cells import PHONE_CELL_CODES
from validator.reporters import RenderOptions, get_renderer
from validator.settings import Settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
SHOWN_DIAGNOSTICS = 50  # per run on stderr; the check command lists them all


class JsonWriter:
    """``{<batch fields>, "tasks": [`` then one task per line, then ``]}``."""

    def __init__(self, out: IO[str], batch: dict[str, Any]) -> None:
        self._out = out
        self.count = 0
        head = json.dumps({**batch, "tasks": []}, indent=2, ensure_ascii=False)
        out.write(head[: head.rindex("[]") + 1])  # "tasks" is the last key: its [] is the last one

    def write(self, tasks: list[dict[str, Any]]) -> None:
        for task in tasks:
            self._out.write(("\n    " if self.count == 0 else ",\n    ") + json.dumps(task, ensure_ascii=False))
            self.count += 1

    def close(self) -> None:
        self._out.write("\n  ]\n}\n" if self.count else "]\n}\n")


class YamlWriter:
    """The batch fields, then ``tasks:`` and each chunk's tasks as a block sequence."""

    def __init__(self, out: IO[str], batch: dict[str, Any]) -> None:
        self._out = out
        self.count = 0
        if batch:
            out.write(_yaml(batch))

    def write(self, tasks: list[dict[str, Any]]) -> None:
        if tasks:
            self._out.write(("tasks:\n" if self.count == 0 else "") + _yaml(tasks))
            self.count += len(tasks)

    def close(self) -> None:
        if not self.count:
            self._out.write("tasks: []\n")


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1 << 20)


def convert_file(
    source: Path, out: IO[str], *, yaml_output: bool, options: CsvOptions, settings: Settings, file: str | None = None
) -> tuple[Report, int]:
    """Check ``source`` and write its payload to ``out`` in one pass: the report (whether to keep it) and the task count."""
    writer = (YamlWriter if yaml_output else JsonWriter)(out, dict(options.batch))
    format: ListFormat = "xlsx" if format_for_path(source) == "xlsx" else "csv"
    with open_regular(source) as stream:  # streamed: no size limit, but a FIFO is refused rather than waited on
        report = check_csv(
            stream, file=file or str(source), spec=load_spec(), settings=settings, options=options, on_tasks=writer.write, format=format
        )
    writer.close()
    return report, writer.count


def blocking(report: Report) -> list[Diagnostic]:
    """The errors that keep the payload from being written: all but the phone cells written in E.164 in it."""
    return [d for d in report.errors if not (d.code in PHONE_CELL_CODES and d.fix is not None and d.fix.safe)]


def _shown(report: Report, source: Path) -> str:
    """The first findings as ``check`` words them, and how to see the rest."""
    text = get_renderer("text")([replace(report, diagnostics=report.diagnostics[:SHOWN_DIAGNOSTICS])], RenderOptions())
    more = len(report.diagnostics) - SHOWN_DIAGNOSTICS
    if more > 0:
        text += f"… and {more:,} more: `retell-validate check {source}` lists them all\n"
    return text


@click.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o", "--output", required=True, metavar="PATH", help="Payload to write: .json, or .yaml/.yml for YAML; - for standard output."
)
@click.option("--force", is_flag=True, help="Write the payload even when the check finds errors.")
@configured()
@csv_options
def convert(source: Path, output: str, force: bool, given: Overrides, csv_options: CsvOptions) -> None:
    """Convert a contact list (CSV, the dashboard's format, or an .xlsx sheet) into a create-batch-call payload.

    The header row needs a `phone number` column; every other column becomes a
    dynamic variable ({{first_name}} for `first_name`), and `ignore e164
    validation` with true relaxes a row's number. Numbers written nationally are
    read in --region (else the country of --from-number) and written in E.164.
    The result is checked first: with errors nothing is written unless --force.
    """
    if "from_number" not in csv_options.batch:
        raise click.UsageError("convert needs --from-number: the payload requires from_number")
    try:  # the configuration applies as it does to `check` (rule selection, severities, calling hours, now)
        settings = ConfigFinder.given(given).for_path(source).settings_for(source, given)
    except ConfigError as exc:
        echo_error(str(exc))
        sys.exit(EXIT_USAGE)
    target = Path(output)
    if output != "-" and same_file(target, source):  # the list would be replaced by its payload
        echo_error(f"{output}: is the file converted; writing to it would replace it (choose another file)")
        sys.exit(EXIT_USAGE)
    directory = None if output == "-" else target.parent
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, suffix=".partial", delete=False) as handle:
        temporary = Path(handle.name)
        try:
            report, tasks = convert_file(
                source, handle, yaml_output=target.suffix.lower() in (".yaml", ".yml"), options=csv_options, settings=settings
            )
        except OSError as exc:  # a FIFO, a device, no permission: exit 2, as check does
            temporary.unlink()
            echo_error(f"{source}: cannot read: {exc.strerror or exc}")
            sys.exit(EXIT_USAGE)
        except BaseException:
            temporary.unlink()
            raise
    if report.diagnostics:
        click.echo(_shown(report, source), nl=False, err=True)
    errors = blocking(report)
    if errors and not force:
        temporary.unlink()
        click.echo(f"not written: {len(errors):,} error(s) in {source} (--force writes the payload anyway)", err=True)
        sys.exit(EXIT_FINDINGS)
    if output == "-":
        with temporary.open(encoding="utf-8") as written:
            shutil.copyfileobj(written, sys.stdout)
        temporary.unlink()
    else:
        os.replace(temporary, target)
        click.echo(f"wrote {target}: {tasks:,} task{'s' if tasks != 1 else ''}", err=True)
    sys.exit(EXIT_CLEAN)
