"""Fixes that add, remove and rename object members, as minimal text edits.

A :class:`~validator.diagnostics.Fix` made of several edits (a value moved where the
API reads it: removed here, set there) is resolved against the data into operations:
values replaced where they exist (narrowed to the leaves that change, as for one-value
fixes), members added to an object (objects missing on the way are created in the
added value), members removed, and a removal paired with an addition in the same
object written as a rename where the member stands. Each operation becomes text
edits in the file's own style:

* JSON: a member is added after the object's last one, on a line of its own with that
  member's indentation when the object has one member per line; a removed member takes
  its separator with it (the comma and the line break before the next member).
* YAML block mappings: a member is added on the line after the last member's value, at
  the members' column; a removed member takes its lines. Flow mappings (``{a: 1}``) are
  edited like JSON.

An object that would lose every member while gaining others is rewritten whole.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from validator.diagnostics import Edit
from validator.document import LineIndex, LocateRequest, Span
from validator.pointer import join as pointer_join
from validator.pointer import tokens

# Strings YAML may hold unquoted: word characters and a few safe punctuation marks,
# nothing that starts an indicator or ends a flow item; checked again by loading.
PLAIN = re.compile(r"\w[\w.@/+-]*(?: [\w.@/+-]+)*")


class BlockDumper(yaml.SafeDumper):
    """Block YAML with nested sequences indented under their key (the common hand-written style)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


@dataclass(frozen=True)
class TextEdit:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Insert:
    """A member added to the object at ``parent``, after its last member."""

    parent: str
    key: str
    value: Any


@dataclass(frozen=True)
class Remove:
    """The member ``key`` of the object at ``parent`` taken out."""

    parent: str
    key: str


@dataclass(frozen=True)
class Rename:
    """The member ``key`` of the object at ``parent`` renamed ``new`` where it stands."""

    parent: str
    key: str
    new: str


Operation = Insert | Remove | Rename


class Refused(Exception):
    """The edits cannot be made as text edits (the message says why)."""


def resolve(data: Any, pointer: str) -> Any:
    for token in tokens(pointer):
        data = data[int(token)] if isinstance(data, list) else data[token]
    return data


def operations(data: Any, edits: Sequence[Edit]) -> tuple[list[tuple[str, Any]], list[Operation]]:
    """``(replacements, member operations)`` for the edits on ``data``; raises :class:`Refused`.

    A replacement is ``(pointer, value)`` of a value that exists; the member operations are
    in the edits' order, with a removal and an addition in one object paired as a rename
    (its value, when it changes, is a replacement at the old member's pointer).
    """
    replacements: list[tuple[str, Any]] = []
    inserts: dict[tuple[str, str], Any] = {}
    removals: list[Remove] = []
    for edit in edits:
        path = tokens(edit.at)
        if edit.remove:
            parent = resolve(data, pointer_join("", *path[:-1])) if path and _existing_depth(data, path) == len(path) else None
            if not isinstance(parent, dict):
                raise Refused(f"there is no member at {edit.at or 'the document'} to remove")
            removals.append(Remove(pointer_join("", *path[:-1]), path[-1]))
            continue
        depth = _existing_depth(data, path)
        if depth == len(path):
            replacements.append((edit.at, edit.value))
            continue
        _object_at(data, path[:depth], edit.at)
        value = edit.value
        for token in reversed(path[depth + 1 :]):
            value = {token: value}
        where = (pointer_join("", *path[:depth]), path[depth])
        inserts[where] = _merged(inserts[where], value) if where in inserts else value
    pending = {where: value for where, value in inserts.items()}
    out: list[Operation] = []
    for removal in removals:
        old = resolve(data, pointer_join(removal.parent, removal.key))
        partner = next((where for where in pending if where[0] == removal.parent and _same_kind(old, pending[where])), None)
        if partner is None:
            out.append(removal)
            continue
        value = pending.pop(partner)
        out.append(Rename(removal.parent, removal.key, partner[1]))
        replacements.extend(narrowed(pointer_join(removal.parent, removal.key), old, value))
    out.extend(Insert(parent, key, value) for (parent, key), value in pending.items())
    return replacements, out


def _same_kind(old: Any, new: Any) -> bool:
    """Whether a renamed member's value can be rewritten in place (a scalar turning into an object is added anew)."""
    return isinstance(old, dict) == isinstance(new, dict) and isinstance(old, list) == isinstance(new, list)


def _object_at(data: Any, path: list[str], at: str) -> dict[str, Any]:
    node = resolve(data, pointer_join("", *path))
    if not isinstance(node, dict):
        raise Refused(f"{at}: the value at {pointer_join('', *path) or 'the document'} is not an object")
    return node


def _existing_depth(data: Any, path: list[str]) -> int:
    """How many tokens of ``path`` lead to existing values."""
    node = data
    for depth, token in enumerate(path):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isascii() and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return depth
    return len(path)


def _merged(a: Any, b: Any) -> Any:
    if isinstance(a, dict) and isinstance(b, dict):
        return {**a, **{k: _merged(a[k], v) if k in a else v for k, v in b.items()}}
    return b


