"""Is this file a create-batch-call payload? Decided from its content, never its name.

A payload is a JSON or YAML object with ``from_number``, ``tasks`` or
``call_time_window`` at its root, or a CSV contact list whose header has a
phone-number column. Used where files arrive unasked (an editor's open
documents, a pre-commit run over every JSON/YAML/CSV file), so that
``package.json`` or an app's config YAML is passed over.

Only the root keys are looked at, scanning as little as needed: the first
payload key found ends the scan. Text that does not parse (yet: a half-typed
document in an editor) is recognised by the same scan, which tolerates broken
syntax. Pure: no I/O.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import yaml

from validator.readers import InputFormat, sniff_format
from validator.readers.csv.header import looks_like_phone
from validator.readers.csv.source import sniff_delimiter
from validator.readers.decode import BOMS

ROOT_KEYS = frozenset({"from_number", "tasks", "call_time_window"})

# A JSON token, tolerantly: a string (possibly unterminated: it stops at the line's end), punctuation, or a bare word.
JSON_TOKEN = re.compile(r'"(?:[^"\\\r\n]|\\.)*"?|[{}\[\]:,]|[^\s{}\[\]:,"]+')
_CLOSED_STRING = re.compile(r'"(?:[^"\\\r\n]|\\.)*"')
# A root key in block YAML: at column 0, plain or quoted, followed by a colon.
_YAML_ROOT_KEY = re.compile(
    r"""^(?:"(from_number|tasks|call_time_window)"|'(from_number|tasks|call_time_window)'|(from_number|tasks|call_time_window))[ \t]*:(?:[ \t]|$)""",
    re.M,
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
        return isinstance(source, Mapping) and not ROOT_KEYS.isdisjoint(source)
    text = source.removeprefix("\ufeff")
    if format == "csv":
        return _csv_has_phone_column(text)
    if format is None:
        format = sniff_format(text)
    keys = json_root_keys(text) if format == "json" else _yaml_root_keys(text)
    return any(key in ROOT_KEYS for key in keys)


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


def _yaml_root_keys(text: str) -> Iterable[str]:
    """Root keys from YAML events (no aliases expanded, stops early); broken YAML falls back to a textual look at column 0."""
    keys: list[str] = []
    depth = 0
    child = 0  # index of the next node in the root mapping: even ones are keys
    try:
        for event in yaml.parse(text, Loader=_YAML_LOADER):
            if isinstance(event, yaml.StreamStartEvent | yaml.DocumentStartEvent):
                continue
            if depth == 0:
                if not isinstance(event, yaml.MappingStartEvent):
                    return keys  # no root object (or the first document ended)
                depth = 1
            elif isinstance(event, yaml.CollectionStartEvent):
                child += depth == 1
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                if depth == 0:
                    return keys
            elif depth == 1:
                if child % 2 == 0 and isinstance(event, yaml.ScalarEvent):
                    keys.append(event.value)
                    if event.value in ROOT_KEYS:
                        return keys
                child += 1
    except yaml.YAMLError:
        return [*keys, *(next(g for g in m.groups() if g) for m in _YAML_ROOT_KEY.finditer(text))]
    return keys


def _csv_has_phone_column(text: str) -> bool:
    """Whether the header row names a phone column (``phone number`` or a lookalike the CSV rules point out).

    A header the csv module cannot read counts as a payload: checked, its problem is reported, never passed over.
    """
    first_line = text.split("\n", 1)[0]
    try:
        header = next(csv.reader(text.splitlines()[:50] or [""], delimiter=sniff_delimiter(first_line)), [])
    except csv.Error:
        return True
    return any(looks_like_phone(cell) for cell in header if cell.strip())


def _text_of(data: bytes) -> str:
    """Bytes as text the way the readers decode them: a BOM names UTF-8, UTF-16 or UTF-32 (a UTF-16 payload is
    still a payload, and the check says the API reads UTF-8 only); anything else is UTF-8, damage replaced."""
    for mark, codec, _ in BOMS:
        if data.startswith(mark):
            return data[len(mark) :].decode(codec, errors="replace")
    return data.decode("utf-8", errors="replace")
