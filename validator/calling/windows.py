"""``call_time_window.windows`` as the time-window rules (RBV3xx) see it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from validator.context import Context
from validator.json_values import is_finite_number

DAY = 1440  # minutes; ``end = 1440`` (24:00) is the end of the day
WINDOW = "/call_time_window"  # the cause of the calling-hours rules' grouped findings: a suppression there covers the group
WINDOWS = f"{WINDOW}/windows"


@dataclass(frozen=True, slots=True)
class Window:
    """A window whose ``start`` and ``end`` are whole minutes within the day (0 ≤ start < 1440, 0 ≤ end ≤ 1440)."""

    index: int
    start: int
    end: int

    @property
    def pointer(self) -> str:
        return f"{WINDOWS}/{self.index}"

    @property
    def label(self) -> str:
        return f"windows[{self.index}] ({clock(self.start)}–{clock(self.end)})"


def minute(value: Any) -> float | int | None:
    """A finite JSON number (not a boolean), else ``None``: other values are schema or reader errors."""
    return value if is_finite_number(value) else None


def whole_number(value: float | int) -> int | None:
    """A finite value as an int when it is a whole number (``540.0`` counts), else ``None``."""
    return value if isinstance(value, int) else int(value) if value.is_integer() else None


def window_field(ctx: Context, key: str) -> Any:
    """``call_time_window[key]``, or ``None`` when the window or the key is absent."""
    window = ctx.call_time_window
    return window.get(key) if window else None


def raw_windows(ctx: Context) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(index, window)`` for each window that is an object."""
    items = window_field(ctx, "windows")
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield index, item


def windows(ctx: Context) -> list[Window]:
    """The windows whose bounds are usable (other windows get a range or type finding instead)."""
    out = []
    for index, item in raw_windows(ctx):
        start, end = minute(item.get("start")), minute(item.get("end"))
        if start is None or end is None:
            continue
        start_min, end_min = whole_number(start), whole_number(end)
        if start_min is not None and end_min is not None and 0 <= start_min < DAY and 0 <= end_min <= DAY:
            out.append(Window(index, start_min, end_min))
    return out


def clock(minutes: int) -> str:
    """``540`` → ``09:00``; ``1440`` → ``24:00``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
