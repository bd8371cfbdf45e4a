"""Diagnostics as data: what a check found, where, and how to fix it.

Rules and passes produce :class:`Finding` (a pointer and a message); the engine
turns each into a :class:`Diagnostic` with its code, configured severity and the
line and column located in the source. Reporters only format diagnostics; the
text form (``str(report)``, the lines the text reporter colours) lives here, with
the data it shows, so a report prints itself without importing a reporter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePath
from typing import Any, Literal, TypeVar

from validator.escape import visible

Target = Literal["value", "key"]
T = TypeVar("T")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse: lets ``--fail-on`` compare severities."""
        return _RANK[self]


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
class Edit:
    """One change of a fix: ``value`` at ``at``, or with ``remove`` the object member at ``at`` taken out.

    A value for a key its object lacks adds the member (after the object's last one), and
    objects missing on the way are created; a value at an existing pointer replaces it.
    """

    at: str
    value: Any = None
    remove: bool = False


@dataclass(frozen=True, slots=True)
class Fix:
    """An automatic fix: replace the value at the diagnostic's pointer (or at ``at``) with ``value``.

    ``safe`` fixes apply with ``--fix``; the others only with ``--unsafe-fixes``.
    ``at``: the pointer of the value replaced when it is not the finding's own, as
    when a finding marks one repeated item and the fix rewrites the whole list.
    ``count``: how many values it stands for: a finding that groups the rows of a
    contact list written one way carries one fix for them all (``value`` is the first).
    ``edits``: a fix of several changes made together (:meth:`of`), such as a value
    moved where the API reads it (removed here, set there); ``value`` and ``at`` are then unused.
    """

    value: Any
    safe: bool
    title: str
    at: str | None = None
    count: int = 1
    edits: tuple[Edit, ...] = ()

    @classmethod
    def of(cls, edits: Iterable[Edit], *, safe: bool, title: str) -> Fix:
        """A fix made of several edits, applied together or not at all."""
        return cls(None, safe, title, edits=tuple(edits))

    def changes(self, pointer: str) -> tuple[Edit, ...]:
        """What the fix does as edits, for a finding at ``pointer``."""
        return self.edits or (Edit(self.at if self.at is not None else pointer, self.value),)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports: a place in the document and a message.

    ``target`` says whether the position is that of the value or of its key
    (unknown and duplicate keys point at the key).

    A grouped finding (one for many tasks, at its first) names the tasks it covers in
    ``members``, each at the pointer a finding of its own would have (``pointer`` is the
    first), and what they share in ``cause`` (``/call_time_window``). Suppression
    comments act on them: on a member's line it takes that task out of the group, on
    the cause's lines it suppresses the finding (:mod:`validator.engine.suppressions`).
    """

    pointer: str
    message: str
    hint: str | None = None
    target: Target = "value"
    fix: Fix | None = None
    members: Collection[str] = field(default=(), compare=False)
    cause: str | None = None


class Members(Collection[str]):
    """A grouped finding's members, spelled out only when read: only a suppression comment makes the engine read them,
    and a group may cover 100,000 tasks."""

    __slots__ = ("_count", "_spell")

    def __init__(self, count: int, spell: Callable[[], Iterable[str]]) -> None:
        self._count, self._spell = count, spell

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return iter(self._spell())

    def __contains__(self, item: object) -> bool:
        return any(item == member for member in self)

    def __repr__(self) -> str:
        return f"Members({self._count} pointers)"

    @classmethod
    def spelled(cls, items: Sequence[T], spell: Callable[[T], str]) -> Members:
        """Each item's pointer, ``spell(item)``, when read."""
        return cls(len(items), lambda: map(spell, items))


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
    """The result of checking one payload: its diagnostics, sorted by position.

    ``str(report)`` is the text report of this one payload (uncoloured, every finding, then the summary line and the verdict).
    """

    file: str | None
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return self._at(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return self._at(Severity.WARNING)

    @property
    def infos(self) -> tuple[Diagnostic, ...]:
        return self._at(Severity.INFO)

    @property
    def ok(self) -> bool:
        """True when nothing at error level was found."""
        return not self.errors

    @property
    def codes(self) -> list[str]:
        """The code of every diagnostic, in report order."""
        return [d.code for d in self.diagnostics]

    def fails(self, fail_on: Severity) -> bool:
        """Whether a finding is at ``fail_on`` or worse."""
        return any(d.severity.rank >= fail_on.rank for d in self.diagnostics)

    def __str__(self) -> str:
        lines = [line for d in self.diagnostics for line in text_lines(d)]
        return "\n".join([*lines, summary_line([self]), judge([self]).sentence]) + "\n"

    def _at(self, severity: Severity) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is severity)


# The text form: what ``str(report)`` prints and the text reporter colours (paths, messages,
# pointers and hints carry input text, so their control characters are escaped).

Paint = Callable[[str, str], str]  # (role, text) → text as shown; roles: "code", "error", "warning", "info", "hint"


def _unpainted(role: str, text: str) -> str:
    return text


def text_lines(d: Diagnostic, *, paint: Paint = _unpainted, hints: bool = True) -> list[str]:
    """``path:line:col: CODE [severity] message (pointer)``, then ``  hint: …`` below when there is one."""
    pointer = f" ({visible(d.pointer)})" if d.pointer else ""
    severity = d.severity.value
    lines = [f"{location(d)}: {paint('code', d.code)} {paint(severity, f'[{severity}]')} {visible(d.message)}{pointer}"]
    if d.hint and hints:
        lines.append(paint("hint", f"  hint: {visible(d.hint)}"))
    return lines


def location(d: Diagnostic) -> str:
    """``path:line:col`` (``path`` alone when the finding has no line)."""
    where = visible(display_path(d.file))
    return f"{where}:{d.line}:{d.column}" if d.line is not None else where


