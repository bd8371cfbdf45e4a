"""JSON payloads: strict parsing with diagnostics, and a lazy pointer → position map.

``json.loads`` does the parsing at C speed; hooks note what JSON tolerates but
the API does not (duplicate keys, ``NaN``/``Infinity``, overflowing numbers).
Their pointers are found by a walk that runs only when something was noted.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import sys
from collections.abc import Callable, Collection
from typing import Any

from validator.diagnostics import Finding
from validator.document import Document, Issue, LineIndex, LocateRequest, Span
from validator.json_values import same_value
from validator.pointer import join as pointer_join
from validator.pointer import tokens
from validator.readers import codes
from validator.readers.decode import replace_surrogates, scrub

_WS = re.compile(r"[ \t\n\r]*")
# A member: its key (group 1), up to its value; a scalar value (group 2) is read with the separator after it.
_MEMBER = re.compile(
    r'"([^"\\]*(?:\\.[^"\\]*)*)"[ \t\n\r]*:[ \t\n\r]*'
    r'(?:("[^"\\]*(?:\\.[^"\\]*)*"|-?[0-9][0-9.eE+-]*|true|false|null)[ \t\n\r]*,?[ \t\n\r]*)?'
)
_SEPARATOR = re.compile(r"[ \t\n\r]*,?[ \t\n\r]*")  # after a value: to the next member or the closing bracket
# Only finds where values end: integers stay text, so none is too long to skip.
_DECODER = json.JSONDecoder(parse_int=str)
# (value, end) from an offset, at C speed; StopIteration if none
_SCAN: Callable[[str, int], tuple[Any, int]] = _DECODER.scan_once  # type: ignore[attr-defined]
_WANT = ("want",)  # trie entry for the targets wanted at a pointer; no token (a str) can equal it
_NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
_DOUBLE_DIGITS = len(str(int(sys.float_info.max)))  # 309: shorter integers always fit a double
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _Hooks:
    """Collects what the parser tolerated; keeps flagged objects alive so ids stay unique."""

    def __init__(self) -> None:
        self.duplicates: list[tuple[dict[str, Any], list[tuple[str, bool]]]] = []  # (key, differs from the earlier value)
        self.non_finite = False

    def object_pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            earlier: dict[str, Any] = {}
            dups = []
            for key, value in pairs:
                if key in earlier:
                    dups.append((key, not same_value(earlier[key], value)))
                earlier[key] = value
            self.duplicates.append((obj, dups))
        return obj

    def constant(self, name: str) -> float:
        self.non_finite = True
        return _NON_FINITE[name]

    def float_(self, text: str) -> float:
        value = float(text)
        if math.isinf(value):
            self.non_finite = True
        return value

    def int_(self, text: str) -> int | float:
        """An integer a double cannot hold is infinity to most JSON readers (and to the API)."""
        if len(text) < _DOUBLE_DIGITS:
            return int(text)
        try:
            value = int(text)
        except ValueError:  # longer than Python's integer-parsing limit
            value = None
        if value is not None and abs(value) <= sys.float_info.max:
            return value
        self.non_finite = True
        return -math.inf if text.startswith("-") else math.inf


def read_json(text: str) -> Document:
    """Parse JSON text into a :class:`Document`; never raises on bad input."""
    if not text.strip():
        return Document(None, "json", [Issue(codes.EMPTY_DOCUMENT, Finding("", "the file is empty: expected a JSON object"), Span(1, 1))])
    hooks = _Hooks()
    try:
        data = json.loads(
            text, object_pairs_hook=hooks.object_pairs, parse_constant=hooks.constant, parse_float=hooks.float_, parse_int=hooks.int_
        )
    except json.JSONDecodeError as exc:
        return Document(None, "json", [_syntax_issue(exc)])
    except RecursionError:
        return Document(None, "json", [_too_deep()])
    doc = Document(data, "json", locator=JsonLocator(text, unique_keys=not hooks.duplicates))
    if hooks.duplicates or hooks.non_finite:
        doc.issues.extend(_noted_issues(data, hooks))
    if _SURROGATE_ESCAPE.search(text):
        doc.data, found = replace_surrogates(data)
        doc.issues.extend(found)
    if not isinstance(data, dict):
        doc.issues.append(codes.root_not_object(data))
    return doc


def _syntax_issue(exc: json.JSONDecodeError) -> Issue:
    hint = None
    msg = exc.msg
    if msg.startswith("Expecting property name enclosed in double quotes"):
        hint = "JSON keys need double quotes, and a trailing comma before } is not allowed"
    elif msg.startswith("Expecting value"):
        hint = "a trailing comma, a comment or a single-quoted string? JSON allows none of them"
    elif msg.startswith("Extra data"):
        hint = "the file holds more than one JSON value; a payload is one object"
    if exc.doc[exc.pos : exc.pos + 2] in ("//", "/*"):
        hint = "JSON has no comments: remove it"
    return Issue(codes.SYNTAX_ERROR, Finding("", f"invalid JSON: {msg}", hint), Span(exc.lineno, exc.colno))


def _too_deep() -> Issue:
    return Issue(codes.TOO_COMPLEX, Finding("", "the document is nested too deeply to check"), Span(1, 1))


def _noted_issues(data: Any, hooks: _Hooks) -> list[Issue]:
    """Find the pointers of the objects and numbers the hooks noted (a walk, only when needed)."""
    dup_ids = {id(obj): keys for obj, keys in hooks.duplicates}
    issues: list[Issue] = []
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            issues.extend(codes.duplicate_key(pointer_join(pointer, key), key, differs) for key, differs in dup_ids.get(id(node), ()))
            stack.extend((pointer_join(pointer, k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((f"{pointer}/{i}", v) for i, v in enumerate(node))
        elif hooks.non_finite and isinstance(node, float) and not math.isfinite(node):
            issues.append(codes.non_finite_number(pointer, node))
    return issues


class JsonLocator:
    """Finds the source span of JSON pointers in one pass, skipping unrelated subtrees at C speed."""

    def __init__(self, text: str, *, unique_keys: bool = False) -> None:
        self._text = text
        self._lines: LineIndex | None = None
        # With duplicate keys the last occurrence is the one parsed: every member must be seen.
        self._stop_early = unique_keys
        # Without duplicates, the parsed objects hold their members in source order (see validator.engine.document_order).
        self.in_document_order = unique_keys
        self._wanted = 0

    def locate(self, requests: Collection[LocateRequest]) -> dict[LocateRequest, Span]:
        trie: dict[str | tuple[str], Any] = {}
        for pointer, target in requests:  # 100,000 of them when every task has a finding: no setdefault({})
            node = trie
            for token in tokens(pointer):
                child = node.get(token)
                if child is None:
                    child = node[token] = {}
                node = child
            wants = node.get(_WANT)
            if wants is None:
                node[_WANT] = {target}
            else:
                wants.add(target)
        if self._lines is None:
            self._lines = LineIndex(self._text)
        out: dict[LocateRequest, Span] = {}
        self._wanted = len(set(requests))
        # The text parsed before; anything odd here only costs positions.
        with contextlib.suppress(ValueError, IndexError, RecursionError, StopIteration, _AllFound):
            self._walk(_WS.match(self._text, 0).end(), trie, "", None, out)  # type: ignore[union-attr]
        return out

    def _walk(
        self, pos: int, trie: dict[str | tuple[str], Any], pointer: str, key_at: tuple[int, int] | None, out: dict[LocateRequest, Span]
    ) -> int:
        text = self._text
        wants = trie.get(_WANT, ())
        children = len(trie) - (1 if wants else 0)
        if not children:
            end = _SCAN(text, pos)[1]
            self._record(out, pointer, wants, pos, end, key_at)
            return end
        start = pos
        char = text[pos]
        if char == "{":
            pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
            while text[pos] != "}":
                member = _MEMBER.match(text, pos)
                assert member is not None  # the text parsed before
                token = member.group(1)
                if "\\" in token:  # escaped: as the reader decoded and stored it
                    token = scrub(json.loads(f'"{token}"'))
                sub = trie.get(token)
                if sub is not None:
                    children -= 1
                if member.start(2) != -1:  # a scalar, read with what follows it
                    if sub is not None and _WANT in sub:
                        key_span = (pos, member.end(1) + 1)
                        self._record(out, pointer_join(pointer, token), sub[_WANT], member.start(2), member.end(2), key_span)
                    pos = member.end()
                else:
                    value = member.end()
                    if sub is None:
                        end = _SCAN(text, value)[1]
                    else:
                        end = self._walk(value, sub, pointer_join(pointer, token), (pos, member.end(1) + 1), out)
                    pos = _SEPARATOR.match(text, end).end()  # type: ignore[union-attr]
                if not children and self._stop_early:  # the rest holds nothing asked for: skip it at C speed
                    pos = _SCAN(text, start)[1] - 1
                    break
            end = pos + 1
        elif char == "[":
            pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
            index = 0
            while text[pos] != "]":
                sub = trie.get(str(index))
                pos = _SCAN(text, pos)[1] if sub is None else self._walk(pos, sub, f"{pointer}/{index}", None, out)
                pos = _SEPARATOR.match(text, pos).end()  # type: ignore[union-attr]
                index += 1
            end = pos + 1
        else:
            end = _SCAN(text, pos)[1]
        self._record(out, pointer, wants, start, end, key_at)
        return end

    def _record(
        self, out: dict[LocateRequest, Span], pointer: str, wants: Collection[str], start: int, end: int, key_at: tuple[int, int] | None
    ) -> None:
        if not wants:
            return
        assert self._lines is not None
        if "value" in wants:
            out[(pointer, "value")] = self._lines.span(start, end)
        if "key" in wants:
            out[(pointer, "key")] = self._lines.span(*(key_at or (start, end)))
        if self._stop_early and len(out) == self._wanted:  # nothing further on is asked for: stop reading
            raise _AllFound


class _AllFound(Exception):
    pass
