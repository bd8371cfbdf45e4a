"""Payloads shared by the phone rules' tests (RBV2xx)."""

from __future__ import annotations

from typing import Any

from tests.helpers import seed, with_task


def tasks(*numbers: Any, **extra: Any) -> dict[str, Any]:
    """The seed payload with one task per number, each with ``extra`` fields."""
    return seed(tasks=[{"to_number": n, **extra} for n in numbers])


# Numbers of the wrong type everywhere: the schema's findings (RBV102), never a phone rule's nor a failed rule.
WRONG_TYPES = (
    seed(from_number=None, tasks=[{"to_number": ["+1"]}, 3, {"to_number": True}]),
    with_task(to_number={"a": 1}),
)
