"""``path:line:col: CODE [severity] message (pointer)``, the hint indented below, then a summary line.

The last line is the verdict: ``Ready to send``, or ``Not ready to send:`` and the rows in the way
by reason (shown with ``--quiet`` too). At most ``max_diagnostics`` lines per file, then ``… and N more``; colour only when asked;
with ``source_line`` (``--show-source``), the finding's line and a caret under its column.
Paths, messages, pointers and hints carry input text: their control characters are escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from validator.diagnostics import Diagnostic, Report, Severity, counts, summary_line, text_lines
from validator.escape import visible
from validator.reporters import RenderOptions, more_line, verdict_of, visible_diagnostics

_STYLES = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m", "code": "\x1b[1m", "hint": "\x1b[2m"}
_RESET = "\x1b[0m"


def _paint(role: str, text: str) -> str:
    return f"{_STYLES[role]}{text}{_RESET}"


def format_diagnostic(d: Diagnostic, options: RenderOptions) -> list[str]:
    """The diagnostic's :func:`~validator.diagnostics.text_lines`, coloured when asked, and its code frame with ``source_line``."""
    lines = text_lines(d, paint=_paint, hints=options.show_hints) if options.color else text_lines(d, hints=options.show_hints)
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
        diagnostics, hidden = visible_diagnostics(report, options)
        for d in diagnostics:
            lines.extend(format_diagnostic(d, options))
        if hidden:
            lines.append(more_line(hidden, report.file))
    if not options.quiet or counts(reports)[Severity.ERROR]:
        lines.append(summary_line(reports))
    verdict = verdict_of(reports, options)
    if reports and not (options.quiet and verdict.ready):  # quiet never hides a batch that is not ready; no file, no batch
        lines.append(_paint("error" if not verdict.ready else "code", verdict.sentence) if options.color else verdict.sentence)
    return "\n".join(lines) + ("\n" if lines else "")
