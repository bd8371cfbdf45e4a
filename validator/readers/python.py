"""Python payloads (``validate()``): checked as the JSON an HTTP client would send.

``json.dumps`` then :func:`read_json` is the fast path (both at C speed), so a
parsed dict and its JSON text get the same diagnostics. When ``json.dumps``
refuses the object, or silently changes it (``int`` keys become strings, tuples
become arrays, ``NaN`` is written as a non-JSON literal), a walk names each
such place and builds the JSON-shaped copy that is then read the same way.
"""

from __future__ import annotations

import json
from typing import Any

from validator.diagnostics import Finding
from validator.document import Document, Issue
from validator.json_values import type_name
from validator.pointer import join as pointer_join
from validator.readers import codes
from validator.readers.json import read_json

_SCALARS = (str, int, float, bool, type(None))


def read_python(payload: Any) -> Document:
    """A :class:`Document` for a Python object; never raises, never mutates ``payload``."""
    if not isinstance(payload, (dict, list, tuple, *_SCALARS)):
        return Document(None, "python", [codes.root_not_object(payload)])
    document = _read_dumped(payload)
    if document is not None and (document.data is None or _compares_equal(document.data, payload)):
        return document
    data, issues = _json_shaped(payload)
    document = _read_dumped(data) or Document(
        None, "python", [Issue(codes.TOO_COMPLEX, Finding("", "the payload is nested too deeply to check"))]
    )
    document.issues[:0] = issues
    return document


def _read_dumped(value: Any) -> Document | None:
    try:
        text = json.dumps(value)
    except (TypeError, ValueError, RecursionError):  # not JSON-shaped, or circular, or too deep to write
        return None
    document = read_json(text)
    # Positions in our own dump would mislead: a Python payload has pointers only.
    return Document(document.data, "python", document.issues)


def _compares_equal(parsed: Any, payload: Any) -> bool:
    try:
        return bool(parsed == payload)
    except Exception:  # an exotic __eq__ or a very deep structure: take the careful path
        return False


def _json_key(key: Any) -> str:
    """The key ``json.dumps`` writes for a non-string key (``str()`` for the ones it refuses)."""
    if isinstance(key, bool | int | float) or key is None:
        return json.dumps(key)
    return str(key)


# A path as a chain of (parent path, token) links: each level adds one link, where a pointer
# string per level would copy the whole path again (quadratic in the depth).
_Path = tuple[Any, str | int] | None
_LEAVE = object()  # marks leaving a container on the stack


def _pointer(path: _Path) -> str:
    parts: list[str | int] = []
    while path is not None:
        path, token = path
        parts.append(token)
    return pointer_join("", *reversed(parts))


def _json_shaped(payload: Any) -> tuple[Any, list[Issue]]:
    """A JSON-shaped copy: tuples → lists, keys → strings, other values → null; each change but tuples reported."""
    issues: list[Issue] = []
    holder: list[Any] = [None]
    on_path: set[int] = set()
    # (path, value, container to store into, slot); path _LEAVE = leaving the container ``value``
    stack: list[tuple[Any, Any, Any, Any]] = [(None, payload, holder, 0)]
    while stack:
        path, value, parent, slot = stack.pop()
        if path is _LEAVE:
            on_path.discard(id(value))
            continue
        if isinstance(value, _SCALARS):
            parent[slot] = value
        elif isinstance(value, dict | list | tuple):
            if id(value) in on_path:
                issues.append(Issue(codes.TOO_COMPLEX, Finding(_pointer(path), "this value contains itself (a circular reference)")))
                continue
            on_path.add(id(value))
            stack.append((_LEAVE, value, None, None))
            if isinstance(value, dict):
                copy: dict[str, Any] = {}
                for key, item in value.items():
                    name = key if isinstance(key, str) else _json_key(key)
                    if name is not key:
                        sent = (
                            "JSON sends it as"
                            if isinstance(key, bool | int | float) or key is None
                            else "json.dumps refuses it; checked as"
                        )
                        message = f"key {key!r} is {type_name(key)}, not a string; {sent} {json.dumps(name)}"
                        issues.append(Issue(codes.NON_STRING_KEY, Finding(_pointer((path, name)), message, target="key")))
                    copy[name] = None
                    stack.append(((path, name), item, copy, name))
                parent[slot] = copy
            else:
                items: list[Any] = [None] * len(value)
                stack.extend(((path, i), item, items, i) for i, item in reversed(list(enumerate(value))))
                parent[slot] = items
        else:
            message = f"{type(value).__name__} value {_short_repr(value)} cannot be sent as JSON; it is checked as null"
            issues.append(Issue(codes.NOT_JSON_VALUE, Finding(_pointer(path), message, "convert it to a string, number, list or object")))
    return holder[0], issues


def _short_repr(value: Any) -> str:
    try:
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 60 else text[:59] + "…"
