"""Suppression comments in YAML payloads: ``# retell-validate: ignore[RBV111]``.

The comment at the end of a line suppresses the named codes for diagnostics
that start on that line; a line holding only the comment applies to the next
line. ``ignore[RBV111,RBV102]`` names several codes. Codes are exact (no
prefixes), so each suppression says what it hides; a rule's name stands for its code
(``ignore[outside-legal-hours]``). A bare
``# retell-validate: ignore`` is not allowed: it suppresses nothing and, like
an unknown code, is reported as RBV090. JSON has no comments: use
``per-file-ignores`` in the configuration.

A grouped finding (one for many tasks, at its first: :class:`~validator.diagnostics.Finding`'s
``members``) is not hidden by a suppression on one task's line: that task leaves the
group, and the rule runs again without it, so the finding stays, counting the rest, at
the first task left. A suppression on the lines of the group's ``cause`` (from the
``call_time_window:`` key to the window's last line) suppresses the finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

import yaml

from validator.diagnostics import Finding, Report, Target
from validator.document import Document, Issue, LineIndex, LocateRequest, Locator, Span
from validator.engine.registry import rules_by_code
from validator.options import RULE_CODES
from validator.pointer import tokens
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

    def regroup(self, issues: Sequence[Issue], document: Document, rerun: Rerun) -> list[Issue]:
        """The rules' issues with suppressions applied to grouped findings (see the module's documentation).

        ``rerun(code, tasks)`` checks again with the rule of ``code`` blind to those task indexes.
        """
        codes = frozenset(code for suppressed in self.by_line.values() for code in suppressed)
        grouped = [i for i in issues if i.code in codes and (i.finding.members or i.finding.cause)]
        locator = document.locator
        if not grouped or locator is None:
            return list(issues)
        causes: set[LocateRequest] = {(i.finding.cause, target) for i in grouped if i.finding.cause for target in _BOTH}
        spans = dict(locator.locate(causes))
        tasks = _TaskLines(locator, document.data.get("tasks"))
        dropped: set[int] = set()  # ids of findings suppressed at their cause
        excluded: dict[str, set[int]] = {}  # code → tasks taken out of its groups
        for issue in grouped:
            finding = issue.finding
            if finding.cause is not None and self._covers(issue.code, _lines(spans, finding.cause)):
                dropped.add(id(issue))
                continue
            # The tasks on the suppressed lines, then those of their members that sit on such a line.
            suspects = {index for line, suppressed in self.by_line.items() if issue.code in suppressed for index in tasks.at(line)}
            candidates = [m for m in finding.members if _task_index(m) in suspects] if suspects else []
            for (member, _), span in locator.locate([(m, "value") for m in candidates]).items():
                if issue.code in self.by_line.get(span.line, ()):
                    excluded.setdefault(issue.code, set()).add(_task_index(member) or 0)
        kept = [i for i in issues if id(i) not in dropped and i.code not in excluded]
        for code, removed in excluded.items():
            again = rerun(code, frozenset(removed))
            kept.extend(i for i in again if not (i.finding.cause is not None and self._covers(code, _lines(spans, i.finding.cause))))
        return kept

    def _covers(self, code: str, lines: range) -> bool:
        return any(code in self.by_line.get(line, ()) for line in lines)


Rerun = Callable[[str, frozenset[int]], list[Issue]]
_BOTH: tuple[Target, ...] = ("key", "value")


class _TaskLines:
    """Which tasks a line belongs to, by bisecting their spans: tasks follow each other in the text, so a suppression
    comment in a 100,000-task file costs a few dozen look-ups, not one per task."""

    def __init__(self, locator: Locator, tasks: object) -> None:
        self._locator = locator
        self._count = len(tasks) if isinstance(tasks, list) else 0
        self._spans: dict[int, Span | None] = {}

    def at(self, line: int) -> list[int]:
        """The tasks whose text holds ``line`` (several on one line of flow YAML)."""
        low, high = 0, self._count
        while low < high:  # the first task that ends at or after the line
            middle = (low + high) // 2
            span = self._span(middle)
            if span is None:
                return []
            if (span.end_line or span.line) < line:
                low = middle + 1
            else:
                high = middle
        found = []
        while low < self._count and (span := self._span(low)) is not None and span.line <= line:
            found.append(low)
            low += 1
        return found

    def _span(self, index: int) -> Span | None:
        if index not in self._spans:
            request: LocateRequest = (f"/tasks/{index}", "value")
            self._spans[index] = self._locator.locate([request]).get(request)
        return self._spans[index]


def _lines(spans: Mapping[LocateRequest, Span], pointer: str) -> range:
    """The lines from a value's key to the value's end."""
    key, value = spans.get((pointer, "key")), spans.get((pointer, "value"))
    first = key or value
    if first is None:
        return range(0)
    last = (value.end_line or value.line) if value is not None else first.line
    return range(first.line, max(first.line, last) + 1)


def _task_index(pointer: str) -> int | None:
    """``/tasks/12/to_number`` → 12; ``None`` for a pointer outside the tasks."""
    parts = tokens(pointer)
    return int(parts[1]) if len(parts) > 1 and parts[0] == "tasks" and parts[1].isascii() and parts[1].isdigit() else None


def find_suppressions(text: str) -> Suppressions:
    """Read the suppression comments of a YAML text (a quick substring test first: most files have none)."""
    if "retell-validate" not in text:
        return Suppressions()
    matches = [m for m in MARKER.finditer(text) if _is_comment(text, m.start())]
    matches = _outside_scalars(text, matches)
    if not matches:
        return Suppressions()
    lines = LineIndex(text)
    known, names = rules_by_code(), RULE_CODES.names()
    by_line: dict[int, set[str]] = {}
    issues: list[Issue] = []
    for match in matches:
        line, column = lines.position(match.start())
        span = lines.span(match.start(), match.end())
        words = [c.strip() for c in (match.group("codes") or "").split(",") if c.strip()]
        if not words:
            issues.append(
                _issue("a bare `# retell-validate: ignore` suppresses nothing", "name the codes: `# retell-validate: ignore[RBV111]`", span)
            )
            continue
        codes = {word: word.upper() if word.upper() in known else names.get(word.lower().replace("_", "-")) for word in words}
        for word in (word for word, code in codes.items() if code is None):
            guess = RULE_CODES.suggestion(word)
            issues.append(_issue(f"unknown rule code {word} in a suppression comment{guess}", _UNKNOWN_HINT, span))
        own_line = text[match.start() - column + 1 : match.start()].strip() == ""
        by_line.setdefault(line + 1 if own_line else line, set()).update(code for code in codes.values() if code is not None)
    return Suppressions(MappingProxyType({n: frozenset(c) for n, c in by_line.items()}), tuple(issues))


_UNKNOWN_HINT = "name a rule by its code (RBV705) or its name (outside-legal-hours): see `retell-validate rules`"


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
