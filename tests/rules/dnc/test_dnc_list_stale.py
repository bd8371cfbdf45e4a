"""RBV904 dnc-list-stale: national data older than 31 days when the batch starts (now, or a trigger_timestamp ahead)."""

from __future__ import annotations

from tests.dnc.lists import FRESH, OPT_OUTS, STALE, calls, screened
from tests.helpers import seed
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV904"
JUNE_1 = 1780315200000  # 2026-06-01T12:00:00Z, the tests' now
JULY_1 = JUNE_1 + 30 * 86_400_000

CASES = [
    flags(
        "32 days old",
        calls("+12125550100"),
        At("/tasks", "warning", says="FTC-april (as of 2026-04-30) is 32 days old when the batch starts on 2026-06-01"),
        settings=screened(STALE),
    ),
    passes("31 days old", calls("+12125550100"), settings=screened(FRESH)),
    flags(
        "old when a later trigger starts the batch",
        {**calls("+12125550100"), "trigger_timestamp": JULY_1},
        At("/tasks", says="is 61 days old"),
        settings=screened(FRESH),
    ),
    passes("informational calls", calls("+12125550100"), settings=screened(STALE, purpose="informational")),
    passes("an internal list has no registry date to keep", calls("+12125550100"), settings=screened(OPT_OUTS), now="2027-01-01T00:00:00Z"),
    passes("no task, no call", seed(tasks=[]), settings=screened(STALE)),
]

test_cases = cases_test(CODE, CASES)
