"""Where the check's reports go: the main output (stdout or ``--output-file``) and extra ``--report FORMAT:PATH`` files.

One run renders every report from the same results, so a CI job checks once and
feeds several consumers (GitLab Code Quality and JUnit, the log in text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import click

from validator.diagnostics import Report
from validator.reporters import FORMATS, RenderOptions, get_renderer


class ReportTarget(click.ParamType):
    """``FORMAT:PATH``, e.g. ``gitlab:gl-code-quality-report.json``."""

    name = "FORMAT:PATH"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> tuple[str, Path]:
        if isinstance(value, tuple):
            return value  # type: ignore[return-value]  # already converted (a default)
        format, sep, path = str(value).partition(":")
        if not sep or not path:
            self.fail(f"{value!r} is not FORMAT:PATH (e.g. sarif:results.sarif)", param, ctx)
        if format not in FORMATS:
            self.fail(f"unknown format {format!r} in {value!r}; one of {', '.join(sorted(FORMATS))}", param, ctx)
        return format, Path(path)


def write_report(path: Path, text: str) -> str | None:
    """Write one report file; the error message when it cannot be written."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        return f"{path}: cannot write the report: {exc.strerror or exc}"
    return None


def write_reports(targets: tuple[tuple[str, Path], ...], reports: list[Report], options_for: Callable[[str], RenderOptions]) -> list[str]:
    """Render and write each ``--report`` file, never coloured (``options_for``: how that format is shown); returns the write errors."""
    errors = (write_report(path, get_renderer(format)(reports, replace(options_for(format), color=False))) for format, path in targets)
    return [e for e in errors if e]