def narrowed(pointer: str, old: Any, new: Any) -> Iterable[tuple[str, Any]]:
    """The smallest replacements turning ``old`` into ``new``: equal-shaped containers are narrowed per member."""
    if same(old, new):
        return
    if isinstance(old, dict) and isinstance(new, dict) and list(old) == list(new):
        for key in old:
            yield from narrowed(pointer_join(pointer, key), old[key], new[key])
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (before, after) in enumerate(zip(old, new, strict=True)):
            yield from narrowed(f"{pointer}/{index}", before, after)
    else:
        yield pointer, new


def same(a: Any, b: Any) -> bool:
    """Equal as JSON text: ``1``, ``1.0`` and ``true`` differ, key order counts."""
    return json.dumps(a, default=repr) == json.dumps(b, default=repr)


def expected(data: Any, replacements: Iterable[tuple[str, Any]], ops: Iterable[Operation]) -> Any:
    """``data`` (a copy) with the replacements and operations made, members in the order the text will have."""
    out = copy.deepcopy(data)
    for pointer, value in replacements:
        out = assign(out, pointer, copy.deepcopy(value))
    for op in ops:
        parent = resolve(out, op.parent)
        if isinstance(op, Insert):
            parent[op.key] = copy.deepcopy(op.value)
        elif isinstance(op, Remove):
            del parent[op.key]
        else:
            renamed = {(op.new if key == op.key else key): value for key, value in parent.items()}
            parent.clear()
            parent.update(renamed)
    return out


def assign(data: Any, pointer: str, value: Any) -> Any:
    path = tokens(pointer)
    if not path:
        return value
    parent = resolve(data, pointer.rsplit("/", 1)[0])
    parent[int(path[-1]) if isinstance(parent, list) else path[-1]] = value
    return data


def requests(data: Any, ops: Iterable[Operation]) -> set[LocateRequest]:
    """The positions the operations' edits are computed from."""
    wanted: set[LocateRequest] = set()
    for op in ops:
        wanted.add((op.parent, "value"))
        members = list(resolve(data, op.parent))
        for key in members if not isinstance(op, Insert) else members[-1:]:
            member = pointer_join(op.parent, key)
            wanted.update(((member, "key"), (member, "value")))
    return wanted


@dataclass(frozen=True)
class Style:
    """What member edits copy from the file: line break, JSON separators, YAML indentation step."""

    newline: str
    separators: tuple[str, str]
    indent: int


def member_edits(
    data: Any, ops: Sequence[Operation], body: str, json_text: bool, spans: dict[LocateRequest, Span], lines: LineIndex, style: Style
) -> list[TextEdit]:
    """The text edits making ``ops`` (one per object changed); raises :class:`Refused`."""
    by_parent: dict[str, list[Operation]] = {}
    for op in ops:
        by_parent.setdefault(op.parent, []).append(op)
    out: list[TextEdit] = []
    for parent, changes in by_parent.items():
        members = list(resolve(data, parent))
        removed = {op.key for op in changes if isinstance(op, Remove)}
        added = [op for op in changes if isinstance(op, Insert)]
        if removed and removed == set(members) and added:
            raise Refused(f"every member of {parent or 'the document'} would be replaced")
        text = _Text(body, json_text, spans, lines, style, parent)
        for op in changes:
            if isinstance(op, Rename):
                start, end = text.key(op.key)
                out.append(TextEdit(start, end, text.key_text(op.new)))
        out.extend(text.removals(members, removed))
        if added:
            out.append(text.insertion(members, added))
    return out


