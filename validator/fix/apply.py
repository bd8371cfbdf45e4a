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
import contextlib
import copy
import difflib
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from validator.api import CheckOptions, check_text, validate_text
from validator.diagnostics import Diagnostic, Fix, Report
from validator.document import Document, LineIndex
from validator.files import read_regular
from validator.openapi.load import Spec
from validator.pointer import join as pointer_join
from validator.pointer import tokens
from validator.readers import READERS, InputFormat, format_for_path, read_text, sniff_format
from validator.settings import Settings

MAX_PASSES = 8
_BOM = "\ufeff"
# Strings YAML may hold unquoted: word characters and a few safe punctuation marks,
# nothing that starts an indicator or ends a flow item; checked again by loading.
_PLAIN = re.compile(r"\w[\w.@/+-]*(?: [\w.@/+-]+)*")


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


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


@dataclass
class _Plan:
    """One fix turned into text edits, or the reason it cannot be applied."""

    pointer: str
    fix: Fix
    changes: list[tuple[str, Any]] = field(default_factory=list)
    edits: list[_Edit] = field(default_factory=list)
    problem: str | None = None


def fix_text(text: str, format: InputFormat | None = None, *, file: str | None, settings: Settings, spec: Spec, unsafe: bool) -> FixOutcome:
    """Apply the fixes of ``text`` (safe ones, and unsafe ones when ``unsafe``), re-checking after each pass."""
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    kind = format or sniff_format(body)
    if READERS[kind].read is None:  # a streamed CSV contact list is checked, never rewritten
        return FixOutcome(validate_text(text, kind, file=file, settings=settings, spec=spec), text, text, 0, 0)
    applied = 0
    problems: dict[str, str] = {}
    options = CheckOptions(settings=settings, spec=spec, format=kind)
    for attempt in range(MAX_PASSES + 1):
        documents: list[Document] = []  # the check's own parse: the plans need no second one
        report = check_text(bom + body, options, file=file, on_document=documents.append)
        wanted = _wanted(report.diagnostics, unsafe)
        if not wanted or not documents or attempt == MAX_PASSES:
            break
        document = documents[0]
        plans = _plans(document, body, kind, wanted)
        problems.update((p.pointer, f"{p.pointer}: {p.fix.title}: {p.problem}") for p in plans if p.problem)
        chosen = _non_overlapping(p for p in plans if not p.problem)
        if not chosen:
            break
        edited = _apply(body, [e for p in chosen for e in p.edits])
        if not _means(edited, kind, document.data, chosen):
            problems.update((p.pointer, f"{p.pointer}: {p.fix.title}: the edited file did not read back as intended") for p in chosen)
            break
        body = edited
        applied += len(chosen)
    remaining = {_target(d) for d in _wanted(report.diagnostics, unsafe)}
    return FixOutcome(
        report=report,
        before=text,
        after=bom + body,
        applied=applied,
        unsafe_available=0 if unsafe else sum(1 for d in report.diagnostics if d.fix is not None and not d.fix.safe),
        not_applied=tuple(message for pointer, message in problems.items() if pointer in remaining),
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
    if diagnostic.fix is None or format not in ("json", "yaml"):
        return None
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    document = _read(body, format)
    if not document.usable:
        return None
    [plan] = _plans(document, body, format, [diagnostic])
    if plan.problem or not _means(_apply(body, plan.edits), format, document.data, [plan]):
        return None
    return [(edit.start + len(bom), edit.end + len(bom), edit.text) for edit in plan.edits]


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
    target = path.resolve()
    info = target.stat()
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                try:  # root must not hand another user's file to root
                    os.fchown(out.fileno(), info.st_uid, info.st_gid)
                except PermissionError:
                    raise FixRefused(f"{path}: its owner or group could not be kept; not rewritten (use --diff)") from None
            os.fchmod(out.fileno(), stat.S_IMODE(info.st_mode))
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def fixable_counts(diagnostics: Iterable[Diagnostic]) -> tuple[int, int]:
    """How many values the findings' safe fixes change, and how many their unsafe ones (a grouped fix counts its rows)."""
    safe = unsafe = 0
    for d in diagnostics:
        if d.fix is not None:
            safe += d.fix.count if d.fix.safe else 0
            unsafe += 0 if d.fix.safe else d.fix.count
    return safe, unsafe


def _wanted(diagnostics: Sequence[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """The diagnostics whose fix applies in this mode, one per pointer (the first, in position order)."""
    seen: set[str] = set()
    out = []
    for d in diagnostics:
        if d.fix is not None and (d.fix.safe or unsafe) and _target(d) not in seen:
            seen.add(_target(d))
            out.append(d)
    return out


def _target(d: Diagnostic) -> str:
    """The pointer of the value a diagnostic's fix replaces."""
    return d.fix.at if d.fix is not None and d.fix.at is not None else d.pointer


def _read(body: str, kind: InputFormat) -> Document:
    return read_text(body, kind)[0]


def _plans(document: Document, body: str, kind: InputFormat, wanted: list[Diagnostic]) -> list[_Plan]:
    plans = []
    for d in wanted:
        assert d.fix is not None
        target = _target(d)
        plan = _Plan(target, d.fix)
        try:
            old = _resolve(document.data, target)
        except (KeyError, IndexError, TypeError, ValueError):
            plan.problem = "there is no value at this path to replace"
        else:
            plan.changes = list(_changes(target, old, d.fix.value))
            if not plan.changes:
                plan.problem = "the fix does not change the value"
        plans.append(plan)
    requests = {(pointer, "value") for p in plans for pointer, _ in p.changes}
    spans = document.locator.locate(requests) if requests and document.locator is not None else {}  # type: ignore[arg-type]
    lines = LineIndex(body)
    newline = "\r\n" if "\r\n" in body else "\n"
    # Properties of the whole file, computed once per pass: per edit they made fixing quadratic.
    separators = (", ", ": ") if '": ' in body else (",", ":")
    indent = _yaml_indent(body) if kind != "json" else 2
    for plan in plans:
        for pointer, value in plan.changes:
            span = spans.get((pointer, "value"))
            if span is None or span.end_line is None or span.end_column is None:
                plan.problem = f"the source position of {pointer or 'the document'} is unknown"
                break
            start, end = lines.offset(span.line, span.column), lines.offset(span.end_line, span.end_column)
            old_text = body[start:end]
            text: str | None
            if kind == "json":
                text = _json_text(value, old_text, _resolve(document.data, pointer), body, start, newline, separators)
            else:
                end = start + len(old_text.rstrip())  # block scalars end past their line breaks
                text = _yaml_text(value, body[start:end], _resolve(document.data, pointer), body, start, newline, indent)
            if text is None:
                plan.problem = "anchored, aliased or tagged YAML values are not rewritten"
                break
            plan.edits.append(_Edit(start, end, text))
        if plan.problem:
            plan.edits.clear()
    return plans


def _changes(pointer: str, old: Any, new: Any) -> Iterator[tuple[str, Any]]:
    """The smallest replacements turning ``old`` into ``new``: equal-shaped containers are narrowed per member."""
    if _same(old, new):
        return
    if isinstance(old, dict) and isinstance(new, dict) and list(old) == list(new):
        for key in old:
            yield from _changes(pointer_join(pointer, key), old[key], new[key])
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (before, after) in enumerate(zip(old, new, strict=True)):
            yield from _changes(f"{pointer}/{index}", before, after)
    else:
        yield pointer, new


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON text: ``1``, ``1.0`` and ``true`` differ, key order counts."""
    return json.dumps(a, default=repr) == json.dumps(b, default=repr)


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


def _overlaps(starts: list[int], ends: list[int], edit: _Edit) -> bool:
    """Whether ``edit`` overlaps a taken span: only the spans either side of its start can."""
    at = bisect.bisect_left(starts, edit.start)
    return any(edit.start < ends[i] and starts[i] < edit.end for i in (at - 1, at) if 0 <= i < len(starts))


def _apply(body: str, edits: list[_Edit]) -> str:
    """The edits (disjoint) made in one left-to-right join, not one copy of the file per edit."""
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: e.start):
        pieces += (body[position : edit.start], edit.text)
        position = edit.end
    pieces.append(body[position:])
    return "".join(pieces)


def _means(edited: str, kind: InputFormat, data: Any, plans: list[_Plan]) -> bool:
    """Whether ``edited`` reads back as ``data`` with the plans' changes made."""
    expected = copy.deepcopy(data)
    for plan in plans:
        for pointer, value in plan.changes:
            expected = _assign(expected, pointer, copy.deepcopy(value))
    document = _read(edited, kind)
    return document.usable and _same(document.data, expected)


def _resolve(data: Any, pointer: str) -> Any:
    for token in tokens(pointer):
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data


def _assign(data: Any, pointer: str, value: Any) -> Any:
    path = tokens(pointer)
    if not path:
        return value
    parent = _resolve(data, pointer.rsplit("/", 1)[0])
    parent[int(path[-1]) if isinstance(parent, list) else path[-1]] = value
    return data


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


class _BlockDumper(yaml.SafeDumper):
    """Block YAML with nested sequences indented under their key (the common hand-written style)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _yaml_text(value: Any, old_text: str, old_value: Any, body: str, start: int, newline: str, indent: int) -> str | None:
    """YAML for ``value`` in the style of the node it replaces; ``None`` for anchors, aliases and tags."""
    first = old_text[:1]
    if first in ("&", "*", "!"):
        return None  # the text may be shared with other paths
    if isinstance(old_value, dict | list) and first not in ("[", "{") and isinstance(value, dict | list) and value:
        column = start - (body.rfind("\n", 0, start) + 1)
        dumped = yaml.dump(
            value,
            Dumper=_BlockDumper,
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
    if first not in ("'", '"', "|", ">") and _PLAIN.fullmatch(value) and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _yaml_indent(body: str) -> int:
    """The file's smallest indentation step (2 when it has no nesting)."""
    widths = {len(line) - len(line.lstrip(" ")) for line in body.splitlines() if line.strip() and not line.lstrip().startswith("#")}
    return min((w for w in widths if w > 0), default=2)
