"""What a JSON value is, for every layer: its type name, whether a number is one JSON can carry, a short preview."""

from __future__ import annotations

import json
import math
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
    """A short JSON rendering of a value for messages."""
    try:
        text = _PREVIEW.encode(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
