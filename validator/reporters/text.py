"""``path:line:col: CODE [severity] message (pointer)``, the hint indented below, then a summary line.

At most ``max_diagnostics`` lines per file, then ``… and N more``; colour only when asked;
with ``source_line`` (``--show-source``), the finding's line and a caret under its column.
Paths, messages, pointers and hints carry input text: their control characters are escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from validator.diagnostics import Diagnostic, Report, Severity
from validator.reporters import RenderOptions, counts, display_path, more_line, shown, summary_line
from validator.reporters.escape import visible

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def location(diagnostic: Diagnostic) -> str:
    where = visible(display_path(diagnostic.file))
    if diagnostic.line is not None:
        where += f":{diagnostic.line}:{diagnostic.column}"
    return where


def format_diagnostic(d: Diagnostic, options: RenderOptions) -> list[str]:
    severity, code = f"[{d.severity.value}]", d.code
    if options.color:
        severity, code = f"{_COLORS[d.severity]}{severity}{_RESET}", f"{_BOLD}{code}{_RESET}"
    pointer = f" ({visible(d.pointer)})" if d.pointer else ""
    lines = [f"{location(d)}: {code} {severity} {visible(d.message)}{pointer}"]
    if d.hint and options.show_hints:
        hint = f"  hint: {visible(d.hint)}"
        lines.append(f"{_DIM}{hint}{_RESET}" if options.color else hint)
    if options.source_line and d.line is not None:
        lines.extend(code_frame(options.source_line(d.file, d.line), d.line, d.column))
    return lines


def code_frame(text: str | None, line: int, column: int | None) -> list[str]:
    """The finding's line, escaped, with a caret under its column (1-based); nothing when the line is unknown."""
    if text is None:
        return []
    gutter = f"{line:>5} | "
    frame = [f"{gutter}{visible(text)}"]
    if column:
        # Under the escaped prefix (a tab shows as \u0009), so the caret lines up with what is printed.
        frame.append(" " * (len(gutter) - 2) + "| " + " " * len(visible(text[: column - 1])) + "^")
    return frame


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    lines: list[str] = []
    for report in reports:
        diagnostics, hidden = shown(report, options)
        for d in diagnostics:
            lines.extend(format_diagnostic(d, options))
        if hidden:
            lines.append(more_line(hidden, report.file))
    if not options.quiet or counts(reports)[Severity.ERROR]:
        lines.append(summary_line(reports))
    return "\n".join(lines) + ("\n" if lines else "")
