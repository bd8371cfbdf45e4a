"""Autofix: apply the :class:`Fix` on findings by rewriting only the source text of each value.

A fix replaces the value at its finding's pointer. The new value is narrowed to
the leaves that change (a fix that rewrites one field of an object touches only
that field's text), each leaf's span comes from the document's locator, and
that span is replaced with the new value written in the file's own style (JSON
indentation and separators, YAML quoting and block layout), so key order,
comments and formatting elsewhere survive.

Fixes whose spans overlap wait for the next pass: apply the non-overlapping
ones, re-check, repeat (at most :data:`MAX_PASSES` times). Every pass is
verified: the edited text must parse to exactly the data with the fixes
applied, or the pass is dropped, so a fix never writes a file that does not
parse or means something else.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from validator import files
from validator.api import CheckOptions, check_text, validate_text
from validator.diagnostics import Diagnostic, Fix, Report
from validator.document import Document, LineIndex, LocateRequest, Span
from validator.files import read_regular
from validator.fix.members import (
    PLAIN,
    BlockDumper,
    Operation,
    Refused,
    Style,
    TextEdit,
    expected,
    member_edits,
    narrowed,
    operations,
    requests,
    resolve,
    same,
)
from validator.openapi.load import Spec
from validator.readers import READERS, InputFormat, format_for_path, read_text, sniff_format
from validator.settings import Settings

MAX_PASSES = 8
_BOM = "\ufeff"


@dataclass(frozen=True)
class FixOutcome:
    """One file after fixing: the text before and after, what was applied and what remains."""

    report: Report
    before: str
    after: str
    applied: int
    unsafe_available: int
    not_applied: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def diff(self, name: str) -> str:
        """A unified diff from ``a/name`` to ``b/name`` (an absolute ``name`` as is); empty when nothing changed."""
        old, new = (name, name) if os.path.isabs(name) else (f"a/{name}", f"b/{name}")
        lines = difflib.unified_diff(self.before.splitlines(keepends=True), self.after.splitlines(keepends=True), old, new)
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


@dataclass
class _Plan:
    """One fix turned into text edits, or the reason it cannot be applied.

    ``changes`` replace existing values (narrowed to the leaves that change); ``operations``
    add, remove and rename object members.
    """

    key: tuple[str, ...]
    pointer: str
    fix: Fix
    changes: list[tuple[str, Any]] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    edits: list[TextEdit] = field(default_factory=list)
    problem: str | None = None


def fix_text(text: str, format: InputFormat | None = None, *, file: str | None, settings: Settings, spec: Spec, unsafe: bool) -> FixOutcome:
    """Apply the fixes of ``text`` (safe ones, and unsafe ones when ``unsafe``), re-checking after each pass."""
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    kind = format or sniff_format(body)
    if READERS[kind].read is None:  # a streamed CSV contact list is checked, never rewritten
        return FixOutcome(validate_text(text, kind, file=file, settings=settings, spec=spec), text, text, 0, 0)
    applied = 0
    problems: dict[tuple[str, ...], str] = {}
    options = CheckOptions(settings=settings, spec=spec, format=kind)
    for attempt in range(MAX_PASSES + 1):
        documents: list[Document] = []  # the check's own parse: the plans need no second one
        report = check_text(bom + body, options, file=file, on_document=documents.append)
        wanted = _wanted(report.diagnostics, unsafe)
        if not wanted or not documents or attempt == MAX_PASSES:
            break
        document = documents[0]
        plans = _plans(document, body, kind, wanted)
        problems.update((p.key, f"{p.pointer}: {p.fix.title}: {p.problem}") for p in plans if p.problem)
        chosen = _non_overlapping(p for p in plans if not p.problem)
        if not chosen:
            break
        edited = _apply(body, [e for p in chosen for e in p.edits])
        if not _reads_back_as_planned(edited, kind, document.data, chosen):
            problems.update((p.key, f"{p.pointer}: {p.fix.title}: the edited file did not read back as intended") for p in chosen)
            break
        body = edited
        applied += len(chosen)
    remaining = {_key(d) for d in _wanted(report.diagnostics, unsafe)}
    return FixOutcome(
        report=report,
        before=text,
        after=bom + body,
        applied=applied,
        unsafe_available=0 if unsafe else sum(1 for d in report.diagnostics if d.fix is not None and not d.fix.safe),
        not_applied=tuple(message for key, message in problems.items() if key in remaining),
    )


def fix_bytes(
    data: bytes, format: InputFormat | None = None, *, file: str | None, settings: Settings, spec: Spec, unsafe: bool
) -> FixOutcome:
    """:func:`fix_text` for raw bytes; text that is not UTF-8 is checked but never fixed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return FixOutcome(validate_text(data, format, file=file, settings=settings, spec=spec), "", "", 0, 0)
    return fix_text(text, format, file=file, settings=settings, spec=spec, unsafe=unsafe)


