"""Is this file a create-batch-call payload? Decided from its content, never its name.

Used where files arrive unasked (an editor's open documents, a pre-commit run over every
JSON/YAML/CSV file), so that a task runner's ``Taskfile.yml``, ``.vscode/tasks.json``,
``package.json`` or an app's configuration is passed over. A payload key at the root is
not enough (go-task, VS Code, Gitpod and Kestra files all have ``tasks``); the value must
have a payload's shape:

* ``from_number``: a scalar (a string, or the number YAML 1.1 makes of ``+1415…``);
* ``tasks``: a list whose objects carry a task's own keys (``to_number`` or a lookalike such
  as ``phone_number``, ``retell_llm_dynamic_variables``, ``agent_override``, …);
* ``call_time_window``: an object with ``windows``, ``timezone`` or ``day``.

A contact list (CSV) is a payload when its header names a phone column (``phone number``
or a lookalike the CSV rules point out); a column named only ``number``, ``cell`` or
``tel`` counts when its values look like phone numbers.

Text that does not parse (a half-typed document in an editor, single-quoted keys, a raw
line break inside a string, a cut-off prefix) is read by tolerant scanners. There a root
payload key is enough unless what can be seen of its value contradicts the shape (``tasks``
a mapping, or a list whose complete items carry no task key): a broken payload is checked
and its syntax error reported, never passed over. Pure: no I/O.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from validator.readers import InputFormat, sniff_format
from validator.readers.csv.header import looks_like_phone
from validator.readers.csv.source import sniff_delimiter
from validator.readers.decode import BOMS, scrub

ROOT_KEYS = frozenset({"from_number", "tasks", "call_time_window"})
# A task's own keys in the spec (BatchCallTask), but ``metadata``: other formats' tasks have that word too.
TASK_KEYS = frozenset(
    {
        "to_number",
        "ignore_e164_validation",
        "override_agent_id",
        "override_agent_version",
        "agent_override",
        "retell_llm_dynamic_variables",
        "custom_sip_headers",
    }
)
WINDOW_KEYS = frozenset({"windows", "timezone", "day"})  # CallTimeWindow's keys
# Phone-like names that other tables use for other things (an invoice number, a spreadsheet cell).
WEAK_PHONE_NAMES = frozenset({"number", "cell", "tel"})
SAMPLED_ITEMS = 1_000  # list items looked at: a list whose first thousand objects are no tasks is no task list
SAMPLED_ROWS = 50  # CSV rows looked at

# A JSON token, tolerantly: a string (possibly unterminated: it stops at the line's end), punctuation, or a bare word.
JSON_TOKEN = re.compile(r'"(?:[^"\\\r\n]|\\.)*"?|[{}\[\]:,]|[^\s{}\[\]:,"]+')
_CLOSED_STRING = re.compile(r'"(?:[^"\\\r\n]|\\.)*"')
# Broken JSON's tokens: comments (JSONC) skipped, single-quoted strings read as strings. ``_SPANNING`` lets a
# string run across raw line breaks to its closing quote, for text whose strings hold them.
_BROKEN = r"""//[^\n]*|/\*(?:.|\n)*?(?:\*/|\Z)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|[{}\[\]:,]|[^\s{}\[\]:,"'/]+|/"""
_SPANNING = r"""//[^\n]*|/\*(?:.|\n)*?(?:\*/|\Z)|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|"(?:[^"\\\n]|\\.)*|'(?:[^'\\\n]|\\.)*|[{}\[\]:,]|[^\s{}\[\]:,"'/]+|/"""
_BROKEN_TOKENS = (re.compile(_BROKEN), re.compile(_SPANNING))
_SEPARATORS = re.compile(r"[\s_.\-]+")
# A root key in block YAML: at column 0, plain or quoted, followed by a colon, and what follows on the line.
_YAML_ROOT_KEY = re.compile(
    r"""^(?:"(from_number|tasks|call_time_window)"|'(from_number|tasks|call_time_window)'|(from_number|tasks|call_time_window))"""
    r"""[ \t]*:(?:[ \t](?P<rest>[^\n]*))?$""",
    re.M,
)
_YAML_NEXT_LINE = re.compile(r"^(?:[ \t]*(?:#[^\n]*)?\n)*(?P<indent>[ \t]*)(?P<item>- |-$)?", re.M)
# A phone number as a contact list writes it: a + and digits, grouped digits, or a spreadsheet's 1.21378E+10.
_PHONE_VALUE = re.compile(
    r"\+[\d\s().\-]{7,22}|\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}|1[\s.\-]\d{3}[\s.\-]\d{3}[\s.\-]\d{4}|\d\.\d+E\+\d+", re.I
)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def is_payload(source: str | bytes | Any, format: InputFormat | None = None) -> bool:
    """Whether ``source`` (text, bytes or already-parsed data) is a batch-call payload.

    ``format`` says how to read text; without it, it is sniffed as the readers sniff it
    (:func:`validator.readers.sniff_format`; a CSV must be named as such).
    """
    if isinstance(source, bytes):
        source = _text_of(source)
    if not isinstance(source, str):
        return isinstance(source, Mapping) and _shaped(source)
    text = source.removeprefix("\ufeff")
    text = text if text.isascii() else scrub(text)  # an editor's lone surrogate: libyaml cannot encode it
    if format == "csv":
        return _csv_payload(text)
    if format is None:
        format = sniff_format(text)
    return _json_payload(text) if format == "json" else _yaml_payload(text)


