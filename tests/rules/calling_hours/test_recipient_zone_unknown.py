"""RBV703 recipient-zone-unknown: numbers whose zone cannot be told, and numbers in an area that spans several zones."""

from __future__ import annotations

from tests.calling.numbers import LA, TOLL_FREE, batch
from tests.helpers import check, one, seed
from tests.rules.cases import At, cases_test, flags, passes
from validator.diagnostics import Severity

CODE = "RBV703"

IDAHO = "+12085550123"  # Boise or Los Angeles
UNPLACED = (LA, "+18005550100", "+18885550100", "+80012345678")

CASES = [
    flags(
        "toll-free and non-geographic numbers, counted once",
        batch(*UNPLACED, windows=[(600, 1020)]),
        At("/tasks/1/to_number", "info", says="the time zone of 3 tasks cannot be told"),
    ),
    # 08:00 Los Angeles is 09:00 Boise, 20:00 Los Angeles is 21:00 Boise: checked against each, and said so.
    flags(
        "an area that spans two zones",
        batch(IDAHO, IDAHO, windows=[(480, 1200)]),
        At("/tasks/0/to_number", "info", says="2 tasks have numbers in an area that spans several time zones"),
    ),
    passes("a number in one zone", batch(LA, windows=[(480, 1200)])),
    passes("no window: RBV702 lists the zones", seed(tasks=[{"to_number": TOLL_FREE}, {"to_number": LA}])),
]

test_cases = cases_test(CODE, CASES)


def test_unplaced_numbers_name_how_many_zones_they_may_be_in() -> None:
    d = one(check(batch(*UNPLACED, windows=[(600, 1020)])), CODE)
    assert (d.pointer, d.severity) == ("/tasks/1/to_number", Severity.INFO)
    assert "42 zones" in d.message


def test_an_area_spanning_zones_names_them() -> None:
    d = one(check(batch(IDAHO, IDAHO, windows=[(480, 1200)])), CODE)
    assert "America/Boise or America/Los_Angeles" in d.message