def fix_edits(text: str, format: InputFormat, diagnostic: Diagnostic) -> list[tuple[int, int, str]] | None:
    """The edits applying one diagnostic's fix to ``text``: ``(start, end, new text)`` by code-point offset.

    ``None`` when it cannot be applied, or the edited text would not read back as intended. For
    an editor's quick fix; unlike :func:`fix_text`, one fix and one pass, no re-check.
    """
    return each_fix_edits(text, format, [diagnostic])[0]


def each_fix_edits(text: str, format: InputFormat, diagnostics: Sequence[Diagnostic]) -> list[list[tuple[int, int, str]] | None]:
    """:func:`fix_edits` of each diagnostic, from one reading of ``text`` (an editor's quick fixes for a whole document).

    Each fix is one alternative, applied alone; the read-back check runs on the fixes that do not
    overlap applied together, and only where that fails on halves of them, down to single fixes:
    a few readings of the text for thousands of fixes, not one per fix.
    """
    found: list[list[tuple[int, int, str]] | None] = [None] * len(diagnostics)
    fixable = [index for index, d in enumerate(diagnostics) if d.fix is not None]
    if not fixable or format not in ("json", "yaml"):
        return found
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    document = _read(body, format)
    if not document.usable:
        return found
    plans = dict(zip(fixable, _plans(document, body, format, [diagnostics[i] for i in fixable]), strict=True))
    pending = [index for index in fixable if not plans[index].problem]
    while pending:  # each round: the fixes that do not overlap, checked together; the others wait for the next round
        chosen = {id(plan) for plan in _non_overlapping(plans[i] for i in pending)}
        batch = [i for i in pending if id(plans[i]) in chosen]
        pending = [i for i in pending if id(plans[i]) not in chosen]
        for index in _planned_reading_back(body, format, document.data, batch, plans):
            found[index] = [(edit.start + len(bom), edit.end + len(bom), edit.text) for edit in plans[index].edits]
    return found


def _planned_reading_back(body: str, kind: InputFormat, data: Any, batch: list[int], plans: dict[int, _Plan]) -> list[int]:
    """The plans of ``batch`` (disjoint) whose edits read back as intended: together, else by halves."""
    group = [plans[i] for i in batch]
    if _reads_back_as_planned(_apply(body, [e for plan in group for e in plan.edits]), kind, data, group):
        return batch
    if len(batch) == 1:
        return []
    half = len(batch) // 2
    return _planned_reading_back(body, kind, data, batch[:half], plans) + _planned_reading_back(body, kind, data, batch[half:], plans)


class FixRefused(Exception):
    """The file cannot be rewritten as it is (read-only, several hard links, an owner we cannot keep)."""


def fix_file(
    path: Path, *, format: InputFormat | None = None, settings: Settings, spec: Spec, unsafe: bool, write: bool, max_bytes: int | None
) -> FixOutcome:
    """Fix one file; with ``write`` the result replaces it atomically.

    Raises OSError if unreadable, not a regular file (a FIFO would hang), or over ``max_bytes``
    (:class:`~validator.files.FileTooLarge`, never read past the limit); FixRefused if it cannot be rewritten.
    """
    if write:
        refuse_unwritable(path)
    outcome = fix_bytes(
        read_regular(path, max_bytes), format or format_for_path(path), file=str(path), settings=settings, spec=spec, unsafe=unsafe
    )
    if write and outcome.changed:
        write_atomic(path, outcome.after.encode("utf-8"))
    return outcome