# -- shapes --------------------------------------------------------------------------------------------------------


class _Unknown:
    """A value the scan did not see (cut off, an alias, past the depth looked at)."""


UNKNOWN = _Unknown()


@dataclass(eq=False)
class _Node:
    """A mapping (``keys``) or a list (``items``) as far as a tolerant scan saw it; ``closed`` once its end was seen."""

    mapping: bool
    keys: dict[str, Any] = field(default_factory=dict)
    items: list[Any] = field(default_factory=list)
    closed: bool = False


def _shaped(root: Mapping[Any, Any]) -> bool:
    """A parsed document (or one scanned to its end) has a payload's shape."""
    return any(_verdict(key, root[key]) is True for key in ROOT_KEYS if key in root)


def _shaped_broken(root: _Node) -> bool:
    """A broken document scanned as far as it goes: a payload key whose value is not seen to contradict a payload's shape."""
    return any(_verdict(key, value) is not False for key, value in root.keys.items() if key in ROOT_KEYS)


def _verdict(key: str, value: Any) -> bool | None:
    """True: a payload's shape; False: not; None: too little seen to tell (an open list or mapping, a cut-off value)."""
    if isinstance(value, _Unknown):
        return None
    node = value if isinstance(value, _Node) else None
    mapping = node.mapping if node else isinstance(value, Mapping)
    listing = not node.mapping if node else isinstance(value, list)
    if key == "from_number":
        return not (mapping or listing)
    if key == "call_time_window":
        if not mapping:
            return False
        keys = node.keys if node else value
        return True if not WINDOW_KEYS.isdisjoint(keys) else (False if node is None or node.closed else None)
    if not listing:  # tasks
        return False
    items = node.items if node else value[:SAMPLED_ITEMS]
    complete = False
    for item in items:
        keys = item.keys if isinstance(item, _Node) and item.mapping else item if isinstance(item, Mapping) else None
        if keys is not None and any(is_task_key(k) for k in keys if isinstance(k, str)):
            return True
        complete = complete or not isinstance(item, _Node) or item.closed
    return False if node is None or complete or node.closed else None


def is_task_key(key: str) -> bool:
    """A key of the spec's task, ``to_number`` misspelt (``to_numer``, ``toNumber``), or a phone column's name (``phone_number``)."""
    if key in TASK_KEYS:
        return True
    squashed = _SEPARATORS.sub("", key.lower())
    if squashed == "tonumber" or (looks_like_phone(key) and squashed not in WEAK_PHONE_NAMES):
        return True
    return bool(difflib.get_close_matches(key.lower(), ["to_number"], n=1, cutoff=0.85))  # `number` alone is 0.8 away


# -- JSON ----------------------------------------------------------------------------------------------------------


def _json_payload(text: str) -> bool:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return any(_broken_payload(_scan(pattern.finditer(text))) for pattern in _BROKEN_TOKENS)
    return isinstance(data, dict) and _shaped(data)


def _broken_payload(root: _Node | None) -> bool:
    return root is not None and _shaped_broken(root)


