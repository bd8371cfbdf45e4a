"""RBV403 schedule-timestamp-far-future: a trigger_timestamp more than 365 days ahead of now."""

from __future__ import annotations

from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.schedule import NOW_MS, QUIET, YEAR_MS, at

CODE = "RBV403"

CASES = [
    flags("a year and a millisecond ahead", at(NOW_MS + YEAR_MS + 1), At("/trigger_timestamp", "warning", says="365 days ahead")),
    flags("a century ahead", at(10_000_000_000_000_000), At("/trigger_timestamp", says="more than a century ahead")),
    passes("seconds are RBV401's", at(1_798_794_000.123)),
    passes("zero is only past", at(0)),
    *QUIET,
]

test_cases = cases_test(CODE, CASES)
