"""Suppression comments in YAML payloads: ``# retell-validate: ignore[RBV111]``.

The comment at the end of a line suppresses the named codes for diagnostics
that start on that line; a line holding only the comment applies to the next
line. ``ignore[RBV111,RBV102]`` names several codes. Codes are exact (no
prefixes), so each suppression says what it hides. A bare
``# retell-validate: ignore`` is not allowed: it suppresses nothing and, like
an unknown code, is reported as RBV090. JSON has no comments: use
``per-file-ignores`` in the configuration.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

import yaml

from validator.diagnostics import Finding, Report
from validator.document import Issue, LineIndex, Span
from validator.engine.registry import rules_by_code
from validator.rules.input import invalid_suppression

MARKER = re.compile(r"#[ \t]*retell-validate[ \t]*:[ \t]*ignore\b(?:\[(?P<codes>[^\]\n]*)\])?", re.IGNORECASE)
_SCANNER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Suppressions:
    """Codes suppressed per line, and RBV090 issues for comments that cannot be used."""

    by_line: Mapping[int, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    issues: tuple[Issue, ...] = ()

    def apply(self, report: Report) -> Report:
        if not self.by_line:
            return report
        kept = tuple(d for d in report.diagnostics if d.line is None or d.code not in self.by_line.get(d.line, ()))
        return replace(report, diagnostics=kept)


def find_suppressions(text: str) -> Suppressions:
    """Read the suppression comments of a YAML text (a quick substring test first: most files have none)."""
    if "retell-validate" not in text:
        return Suppressions()
    matches = [m for m in MARKER.finditer(text) if _is_comment(text, m.start())]
    matches = _outside_scalars(text, matches)
    if not matches:
        return Suppressions()
    lines = LineIndex(text)
    known = rules_by_code()
    by_line: dict[int, set[str]] = {}
    issues: list[Issue] = []
    for match in matches:
        line, column = lines.position(match.start())
        span = lines.span(match.start(), match.end())
        codes = [c.strip().upper() for c in (match.group("codes") or "").split(",") if c.strip()]
        if not codes:
            issues.append(
                _issue("a bare `# retell-validate: ignore` suppresses nothing", "name the codes: `# retell-validate: ignore[RBV111]`", span)
            )
            continue
        unknown = [c for c in codes if c not in known]
        if unknown:
            issues.append(_issue(f"unknown rule code {', '.join(unknown)} in a suppression comment", "see `retell-validate rules`", span))
        own_line = text[match.start() - column + 1 : match.start()].strip() == ""
        by_line.setdefault(line + 1 if own_line else line, set()).update(c for c in codes if c in known)
    return Suppressions(MappingProxyType({n: frozenset(c) for n, c in by_line.items()}), tuple(issues))


def _is_comment(text: str, start: int) -> bool:
    """YAML starts a comment at ``#`` only at the start of a line or after a space or tab."""
    return start == 0 or text[start - 1] in " \t\n\r"


def _outside_scalars(text: str, matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """Drop matches inside quoted or block scalars (text that only looks like a comment)."""
    if not matches:
        return matches
    inside: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=_SCANNER):
            if isinstance(token, yaml.ScalarToken) and not token.plain:
                inside.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        pass  # the file has a syntax error (reported as RBV001); keep the matches found so far as comments
    return [m for m in matches if not any(start <= m.start() < end for start, end in inside)]


def _issue(message: str, hint: str, span: Span) -> Issue:
    return Issue(invalid_suppression.CODE, Finding("", message, hint), span)
