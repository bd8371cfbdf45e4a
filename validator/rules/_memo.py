"""Share a view of the document between rules: computed once per :class:`Context`, not once per rule."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from validator.context import Context

T = TypeVar("T")


def per_document(view: Callable[[Context], T]) -> Callable[[Context], T]:
    """Cache ``view(ctx)`` for the context being checked (one entry: documents are checked one at a time)."""
    last: list[tuple[weakref.ref[Context], T]] = []

    @wraps(view)
    def cached(ctx: Context) -> T:
        if last and last[0][0]() is ctx:
            return last[0][1]
        value = view(ctx)
        last[:] = [(weakref.ref(ctx), value)]
        return value

    return cached
