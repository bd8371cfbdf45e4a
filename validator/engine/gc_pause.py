"""Pause Python's cyclic garbage collector while one payload is read and checked.

A payload is a tree of dicts and lists: it holds no reference cycles, and a check
creates no cyclic garbage worth collecting. But every container allocated counts
toward the collector's thresholds, so while a 1,000,000-task document is built and
walked, the collector traverses everything allocated so far over and over: for a
1M-task file, ``json.loads`` alone takes 3–5 s with it and ~1.4 s without (the
time grows faster than the size). Reference counting still frees everything; the
collector is restored, as it was, when the check returns.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def gc_paused(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` with the cyclic collector off (unless it already is)."""

    @wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused
