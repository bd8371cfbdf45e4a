"""Payloads shared by the time-window rules' tests (RBV3xx)."""

from __future__ import annotations

from typing import Any

from tests.helpers import seed

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def window(*pairs: tuple[Any, Any], **extra: Any) -> dict[str, Any]:
    """A payload whose call_time_window has these (start, end) windows, in Los Angeles unless told."""
    extra.setdefault("timezone", "America/Los_Angeles")
    return seed(call_time_window={"windows": [{"start": s, "end": e} for s, e in pairs], **extra})


# Windows, zone and days of the wrong types: the schema's findings, never a window rule's nor a failed rule.
WRONG_TYPES = tuple(
    seed(call_time_window={"windows": value, "timezone": 5, "day": [1, "Monday"]})
    for value in ([{"start": "9", "end": None}, 5, {"start": True, "end": []}], "all day", {"windows": 1})
)
