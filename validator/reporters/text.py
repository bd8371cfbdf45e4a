"""``path:line:col: CODE [severity] message``, the hint indented below, then a summary."""

from __future__ import annotations

from collections.abc import Sequence

from validator.diagnostics import Diagnostic, Report, Severity
from validator.reporters import RenderOptions

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def location(diagnostic: Diagnostic) -> str:
    where = diagnostic.file or "<payload>"
    if diagnostic.line is not None:
        where += f":{diagnostic.line}:{diagnostic.column}"
    return where


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    lines: list[str] = []
    counts = {severity: 0 for severity in Severity}
    for report in reports:
        for d in report.diagnostics:
            counts[d.severity] += 1
            if options.quiet and d.severity is not Severity.ERROR:
                continue
            severity = f"[{d.severity.value}]"
            code = d.code
            if options.color:
                severity = f"{_COLORS[d.severity]}{severity}{_RESET}"
                code = f"{_BOLD}{code}{_RESET}"
            pointer = f" ({d.pointer})" if d.pointer else ""
            lines.append(f"{location(d)}: {code} {severity} {d.message}{pointer}")
            if d.hint and options.show_hints:
                hint = f"  hint: {d.hint}"
                lines.append(f"{_DIM}{hint}{_RESET}" if options.color else hint)
    files = len(reports)
    summary = (
        f"{files} file{'s' if files != 1 else ''} checked: {counts[Severity.ERROR]} error(s), "
        f"{counts[Severity.WARNING]} warning(s), {counts[Severity.INFO]} info"
    )
    if not options.quiet or counts[Severity.ERROR]:
        lines.append(summary)
    return "\n".join(lines) + ("\n" if lines else "")
