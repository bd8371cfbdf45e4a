"""Where in the payload is the cursor? Position → the key or value under it and its JSON pointer.

Hover and completion need this in documents that are often half-typed, so
neither reader here gives up on broken text: JSON is read by a tolerant token
scan (the one payload recognition uses), YAML through the composer's node
marks when it parses, else by indentation, line by line above the cursor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

import yaml

from validator.readers.decode import scrub
from validator.readers.recognize import JSON_TOKEN, decode_json_string

Role = Literal["key", "value"]
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Place:
    """The cursor's place: in the object or array at ``container``, on a key or on a value.

    ``name`` is the member's key (for a key: as typed so far) or, in an array, the
    item's index; ``token`` the offsets of the text under the cursor, quotes included.
    """

    container: tuple[str, ...]
    role: Role
    name: str | None
    token: tuple[int, int] | None = None
    siblings: frozenset[str] = frozenset()

    @property
    def path(self) -> tuple[str, ...]:
        """Pointer tokens of the member the cursor is on."""
        return self.container if self.name is None else (*self.container, self.name)


def place_at(text: str, offset: int, fmt: str) -> Place | None:
    """The place in JSON or YAML text (a caller that keeps :func:`yaml_root` for the text calls :func:`yaml_place`)."""
    return json_place(text, offset) if fmt == "json" else yaml_place(text, offset, yaml_root(text)) if fmt == "yaml" else None


def yaml_root(text: str) -> yaml.Node | None:
    """The YAML text's node tree with marks, or ``None`` when it does not parse (yet).

    Lone surrogates (an editor sends ``\\ud800`` as it is typed) become U+FFFD, one code point for one:
    libyaml cannot encode them, and every offset stays where it was.
    """
    try:
        return yaml.compose(scrub(text), Loader=_LOADER)
    except (yaml.YAMLError, RecursionError):
        return None


@dataclass
class _Frame:
    path: tuple[str, ...]
    is_object: bool
    key: str | None = None
    index: int = 0
    expect_key: bool = True
    keys: list[str] = field(default_factory=list)

    def member(self) -> str | None:
        return self.key if self.is_object else str(self.index)


def json_place(text: str, offset: int) -> Place | None:
    frames: list[_Frame] = []
    found: tuple[_Frame, Role, str | None, tuple[int, int] | None] | None = None

    def here(token: str | None, span: tuple[int, int] | None) -> tuple[_Frame, Role, str | None, tuple[int, int] | None] | None:
        if not frames:
            return None
        top = frames[-1]
        if top.is_object and top.expect_key:
            return top, "key", decode_json_string(token) if token else "", span
        return top, "value", top.member(), span

    for match in JSON_TOKEN.finditer(text):
        start, end = match.span()
        token = match.group()
        if found is None and start < offset <= end and token not in "{}[]:,":
            found = here(token, (start, end))
            if found is None:
                return None
        elif found is None and start >= offset:
            found = here(None, None)
            if found is None:
                return None
        if token in ("{", "["):
            parent = frames[-1] if frames else None
            path = () if parent is None else (*parent.path, parent.member() or "")
            frames.append(_Frame(path, token == "{"))
        elif token in ("}", "]"):
            if frames:
                closed = frames.pop()
                if found is not None and closed is found[0]:
                    break  # its keys are all known
        elif frames:
            top = frames[-1]
            if token == ",":
                top.expect_key, top.key = top.is_object, None
                top.index += not top.is_object
            elif token == ":":
                top.expect_key = False
            elif top.is_object and top.expect_key:
                top.key = decode_json_string(token)
                top.keys.append(top.key)
    if found is None:
        found = here(None, None)
        if found is None:
            return None
    frame, role, name, span = found
    siblings = set(frame.keys)
    if role == "key":
        siblings.discard(name or "")
    return Place(frame.path, role, name, span, frozenset(siblings))


def yaml_place(text: str, offset: int, root: yaml.Node | None) -> Place | None:
    """``root``: :func:`yaml_root` of ``text``."""
    found = _node_place(root, offset, ()) if root is not None else None
    return found or _indented_place(text, offset)


def _node_place(node: yaml.Node, offset: int, path: tuple[str, ...]) -> Place | None:
    """The key or scalar under the cursor, from the composer's marks (exact, flow style included)."""
    if isinstance(node, yaml.MappingNode):
        keys = frozenset(str(k.value) for k, _ in node.value if isinstance(k, yaml.ScalarNode))
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else None
            if name is None:
                continue
            if key.start_mark.index <= offset <= key.end_mark.index:
                return Place(path, "key", name, (key.start_mark.index, key.end_mark.index), keys - {name})
            if value.start_mark.index <= offset <= value.end_mark.index:
                if isinstance(value, yaml.ScalarNode):
                    return Place(path, "value", name, (value.start_mark.index, value.end_mark.index), keys)
                return _node_place(value, offset, (*path, name))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            if item.start_mark.index <= offset <= item.end_mark.index:
                if isinstance(item, yaml.ScalarNode):
                    return Place(path, "value", str(index), (item.start_mark.index, item.end_mark.index))
                return _node_place(item, offset, (*path, str(index)))
    return None