def display_path(file: str | None) -> str:
    """A path as CI systems want it: forward slashes, no leading ``./``; ``<payload>`` for a payload without a file."""
    if not file:
        return "<payload>"
    return file if file.startswith("<") else PurePath(file).as_posix()


def counts(reports: Iterable[Report]) -> dict[Severity, int]:
    totals = dict.fromkeys(Severity, 0)
    for report in reports:
        for d in report.diagnostics:
            totals[d.severity] += 1
    return totals


def summary_line(reports: Sequence[Report]) -> str:
    """``3 files, 2 errors, 1 warning``."""
    return f"{_plural(len(reports), 'file')}, {counts_in_words(reports)}"


def counts_in_words(reports: Iterable[Report]) -> str:
    """``2 errors, 1 warning`` (and infos when there are some)."""
    totals = counts(reports)
    parts = [_plural(totals[Severity.ERROR], "error"), _plural(totals[Severity.WARNING], "warning")]
    if totals[Severity.INFO]:
        parts.append(_plural(totals[Severity.INFO], "info"))
    return ", ".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


# The verdict: whether the batch is ready to send, and if not, how many rows stand in the way and why.
# Not ready when any finding is an error, or a warning (or worse) of the calling-hours and calling-law
# family (RBV7xx) or the do-not-call family (RBV9xx). The reasons count rows (a payload's tasks), each
# once, under the first reason it has. A grouped finding (calling hours: a group of recipients; a contact list's
# phone spellings) points at its first row; the command that checked the input knows every row it covers and hands
# them to :func:`judge` as ``rows``, else the rows pointed at are counted.

BLOCKING = ("RBV7", "RBV9")  # families whose warnings block sending: calling hours and law, do-not-call
HOURS, DIALLED, FIXABLE, DO_NOT_CALL, ROW_ERROR = "hours", "dial", "fix", "dnc", "row"
_WORDS = {  # reason → what follows "6 rows", in the order the sentence names them
    DIALLED: "whose number cannot be dialled",
    FIXABLE: "whose number check --fix writes in E.164",
    HOURS: "outside legal calling hours",
    DO_NOT_CALL: "on a do-not-call list",
    ROW_ERROR: "with other errors",
}
_VERDICT_TASK = re.compile(r"^/tasks/(\d+)(?:/|$)")
_SHEETS = (".csv", ".tsv", ".xlsx")


@dataclass(frozen=True)
class Verdict:
    """``ready``, and ``reasons``: (the reason in words after its count, the count), in a fixed order."""

    ready: bool
    reasons: tuple[tuple[str, int], ...] = ()

    @property
    def sentence(self) -> str:
        """``Ready to send`` or ``Not ready to send: 6 rows whose number cannot be dialled, 35 rows outside legal calling hours``."""
        if self.ready:
            return "Ready to send"
        return "Not ready to send: " + ", ".join(f"{count:,} {words}" for words, count in self.reasons)

    def to_dict(self) -> dict[str, object]:
        return {"ready": self.ready, "verdict": self.sentence}


def blocks(d: Diagnostic) -> bool:
    """Whether a finding stands in the way of sending: an error, or a calling-hours, calling-law or do-not-call warning."""
    return d.severity is Severity.ERROR or (d.severity is Severity.WARNING and d.code.startswith(BLOCKING))


def judge(reports: Sequence[Report], rows: Mapping[str | None, Mapping[str, Collection[int]]] | None = None) -> Verdict:
    """The verdict over every report; ``rows``: per file and code, every row a grouped finding of that code covers."""
    # reason → file → its rows (-1: a blocking warning about no row in particular)
    found: dict[str, dict[str | None, set[int]]] = {reason: {} for reason in _WORDS}
    batch_errors = 0
    for report in reports:
        covered = (rows or {}).get(report.file) or {}
        spread: set[tuple[str, str]] = set()  # (code, reason) whose covered rows are counted: once, not once per finding
        for d in report.diagnostics:
            if not blocks(d):
                continue
            reason = _reason(d)
            into = found[reason].setdefault(report.file, set())
            if d.code in covered:
                if (d.code, reason) not in spread:
                    spread.add((d.code, reason))
                    into.update(covered[d.code])
            elif (match := _VERDICT_TASK.match(d.pointer)) is not None:
                into.add(int(match[1]))
            elif d.severity is Severity.ERROR:
                batch_errors += 1
            else:
                into.add(-1)
    counted: dict[str | None, set[int]] = {}
    for by_file in found.values():  # each row once, under the first reason it has (a row that cannot be dialled is counted there)
        for file, keys in by_file.items():
            earlier = counted.setdefault(file, set())
            anywhere = -1 in keys
            keys -= earlier
            if anywhere:
                keys.add(-1)
            earlier |= keys
    unit = "row" if any(r.file and r.file.lower().endswith(_SHEETS) for r in reports) else "task"
    totals = {reason: sum(map(len, by_file.values())) for reason, by_file in found.items()}
    reasons = [(f"{unit}{'' if count == 1 else 's'} {_WORDS[reason]}", count) for reason, count in totals.items() if count]
    if batch_errors:
        reasons.append((f"error{'' if batch_errors == 1 else 's'} in the batch's own fields", batch_errors))
    return Verdict(not any(blocks(d) for report in reports for d in report.diagnostics), tuple(reasons))


def _reason(d: Diagnostic) -> str:
    if d.code.startswith("RBV9"):
        return DO_NOT_CALL
    if d.code.startswith("RBV7"):
        return HOURS
    if not d.pointer.endswith("/to_number"):
        return ROW_ERROR
    return FIXABLE if d.fix is not None and d.fix.safe else DIALLED
