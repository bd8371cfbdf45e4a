"""The batch's schedule as the calling-time rules read it (validator.calling.reach): windows it cannot read give no schedule."""

from __future__ import annotations

from typing import Any

import pytest

from tests.calling.numbers import NY
from tests.helpers import check, seed


@pytest.mark.parametrize(
    "window",
    [
        {"windows": "9-5"},
        {"windows": [{"start": 1200, "end": 60}], "timezone": "Mars/Olympus"},
        {"windows": [{"start": 540.5, "end": True}], "day": "Monday"},
        {"windows": [{"start": 540, "end": 1020}], "day": ["Funday", 3], "timezone": None},
        {"windows": [None, {"start": -5, "end": 2000}, {"start": float("nan"), "end": 600}]},
    ],
)
def test_unreadable_windows_are_skipped_without_crashing(window: dict[str, Any]) -> None:
    payload = seed(tasks=[{"to_number": NY}, {"to_number": 5}, {"to_number": "(212) 555-0123"}], call_time_window=window)
    payload["trigger_timestamp"] = 1e30
    report = check(payload)
    assert not [d for d in report.diagnostics if d.code == "RBV000" or d.code.startswith("RBV7")]