def _scan(tokens: Iterable[re.Match[str]]) -> _Node | None:
    """The root object of broken JSON as far as the tokens show it: its keys, and two levels below (a task's keys)."""
    root: _Node | None = None
    stack: list[tuple[_Node | None, str | None]] = []  # open containers (None: below the depth kept) and each one's pending key
    expect_key = False
    for match in tokens:
        token = match.group()
        if token.startswith("/") and token[1:2] in ("/", "*"):
            continue  # a comment (JSONC)
        if not stack:
            if token != "{":
                return root  # a root that is no object, or the end of the first one
            root = _Node(True)
            stack.append((root, None))
            expect_key = True
            continue
        node, pending = stack[-1]
        if token in ("{", "["):
            child = _Node(token == "{") if len(stack) < 3 else None
            _attach(node, pending, UNKNOWN if child is None else child)
            stack.append((child, None))
            expect_key = token == "{"
        elif token in ("}", "]"):
            if node is not None:
                node.closed = True
            stack.pop()
            expect_key = False
            if not stack:
                return root
        elif token == ",":
            stack[-1] = (node, None)
            expect_key = node is not None and node.mapping
        elif token == ":":
            expect_key = False
        elif expect_key and (node is None or node.mapping):
            stack[-1] = (node, _string(token))
            if node is not None:
                node.keys.setdefault(_string(token), UNKNOWN)
            expect_key = False
        else:
            _attach(node, pending, None)  # a scalar
    return root


def _attach(node: _Node | None, key: str | None, value: Any) -> None:
    if node is None:
        return
    if node.mapping:
        if key is not None:
            node.keys[key] = value
    elif len(node.items) < SAMPLED_ITEMS:
        node.items.append(value)


def _string(token: str) -> str:
    """A key token's text: a double-quoted string decoded, a single-quoted one unquoted, a bare word as it is."""
    if token.startswith("'"):
        return token[1:-1] if len(token) > 1 and token.endswith("'") else token[1:]
    return decode_json_string(token)


def json_root_keys(text: str) -> Iterator[str]:
    """The keys of the root object, in order, from possibly broken JSON (nothing when the root is no object)."""
    depth = 0
    expect_key = False
    for match in JSON_TOKEN.finditer(text):
        token = match.group()
        if token in ("{", "["):
            if depth == 0 and token == "[":
                return
            depth += 1
            expect_key = token == "{" and depth == 1
        elif token in ("}", "]"):
            depth -= 1
            if depth <= 0:
                return
        elif depth == 1:
            if token == ",":
                expect_key = True
            elif token == ":":
                expect_key = False
            elif expect_key:
                yield decode_json_string(token)
        elif depth == 0:  # a root that is no object
            return


def decode_json_string(token: str) -> str:
    """A JSON string token's text (quotes off, escapes decoded); tolerant of a missing closing quote or a bad escape."""
    if not token.startswith('"'):
        return token
    body = token[1:-1] if _CLOSED_STRING.fullmatch(token) else token[1:]
    if "\\" not in body:
        return body
    try:
        decoded = json.loads(f'"{body}"')
    except ValueError:
        return body
    return decoded if isinstance(decoded, str) else body


# -- YAML ----------------------------------------------------------------------------------------------------------


