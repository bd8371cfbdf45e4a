"""A clock at the end of the calendar (``--now 9999-12-31T23:59:59Z``) never breaks a rule."""

from __future__ import annotations

from tests.helpers import check, seed


def test_far_future_now_still_reports_unplaced_recipients_and_no_internal_error() -> None:
    payload = seed(
        call_time_window={"timezone": "America/Los_Angeles", "windows": [{"start": 540, "end": 1200}]},
        tasks=[{"to_number": "+12125550123"}, {"to_number": "+18005550100"}],  # toll-free: valid, anywhere on +1
    )
    report = check(payload, now="9999-12-31T23:59:59Z")
    codes = [d.code for d in report.diagnostics]
    assert "RBV000" not in codes
    assert [d.pointer for d in report.diagnostics if d.code == "RBV703"] == ["/tasks/1/to_number"]
