"""RBV402 schedule-timestamp-past: a trigger_timestamp before now (the injected clock); now itself is not past."""

from __future__ import annotations

from tests.helpers import check, check_text, one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.schedule import CLEAN, NOW_MS, QUIET, at

CODE = "RBV402"

CASES = [
    flags(
        "one millisecond before now",
        at(NOW_MS - 1),
        At("/trigger_timestamp", "warning", says="2026-06-01 11:59:59 UTC"),
    ),
    flags("zero: 1970", at(0), At("/trigger_timestamp", "warning")),
    flags("a clean timestamp a month after it", at(CLEAN), "/trigger_timestamp", now="2027-02-01T00:00:00Z"),
    flags(
        "in JSON text",
        '{"from_number": "+14157774444",\n "trigger_timestamp": 1735718400000,\n "tasks": []}',
        At("/trigger_timestamp", line=2),
        format="json",
    ),
    passes("seconds are RBV401's", at(1_798_794_000.123)),
    passes("negative values are RBV404's", at(-1)),
    *QUIET,
]

test_cases = cases_test(CODE, CASES)


def test_message_names_the_moment_and_now() -> None:
    assert "now is 2026-06-01 12:00:00 UTC" in one(check(at(NOW_MS - 1)), CODE).message


def test_past_timestamp_position_in_json() -> None:
    d = one(check_text('{"from_number": "+14157774444",\n "trigger_timestamp": 1735718400000,\n "tasks": []}', "json"), CODE)
    assert (d.line, d.column) == (2, 23)