def _yaml_payload(text: str) -> bool:
    """From YAML events (no aliases expanded, stopping at the first document's end); broken YAML adds a textual look at column 0.

    The walk stops as soon as a root value, or a task in ``tasks``, shows a payload's shape.
    """
    root: _Node | None = None
    stack: list[tuple[_Node | None, str | None, int]] = []  # open collections, each one's pending key and its child count
    try:
        for event in yaml.parse(text, Loader=_YAML_LOADER):
            if isinstance(event, yaml.StreamStartEvent | yaml.DocumentStartEvent):
                continue
            if root is None:
                if not isinstance(event, yaml.MappingStartEvent):
                    return False  # no root mapping
                root = _Node(True)
                stack.append((root, None, 0))
                continue
            if not stack:
                return False  # the first document ended without a payload's shape
            node, pending, count = stack[-1]
            is_key = node is not None and node.mapping and count % 2 == 0
            stack[-1] = (node, None if is_key else pending, count + 1)
            if isinstance(event, yaml.CollectionStartEvent):
                child = _Node(isinstance(event, yaml.MappingStartEvent)) if len(stack) < 3 and not is_key else None
                if not is_key:
                    _attach(node, pending, UNKNOWN if child is None else child)
                stack.append((child, None, 0))
            elif isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                if node is not None:
                    node.closed = True
                    if len(stack) in (1, 2) and _decides(root, stack[0][1], node):
                        return True
            elif is_key:
                key = event.value if isinstance(event, yaml.ScalarEvent) else None
                stack[-1] = (node, key, count + 1)
                if node is not None and key is not None:
                    node.keys.setdefault(key, UNKNOWN)
            else:
                scalar = UNKNOWN if isinstance(event, yaml.AliasEvent) else None
                _attach(node, pending, scalar)
                if node is root and pending is not None and _verdict(pending, scalar) is True:
                    return True
    except yaml.YAMLError as exc:
        if root is not None and _shaped_broken(root):
            return True
        mark = getattr(exc, "problem_mark", None)
        return _textual_yaml_payload(text, mark.index if mark is not None else 0, root)
    return False


def _decides(root: _Node, key: str | None, closed: _Node) -> bool:
    """A collection just closed shows a payload's shape: a root value (``call_time_window``) or one task of ``tasks``."""
    if key is None:
        return False
    value = root.keys.get(key)
    if value is closed:
        return _verdict(key, closed) is True
    listed = isinstance(value, _Node) and not value.mapping
    return key == "tasks" and listed and closed.mapping and any(is_task_key(k) for k in closed.keys)


def _textual_yaml_payload(text: str, error_at: int, seen: _Node | None) -> bool:
    """Root keys at column 0 that the events did not reach: each one's value judged by what follows it on its line or the next."""
    for match in _YAML_ROOT_KEY.finditer(text):
        key = next(g for g in match.groups()[:3] if g)
        if seen is not None and key in seen.keys and match.start() < error_at:
            continue  # the events saw it: judged above
        if _verdict(key, _textual_value(text, match)) is not False:
            return True
    return False


def _textual_value(text: str, match: re.Match[str]) -> Any:
    """What a block-YAML value looks like from its first line: a flow collection, a scalar, or a block below (a list or a mapping)."""
    rest = (match.group("rest") or "").strip()
    if rest.startswith("{"):
        return _Node(True)
    if rest.startswith("["):
        return _Node(False)
    if rest and not rest.startswith(("&", "!", "|", ">")):
        return None  # a scalar on the key's line
    below = _YAML_NEXT_LINE.match(text, match.end() + 1)
    if below is None or match.end() + 1 >= len(text):
        return UNKNOWN
    if below.group("item"):
        return _Node(False)
    return _Node(True) if below.group("indent") else UNKNOWN


# -- CSV -----------------------------------------------------------------------------------------------------------


def _csv_payload(text: str) -> bool:
    """The header row names a phone column; a weak name (``number``) counts when its values look like phone numbers.

    A header the csv module cannot read counts as a payload: checked, its problem is reported, never passed over.
    """
    first_line = text.split("\n", 1)[0]
    try:
        rows = list(csv.reader(text.splitlines()[: SAMPLED_ROWS + 1] or [""], delimiter=sniff_delimiter(first_line)))
    except csv.Error:
        return True
    header = rows[0] if rows else []
    weak = []
    for column, cell in enumerate(header):
        if cell.strip() and looks_like_phone(cell):
            if _SEPARATORS.sub("", cell.lower()) not in WEAK_PHONE_NAMES:
                return True
            weak.append(column)
    for column in weak:
        values = [row[column].strip() for row in rows[1:] if column < len(row) and row[column].strip()]
        if values and sum(bool(_PHONE_VALUE.fullmatch(value)) for value in values) * 2 > len(values):
            return True
    return False


def _text_of(data: bytes) -> str:
    """Bytes as text the way the readers decode them: a BOM names UTF-8, UTF-16 or UTF-32 (a UTF-16 payload is
    still a payload, and the check says the API reads UTF-8 only); anything else is UTF-8, damage replaced."""
    for mark, codec, _ in BOMS:
        if data.startswith(mark):
            return data[len(mark) :].decode(codec, errors="replace")
    return data.decode("utf-8", errors="replace")
