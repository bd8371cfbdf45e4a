"""``trigger_timestamp`` as the scheduling rules (RBV4xx) see it."""

from __future__ import annotations

from datetime import UTC, datetime

from validator.context import Context
from validator.json_values import is_finite_number

POINTER = "/trigger_timestamp"
DAY_MS = 86_400_000

# Epoch values in these ranges are 2001–2286 read in another unit: (name, to milliseconds).
_UNITS = (
    (1e9, 1e10, "seconds", 1000.0),
    (1e15, 1e16, "microseconds", 1e-3),
    (1e18, 1e19, "nanoseconds", 1e-6),
)


def trigger_timestamp(ctx: Context) -> float | int | None:
    """The value when it is a finite JSON number; other values are schema or reader errors."""
    value = ctx.document.get("trigger_timestamp")
    return value if is_finite_number(value) else None


def wrong_unit(value: float | int) -> tuple[str, float] | None:
    """``("seconds", 1000.0)`` when the value looks like an epoch time in another unit than milliseconds."""
    for low, high, unit, factor in _UNITS:
        if low <= value < high:
            return unit, factor
    return None


def milliseconds(ctx: Context) -> int | None:
    """The timestamp as plausible epoch milliseconds: a non-negative whole number in the right unit, else ``None``."""
    value = trigger_timestamp(ctx)
    if value is None or value < 0 or wrong_unit(value) is not None:
        return None
    return int(value) if float(value).is_integer() else None


def now_ms(ctx: Context) -> int:
    return int(ctx.settings.clock().timestamp() * 1000)


def when(ms: float) -> str:
    """``2027-01-01 08:00:00 UTC``; values no calendar can show are said in words."""
    try:
        return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (OverflowError, OSError, ValueError):
        return "a date beyond the year 9999"


def number(value: float | int) -> str:
    """``1798794000`` rather than ``1.79879e+09``; fractions as written."""
    return str(int(value)) if float(value).is_integer() else repr(value)
