"""GitHub Actions workflow commands: ``::error file=F,line=L,col=C,title=CODE::message``.

The runner turns each into an annotation shown inline on the pull request
(GitHub shows at most 10 errors and 10 warnings per step; the log has all).
Text from the input has its control characters escaped first
(:mod:`validator.escape`: no raw newline can end the command and
start a forged one); then values are escaped as the runner unescapes them:
``%``, CR and LF everywhere, ``:`` and ``,`` also in properties. Columns are
given only for a one-line span: the runner drops them otherwise. Info
findings become ``notice``. The last command is the verdict: a ``notice`` "Ready to send", or a
``warning`` "Not ready to send: …" (shown on the run's summary page).
"""

from __future__ import annotations

from collections.abc import Sequence

from validator.diagnostics import Diagnostic, Report, Severity, display_path, summary_line
from validator.escape import visible
from validator.reporters import RenderOptions, more_line, verdict_of, visible_diagnostics

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(d: Diagnostic) -> str:
    one_line = d.end_line is None or d.end_line == d.line
    properties = {
        "file": visible(display_path(d.file)),
        "line": d.line,
        "endLine": d.end_line,
        "col": d.column if one_line else None,
        "endColumn": d.end_column if one_line else None,
        "title": d.code,
    }
    fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    message = visible(d.message) + (f" ({visible(d.pointer)})" if d.pointer else "") + (f"\nhint: {visible(d.hint)}" if d.hint else "")
    return f"::{_COMMANDS[d.severity]} {fields}::{escape_data(message)}"


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    lines: list[str] = []
    for report in reports:
        diagnostics, hidden = visible_diagnostics(report, options)
        lines.extend(command(d) for d in diagnostics)
        if hidden:
            lines.append(more_line(hidden, report.file))
    lines.append(summary_line(reports))
    verdict = verdict_of(reports, options)
    if reports:  # no file checked: no batch to judge
        lines.append(f"::{'notice' if verdict.ready else 'warning'} title=Verdict::{escape_data(verdict.sentence)}")
    return "\n".join(lines) + "\n"
