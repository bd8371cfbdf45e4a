"""What a JSON value is, for every layer: its type name, whether a number is one JSON can carry, a short preview."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any, TypeGuard

_JSON_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"),
    (int, "integer"),
    (float, "number"),
    (str, "string"),
    (dict, "object"),
    (list, "array"),
    (type(None), "null"),
)


def type_name(value: Any) -> str:
    """The JSON type of a Python value (``boolean`` before ``integer``: bool is an int)."""
    for python_type, name in _JSON_TYPES:
        if isinstance(value, python_type):
            return name
    return type(value).__name__


_PREVIEW = json.JSONEncoder(ensure_ascii=False, default=str)  # json.dumps(…) would build one per call


def preview(value: Any, limit: int = 60) -> str:
    """A short JSON rendering of a value for messages (at most ``limit`` characters, ``…`` when cut)."""
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]  # encode only what can be shown: a value may be megabytes, quoted per alias
    try:
        if isinstance(value, dict | list | tuple):  # a container may be huge: encode only what can be shown
            text = "".join(_bounded(_PREVIEW.iterencode(value), limit + 1))
        else:  # a scalar, already short: the C encoder in one call (100,000 findings quote their values)
            text = _PREVIEW.encode(value)
    except (TypeError, ValueError):
        text = quote(repr(value), limit + 1)
    return quote(text, limit)


def quote(text: str, limit: int = 60) -> str:
    """Input text as a message embeds it: at most ``limit`` characters, cut with ``…`` (as ruff and mypy do).

    Every message that names a key or value from the input goes through here or :func:`preview`, so
    a finding's size does not depend on the input's, however often an alias repeats a value.
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bounded(chunks: Iterator[str], limit: int) -> Iterator[str]:
    """The encoder's chunks until ``limit`` characters are out (a huge container is never fully encoded)."""
    written = 0
    for chunk in chunks:
        yield chunk
        written += len(chunk)
        if written >= limit:
            return


def is_finite_number(value: Any) -> TypeGuard[int | float]:
    """An int or a finite float, not a bool: a number the API can receive."""
    return isinstance(value, int | float) and not isinstance(value, bool) and (isinstance(value, int) or math.isfinite(value))


def same_value(a: Any, b: Any) -> bool:
    """Equal as JSON values: ``true`` is not ``1`` and ``1`` is not ``1.0`` (Python's ``==`` says both are).

    Iterative: called from inside the parser's object hook, already deep in the document.
    """
    pending = [(a, b)]
    while pending:
        x, y = pending.pop()
        if type(x) is not type(y):
            return False
        if isinstance(x, dict):
            if x.keys() != y.keys():
                return False
            pending.extend((x[k], y[k]) for k in x)
        elif isinstance(x, list):
            if len(x) != len(y):
                return False
            pending.extend(zip(x, y, strict=True))
        elif x != y:
            return False
    return True