# A block YAML line: indentation, sequence dashes, then maybe `key:`.
_LINE = re.compile(r"""([ \t]*)((?:-[ \t]+)*)(?:("[^"\n]*"|'[^'\n]*'|[^\s:#'"][^:#\n]*?)[ \t]*:(?:[ \t]|$))?""")
_WORD = re.compile(r"[^\s:,#\[\]{}]*")


def _indented_place(text: str, offset: int) -> Place | None:
    """Block YAML that does not parse (yet): the key being typed, or the value after ``key:``, by indentation."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    match = _LINE.match(line)
    assert match is not None  # every part is optional
    column = len(match.group(1)) + len(match.group(2))
    if match.group(3) is not None and line_start + match.end() <= offset:  # after `key:`: its value
        key = _unquote(match.group(3))
        value_start = line_start + match.end()
        value = line[match.end() :].split(" #")[0].rstrip()
        container = _parents(text[:line_start], column, line[:column])
        return Place(container, "value", key, (value_start, value_start + len(value)))
    word_start = line_start + column
    if offset < word_start:
        return None
    word = _WORD.match(text, word_start)
    assert word is not None
    container = _parents(text[:line_start], column, line[:column])
    return Place(container, "key", text[word_start:offset], (word_start, max(offset, word.end())))


def _parents(above: str, column: int, dashes: str) -> tuple[str, ...]:
    """Pointer tokens of the block holding something at ``column``; ``dashes``: the cursor line's text before it.

    Walks up, right to left on each line: the nearest ``key:`` or ``- `` left of the
    current column is the parent; sibling dashes above an item give its index.
    """
    path: list[str] = []
    item: int | None = None  # column of the sequence item whose index is being counted
    count = 0
    for line in (dashes, *reversed(above.split("\n"))):
        for col, key in reversed(_entries(line)):
            if item is not None and key is None and col == item:
                count += 1
            elif col < column:
                if item is not None:
                    path.insert(0, str(count))
                    item = None
                if key is None:
                    item, count = col, 0
                else:
                    path.insert(0, key)
                column = col
        if column == 0 and item is None:
            break
    if item is not None:
        path.insert(0, str(count))
    return tuple(path)


def _entries(line: str) -> list[tuple[int, str | None]]:
    """The block YAML entries a line opens: ``(column, None)`` for each dash, ``(column, key)`` for its key."""
    if line.lstrip().startswith("#"):
        return []
    match = _LINE.match(line)
    assert match is not None
    indent = len(match.group(1))
    entries: list[tuple[int, str | None]] = [(indent + i, None) for i, char in enumerate(match.group(2)) if char == "-"]
    if match.group(3) is not None:
        entries.append((indent + len(match.group(2)), _unquote(match.group(3))))
    return entries


def _unquote(key: str) -> str:
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] and key[0] in "'\"" else key