def refuse_unwritable(path: Path) -> None:
    """Raise :class:`FixRefused` unless ``path`` may be replaced without changing what the file is.

    A mode without write bits is a request not to edit (root would otherwise ignore
    it); a second hard link would keep the old text after a rename, and an in-place
    write is not atomic, so linked files are refused too.
    """
    target = path.resolve()
    info = target.stat()
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise FixRefused(f"{path}: the file is read-only; not rewritten (make it writable to fix it, or use --diff)")
    if info.st_nlink > 1:
        raise FixRefused(f"{path}: the file has {info.st_nlink} hard links and rewriting it would split them; not rewritten (use --diff)")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` (a symlink's target) with ``data`` via a temporary file beside it; keeps mode, owner and group."""
    try:
        files.write_atomic(path, data)
    except files.OwnerNotKept:
        raise FixRefused(f"{path}: its owner or group could not be kept; not rewritten (use --diff)") from None


def fixable_counts(diagnostics: Iterable[Diagnostic]) -> tuple[int, int]:
    """How many values the findings' safe fixes change, and how many their unsafe ones (a grouped fix counts its rows)."""
    safe = unsafe = 0
    for d in diagnostics:
        if d.fix is not None:
            safe += d.fix.count if d.fix.safe else 0
            unsafe += 0 if d.fix.safe else d.fix.count
    return safe, unsafe


def _wanted(diagnostics: Sequence[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """The diagnostics whose fix applies in this mode, one per set of pointers edited (the first, in position order)."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for d in diagnostics:
        if d.fix is not None and (d.fix.safe or unsafe) and _key(d) not in seen:
            seen.add(_key(d))
            out.append(d)
    return out


def _key(d: Diagnostic) -> tuple[str, ...]:
    """The pointers a diagnostic's fix edits."""
    return tuple(edit.at for edit in d.fix.changes(d.pointer)) if d.fix is not None else ()


def _read(body: str, kind: InputFormat) -> Document:
    return read_text(body, kind)[0]


def _plans(document: Document, body: str, kind: InputFormat, wanted: list[Diagnostic]) -> list[_Plan]:
    plans = []
    for d in wanted:
        assert d.fix is not None
        plan = _Plan(_key(d), d.pointer, d.fix)
        try:
            changes, plan.operations = operations(document.data, d.fix.changes(d.pointer))
            plan.changes = [c for pointer, value in changes for c in narrowed(pointer, resolve(document.data, pointer), value)]
        except (KeyError, IndexError, TypeError, ValueError):
            plan.problem = "there is no value at this path to replace"
        except Refused as exc:
            plan.problem = str(exc)
        else:
            if not plan.changes and not plan.operations:
                plan.problem = "the fix does not change the value"
        plans.append(plan)
    wanted_spans = {(pointer, "value") for p in plans for pointer, _ in p.changes}
    wanted_spans.update(r for p in plans if not p.problem for r in requests(document.data, p.operations))
    spans = document.locator.locate(wanted_spans) if wanted_spans and document.locator is not None else {}  # type: ignore[arg-type]
    lines = LineIndex(body)
    # Properties of the whole file, computed once per pass: per edit they made fixing quadratic.
    style = Style(
        "\r\n" if "\r\n" in body else "\n", (", ", ": ") if '": ' in body else (",", ":"), _yaml_indent(body) if kind != "json" else 2
    )
    for plan in plans:
        if not plan.problem:
            plan.problem = _edits(plan, document, body, kind, spans, lines, style)
        if plan.problem:
            plan.edits.clear()
    return plans


def _edits(
    plan: _Plan, document: Document, body: str, kind: InputFormat, spans: dict[LocateRequest, Span], lines: LineIndex, style: Style
) -> str | None:
    """Fill in the plan's text edits; the problem when they cannot be made."""
    for pointer, value in plan.changes:
        span = spans.get((pointer, "value"))
        if span is None or span.end_line is None or span.end_column is None:
            return f"the source position of {pointer or 'the document'} is unknown"
        start, end = lines.offset(span.line, span.column), lines.offset(span.end_line, span.end_column)
        old_text = body[start:end]
        text: str | None
        if kind == "json":
            text = _json_text(value, old_text, resolve(document.data, pointer), body, start, style.newline, style.separators)
        else:
            end = start + len(old_text.rstrip())  # block scalars end past their line breaks
            text = _yaml_text(value, body[start:end], resolve(document.data, pointer), body, start, style.newline, style.indent)
        if text is None:
            return "anchored, aliased or tagged YAML values are not rewritten"
        plan.edits.append(TextEdit(start, end, text))
    if plan.operations:
        try:
            plan.edits += member_edits(document.data, plan.operations, body, kind == "json", spans, lines, style)
        except Refused as exc:
            return str(exc)
    ordered = sorted(plan.edits, key=lambda e: (e.start, e.end))
    if any(b.start < a.end for a, b in itertools.pairwise(ordered)):
        return "its edits overlap"
    return None


def _non_overlapping(plans: Iterable[_Plan]) -> list[_Plan]:
    chosen: list[_Plan] = []
    starts: list[int] = []  # the taken spans, sorted and disjoint: a bisection finds any overlap
    ends: list[int] = []
    for plan in plans:
        if any(_overlaps(starts, ends, e) for e in plan.edits):
            continue  # next pass, after a re-check
        chosen.append(plan)
        for e in plan.edits:
            at = bisect.bisect_left(starts, e.start)
            starts.insert(at, e.start)
            ends.insert(at, e.end)
    return chosen


def _overlaps(starts: list[int], ends: list[int], edit: TextEdit) -> bool:
    """Whether ``edit`` overlaps a taken span: only the spans either side of its start can.

    An insertion (an empty span) overlaps what touches its offset: whose text comes first would be a guess.
    """
    at = bisect.bisect_left(starts, edit.start)
    for i in (at - 1, at):
        if 0 <= i < len(starts):
            empty = edit.start == edit.end or starts[i] == ends[i]
            if (edit.start < ends[i] and starts[i] < edit.end) or (empty and edit.start <= ends[i] and starts[i] <= edit.end):
                return True
    return False


def _apply(body: str, edits: list[TextEdit]) -> str:
    """The edits (disjoint; an insertion before a span that starts where it is) made in one left-to-right join."""
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces += (body[position : edit.start], edit.text)
        position = edit.end
    pieces.append(body[position:])
    return "".join(pieces)


def _reads_back_as_planned(edited: str, kind: InputFormat, data: Any, plans: list[_Plan]) -> bool:
    """Whether ``edited`` reads back as ``data`` with the plans' changes made."""
    wanted = expected(data, [c for p in plans for c in p.changes], [op for p in plans for op in p.operations])
    document = _read(edited, kind)
    return document.usable and same(document.data, wanted)


def _line_indent(body: str, offset: int) -> str:
    line_start = body.rfind("\n", 0, offset) + 1
    match = re.match(r"[ \t]*", body[line_start:offset])
    return match.group() if match else ""


def _json_text(value: Any, old_text: str, old_value: Any, body: str, start: int, newline: str, separators: tuple[str, str]) -> str:
    """JSON for ``value``: pretty-printed like the text it replaces when that spans lines.

    When the replaced container had one member per line (``[\n  {"start": 0, "end": 60}\n]``),
    the new one keeps that layout instead of expanding every member.
    """
    if not isinstance(value, dict | list) or not value or "\n" not in old_text:
        return json.dumps(value, ensure_ascii=False, separators=separators)
    base = _line_indent(body, start)
    second = old_text.split("\n", 1)[1]
    inner = re.match(r"[ \t]*", second).group()  # type: ignore[union-attr]
    unit = inner[len(base) :] if inner.startswith(base) and len(inner) > len(base) else "  "
    if type(old_value) is type(value) and old_text.count("\n") == len(old_value) + 1:
        inline = [json.dumps(m, ensure_ascii=False, separators=separators) for m in (value.values() if isinstance(value, dict) else value)]
        if isinstance(value, dict):
            inline = [f"{json.dumps(k, ensure_ascii=False)}{separators[1]}{m}" for k, m in zip(value, inline, strict=True)]
        opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
        lines = f",{newline}{base}{unit}".join(inline)
        return f"{opening}{newline}{base}{unit}{lines}{newline}{base}{closing}"
    return json.dumps(value, ensure_ascii=False, indent=unit).replace("\n", newline + base)


def _yaml_text(value: Any, old_text: str, old_value: Any, body: str, start: int, newline: str, indent: int) -> str | None:
    """YAML for ``value`` in the style of the node it replaces; ``None`` for anchors, aliases and tags."""
    first = old_text[:1]
    if first in ("&", "*", "!"):
        return None  # the text may be shared with other paths
    if isinstance(old_value, dict | list) and first not in ("[", "{") and isinstance(value, dict | list) and value:
        column = start - (body.rfind("\n", 0, start) + 1)
        dumped = yaml.dump(
            value,
            Dumper=BlockDumper,
            indent=indent,
            default_flow_style=False,
            sort_keys=False,
            allow_unicode=True,
            width=1 << 30,
        )
        return dumped.rstrip("\n").replace("\n", newline + " " * column)
    if isinstance(value, str):
        return _yaml_string(value, first)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)  # JSON is YAML flow style, every string quoted
    return yaml.safe_dump(value).removesuffix("\n").removesuffix("\n...")  # YAML 1.1 spelling of numbers


def _yaml_string(value: str, first: str) -> str:
    if first == "'" and value.isprintable():
        return "'" + value.replace("'", "''") + "'"
    if first not in ("'", '"', "|", ">") and PLAIN.fullmatch(value) and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _yaml_indent(body: str) -> int:
    """The file's smallest indentation step (2 when it has no nesting)."""
    widths = {len(line) - len(line.lstrip(" ")) for line in body.splitlines() if line.strip() and not line.lstrip().startswith("#")}
    return min((w for w in widths if w > 0), default=2)
