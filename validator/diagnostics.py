"""Diagnostics as data: what a check found, where, and how to fix it.

Rules and passes produce :class:`Finding` (a pointer and a message); the engine
turns each into a :class:`Diagnostic` with its code, configured severity and the
line and column located in the source. Reporters only format diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

Target = Literal["value", "key"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse: lets ``--fail-on`` compare severities."""
        return _RANK[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls(text.lower())
        except ValueError:
            raise ValueError(f"unknown severity {text!r}: use error, warning or info") from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


DOCS_BASE = "https://github.com/retell-batch-validator/retell-batch-validator/blob/main/docs/"  # every link a report carries


def rule_url(code: str, name: str) -> str:
    """The rule's section in ``docs/rules.md`` (its heading is ``CODE name``)."""
    return f"{DOCS_BASE}rules.md#{code.lower()}-{name}"


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a rule: the registry's rules are these, and reporters need no more."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    family: str

    @property
    def url_fragment(self) -> str:
        return f"{self.code.lower()}-{self.name}"

    @property
    def url(self) -> str:
        return rule_url(self.code, self.name)


@dataclass(frozen=True, slots=True)
class Fix:
    """An automatic fix: replace the value at the diagnostic's pointer (or at ``at``) with ``value``.

    ``safe`` fixes apply with ``--fix``; the others only with ``--unsafe-fixes``.
    ``at``: the pointer of the value replaced when it is not the finding's own, as
    when a finding marks one repeated item and the fix rewrites the whole list.
    """

    value: Any
    safe: bool
    title: str
    at: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports: a place in the document and a message.

    ``target`` says whether the position is that of the value or of its key
    (unknown and duplicate keys point at the key).
    """

    pointer: str
    message: str
    hint: str | None = None
    target: Target = "value"
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in one file, with everything a reporter needs."""

    code: str
    severity: Severity
    message: str
    pointer: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    hint: str | None = None
    name: str = ""
    fix: Fix | None = None
    # What the finding is about, for identities that must survive edits elsewhere (the offending
    # scalar value, shortened); set only when asked (CheckOptions.subjects), never in to_dict().
    subject: str | None = None

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line or 0, self.column or 0, self.code, self.pointer)

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),  # a StrEnum: its value, without the slow enum property
            "message": self.message,
            "path": self.pointer,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "hint": self.hint,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """The result of checking one payload: its diagnostics, sorted by position."""

    file: str | None
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """True when nothing at error level was found."""
        return not self.errors

    def codes(self) -> list[str]:
        return [d.code for d in self.diagnostics]

    def fails(self, fail_on: Severity) -> bool:
        return any(d.severity.rank >= fail_on.rank for d in self.diagnostics)
