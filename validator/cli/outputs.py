"""Where the check's reports go: the main output (stdout or ``--output-file``) and extra ``--report FORMAT:PATH`` files.

One run renders every report from the same results, so a CI job checks once and
feeds several consumers (GitLab Code Quality and JUnit, the log in text). The rows report
(``rows:FILE.csv|.xlsx``) needs the input's rows as well: :mod:`validator.campaign.rows` writes it.

A file written replaces the old one whole (:func:`~validator.files.write_output`): a disk that fills part-way
leaves the old report, not half of a new one. An output that is one of the inputs is refused
before anything is written (:func:`outputs_over_inputs`): ``check in.json -o in.json`` would
otherwise replace the payload with its report.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

import click

from validator.campaign.rows import ROWS, SUFFIXES
from validator.diagnostics import Report
from validator.escape import visible
from validator.files import write_output
from validator.reporters import FORMATS, RenderOptions, get_renderer


def parse_report_targets(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[tuple[str, Path], ...]:
    """``--report`` values, ``FORMAT:PATH`` each (e.g. ``gitlab:gl-code-quality-report.json``, ``rows:contacts-report.xlsx``); a click callback."""
    targets = []
    for value in values:
        format, sep, path = value.partition(":")
        if not sep or not path:
            raise click.BadParameter(f"{value!r} is not FORMAT:PATH (e.g. sarif:results.sarif)", ctx, param)
        if format not in FORMATS and format != ROWS:
            raise click.BadParameter(f"unknown format {format!r} in {value!r}; one of {', '.join(sorted([*FORMATS, ROWS]))}", ctx, param)
        if format == ROWS and not path.lower().endswith(SUFFIXES):
            raise click.BadParameter(f"{value!r}: the rows report is a spreadsheet, .csv or .xlsx (rows:report.xlsx)", ctx, param)
        targets.append((format, Path(path)))
    return tuple(targets)


def write_report(path: Path, text: str) -> str | None:
    """Write one report file; the error message when it cannot be written."""
    try:
        write_output(path, text.encode("utf-8"))
    except OSError as exc:
        return f"{visible(str(path))}: cannot write the report: {exc.strerror or exc}"
    return None


def outputs_over_inputs(outputs: Iterable[Path], inputs: Iterable[Path]) -> list[str]:
    """A message for each output that is one of the inputs (the same file by any name: a symlink, a hard link)."""
    read = set()
    for source in inputs:
        try:
            info = os.stat(source)
        except OSError:
            continue
        read.add((info.st_dev, info.st_ino))
    found = []
    for output in outputs:
        try:
            info = os.stat(output)
        except OSError:  # not there yet: no input
            continue
        if (info.st_dev, info.st_ino) in read and stat.S_ISREG(info.st_mode):
            found.append(f"{visible(str(output))}: is one of the files checked; writing to it would replace it (choose another file)")
    return found


def write_reports(targets: tuple[tuple[str, Path], ...], reports: list[Report], options_for: Callable[[str], RenderOptions]) -> list[str]:
    """Render and write each ``--report`` file but the rows report, never coloured (``options_for``: how that format is shown); returns the write errors."""
    errors = (
        write_report(path, get_renderer(format)(reports, replace(options_for(format), color=False)))
        for format, path in targets
        if format != ROWS
    )
    return [e for e in errors if e]