class _Text:
    """One object's text, and edits to its members."""

    def __init__(self, body: str, json_text: bool, spans: dict[LocateRequest, Span], lines: LineIndex, style: Style, parent: str) -> None:
        self.body, self.json, self.spans, self.lines, self.style, self.parent = body, json_text, spans, lines, style, parent
        self.start, self.end = self._offsets((parent, "value"))
        if not json_text and body[self.start : self.start + 1] in ("&", "*", "!"):
            raise Refused("anchored, aliased or tagged YAML values are not rewritten")
        self.flow = json_text or body[self.start : self.start + 1] == "{"

    def _offsets(self, request: LocateRequest) -> tuple[int, int]:
        span = self.spans.get(request)
        if span is None or span.end_line is None or span.end_column is None:
            raise Refused(f"the source position of {request[0] or 'the document'} is unknown")
        start, end = self.lines.offset(span.line, span.column), self.lines.offset(span.end_line, span.end_column)
        if not self.json:
            end = start + len(self.body[start:end].rstrip())  # block scalars and collections end past their line breaks
        return start, end

    def key(self, name: str) -> tuple[int, int]:
        return self._offsets((pointer_join(self.parent, name), "key"))

    def value(self, name: str) -> tuple[int, int]:
        return self._offsets((pointer_join(self.parent, name), "value"))

    def key_text(self, name: str) -> str:
        """A key (or a YAML flow string) as the file writes it: plain in YAML when it reads back as itself."""
        if self.json:
            return json.dumps(name, ensure_ascii=False)
        return name if PLAIN.fullmatch(name) and yaml.safe_load(name) == name else json.dumps(name, ensure_ascii=False)

    def removals(self, members: list[str], removed: set[str]) -> Iterable[TextEdit]:
        """One edit per run of removed members, taking the separator before the next member (or after the previous one)."""
        index = 0
        while index < len(members):
            if members[index] not in removed:
                index += 1
                continue
            last = index
            while last + 1 < len(members) and members[last + 1] in removed:
                last += 1
            yield self._removal(members, index, last)
            index = last + 1

    def _removal(self, members: list[str], first: int, last: int) -> TextEdit:
        if last + 1 < len(members):
            return TextEdit(self.key(members[first])[0], self.key(members[last + 1])[0], "")
        if first == 0:
            if not self.flow:
                raise Refused(f"every member of {self.parent or 'the document'} would be removed")
            return TextEdit(self.start + 1, self.end - 1, "")
        if self.flow:
            return TextEdit(self.value(members[first - 1])[1], self.value(members[last])[1], "")
        start = self.key(members[first])[0]
        line_start = self.body.rfind("\n", 0, start) + 1
        if self.body[line_start:start].strip():
            raise Refused(f"{pointer_join(self.parent, members[first])} does not start its line")
        end = self._line_end(self.value(members[last])[1])
        if end is None:  # the text's last line, without a line break: take the one before it
            end = len(self.body)
            line_start -= len(self.style.newline) if self.body[:line_start].endswith(self.style.newline) else 1
        return TextEdit(line_start, end, "")

    def _line_end(self, offset: int) -> int | None:
        """Past the line break ending the line of ``offset``; ``None`` on a last line without one."""
        found = self.body.find("\n", offset)
        return None if found == -1 else found + 1

    def insertion(self, members: list[str], added: list[Insert]) -> TextEdit:
        if not members:
            if not self.flow:  # an empty block mapping is written {} (flow)
                raise Refused(f"{self.parent or 'the document'} is not an object written with braces")
            texts = [self._flow_member(op.key, op.value, None) for op in added]
            return TextEdit(self.end - 1, self.end - 1, self.style.separators[0].join(texts))
        last_key, last_end = self.key(members[-1])[0], self.value(members[-1])[1]
        if self.flow:
            own_line = "\n" in self.body[self.start : last_key]
            indent = _line_indent(self.body, last_key) if own_line else None
            spaced = self.style.separators[0][1:] if self.json else " "
            separator = f",{self.style.newline}{indent}" if indent is not None else f",{spaced}"
            texts = [self._flow_member(op.key, op.value, indent) for op in added]
            return TextEdit(last_end, last_end, "".join(separator + t for t in texts))
        column = last_key - (self.body.rfind("\n", 0, last_key) + 1)
        lines = [self._block_member(op.key, op.value, column) for op in added]
        at = self._line_end(last_end)
        newline = self.style.newline
        if at is None:
            return TextEdit(len(self.body), len(self.body), "".join(newline + line for line in lines))
        return TextEdit(at, at, "".join(line + newline for line in lines))

    def _flow_member(self, key: str, value: Any, indent: str | None) -> str:
        """``"key": value`` (JSON, or YAML flow style, which JSON is); pretty-printed below ``indent`` when given."""
        colon = self.style.separators[1] if self.json else ": "
        name = json.dumps(key, ensure_ascii=False) if self.json else self.key_text(key)
        if indent is not None and isinstance(value, dict) and value:
            parent_indent = _line_indent(self.body, self.start)
            unit = indent[len(parent_indent) :] if indent.startswith(parent_indent) and len(indent) > len(parent_indent) else "  "
            text = json.dumps(value, ensure_ascii=False, indent=unit, separators=(",", colon)).replace("\n", self.style.newline + indent)
        elif not self.json and isinstance(value, str):
            text = self.key_text(value)
        else:
            text = json.dumps(value, ensure_ascii=False, separators=self.style.separators if self.json else (", ", ": "))
        return f"{name}{colon}{text}"

    def _block_member(self, key: str, value: Any, column: int) -> str:
        pad = " " * column
        if isinstance(value, list) and value and not any(isinstance(item, dict | list) for item in value):
            flow = yaml.dump(value, Dumper=BlockDumper, default_flow_style=True, allow_unicode=True, width=1 << 30)
            return f"{pad}{self.key_text(key)}: {flow.strip()}"  # a list of scalars on one line, as people write days
        dumped = yaml.dump(
            {key: value},
            Dumper=BlockDumper,
            indent=self.style.indent,
            default_flow_style=False,
            sort_keys=False,
            allow_unicode=True,
            width=1 << 30,
        )
        return pad + dumped.removesuffix("\n").replace("\n", self.style.newline + pad)


def _line_indent(body: str, offset: int) -> str:
    line_start = body.rfind("\n", 0, offset) + 1
    match = re.match(r"[ \t]*", body[line_start:offset])
    return match.group() if match else ""
