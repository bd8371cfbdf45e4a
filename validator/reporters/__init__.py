"""Reporters turn reports into text for a person or a machine. They only format.

Each module defines ``render(reports, options) -> str``; the table below maps
``--format`` names to modules, imported only when used. Helpers every
reporter shares (the diagnostics to show, the summary, paths) live here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from validator.diagnostics import Diagnostic, Report, RuleInfo, Severity, Verdict, judge
from validator.escape import visible


class Format(NamedTuple):
    module: str
    purpose: str  # shown in ``--format``'s help
    identifies: bool = False  # carries stable identities: wants each diagnostic's subject (CheckOptions.subjects)


# The one table of output formats: a new format is one module and one row.
FORMATS = {
    "text": Format("validator.reporters.text", "for people"),
    "json": Format("validator.reporters.json_format", "every finding, schema in docs/json-report.schema.json"),
    "github": Format("validator.reporters.github", "GitHub Actions annotations"),
    "sarif": Format("validator.reporters.sarif", "GitHub code scanning", identifies=True),
    "junit": Format("validator.reporters.junit", "Jenkins and other JUnit readers"),
    "gitlab": Format("validator.reporters.gitlab", "GitLab Code Quality", identifies=True),
}


def formats_help() -> str:
    return "Output format: " + "; ".join(f"{name} ({row.purpose})" for name, row in FORMATS.items()) + "."


TOOL_NAME = "retell-validate"


SourceLine = Callable[[str | None, int], str | None]  # (file, 1-based line) → that line's text, None when unknown


@dataclass(frozen=True)
class RenderOptions:
    """How to show reports; ``max_diagnostics``: per file, ``None`` for all; ``fail_on``: what counts as a failure (JUnit).

    ``spec``: the OpenAPI document checked against, recorded by the JSON and SARIF reports (``None``: not stated).
    ``verdict``: whether the batch is ready to send, as the command judged it (``None``: judged from the diagnostics alone).
    """

    color: bool = False
    show_hints: bool = True
    quiet: bool = False
    max_diagnostics: int | None = None
    fail_on: Severity = Severity.ERROR
    rules: Sequence[RuleInfo] = ()  # every rule, for formats that list them (SARIF); the caller has the registry
    version: str = ""  # the tool's version, for formats that record it
    spec: Mapping[str, Any] | None = None  # spec.source.SpecSource.to_dict() of the document checked against
    source_line: SourceLine | None = None  # text output: a code frame under each finding (``--show-source``)
    verdict: Verdict | None = None


def verdict_of(reports: Sequence[Report], options: RenderOptions) -> Verdict:
    """The verdict every report ends with: the command's, else judged from the diagnostics (:func:`validator.diagnostics.judge`)."""
    return options.verdict if options.verdict is not None else judge(reports)


Renderer = Callable[[Sequence[Report], RenderOptions], str]


def get_renderer(name: str) -> Renderer:
    module = importlib.import_module(FORMATS[name].module)
    render: Renderer = module.render
    return render


def visible_diagnostics(report: Report, options: RenderOptions) -> tuple[Sequence[Diagnostic], int]:
    """The diagnostics of one file to output (errors only with ``quiet``), and how many more ``max_diagnostics`` cut."""
    diagnostics: Sequence[Diagnostic] = report.errors if options.quiet else report.diagnostics
    limit = options.max_diagnostics
    if limit is None or len(diagnostics) <= limit:
        return diagnostics, 0
    return diagnostics[:limit], len(diagnostics) - limit


def more_line(hidden: int, file: str | None) -> str:
    return f"… and {hidden:,} more in {visible(file or '<payload>')} (--max-diagnostics 0 shows all)"
