"""Sets of minutes of the day as sorted, disjoint ``[start, end)`` intervals."""

from __future__ import annotations

from collections.abc import Iterable

Interval = tuple[int, int]


def merge(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sorted, overlapping and touching intervals joined."""
    out: list[Interval] = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)


def intersect(left: tuple[Interval, ...], right: tuple[Interval, ...]) -> tuple[Interval, ...]:
    """The minutes in both."""
    return merge((max(a, c), min(b, d)) for a, b in left for c, d in right if max(a, c) < min(b, d))


def subtract(left: tuple[Interval, ...], right: tuple[Interval, ...]) -> tuple[Interval, ...]:
    """The minutes of ``left`` outside every interval of ``right``."""
    out = list(left)
    for c, d in right:
        out = [piece for a, b in out for piece in ((a, min(b, c)), (max(a, d), b)) if piece[0] < piece[1]]
    return merge(out)
