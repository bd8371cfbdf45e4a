"""RBV708 automated-call-hours: hours a jurisdiction allows calls by an automatic dialing device, whatever their purpose."""

from __future__ import annotations

from tests.calling.numbers import FLORIDA, LOUISIANA, NEVADA, TOLL_FREE, batch, law_codes
from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from validator import Settings
from validator.diagnostics import Severity

CODE = "RBV708"

INFORMATIONAL = Settings(call_purpose="informational")

CASES = [
    flags(
        "Nevada from 08:00",
        batch(NEVADA, NEVADA, windows=[(480, 1200)]),
        At("/tasks/0/to_number", "warning", says="at 08:00–09:00 local time"),
    ),
    flags("Nevada a minute before 09:00", batch(NEVADA, windows=[(539, 1200)]), At("/tasks/0/to_number", says="at 08:59–09:00 local time")),
    passes("Nevada from 09:00", batch(NEVADA, windows=[(540, 1200)])),
    passes("Nevada until 21:00", batch(NEVADA, windows=[(540, 1260)])),
    flags("Nevada a minute past 21:00", batch(NEVADA, windows=[(540, 1261)]), At("/tasks/0/to_number", says="at 21:00–21:01 local time")),
    flags(
        "informational calls too",
        batch(FLORIDA, LOUISIANA, NEVADA, windows=[(300, 1260)]),
        At("/tasks/2/to_number", "warning", says="Nevada (automatic dialing and announcing devices): "),
        settings=INFORMATIONAL,
    ),
    flags(
        "a toll-free number judged by the strictest place",
        batch(TOLL_FREE, zone="America/New_York", windows=[(540, 1260)]),
        At("/tasks/0/to_number", "warning"),
    ),
    passes(
        "a toll-free number in a window every place allows",
        batch(TOLL_FREE, zone="America/New_York", windows=[(840, 1020)], days=["Tuesday", "Wednesday", "Thursday"]),
    ),
]

test_cases = cases_test(CODE, CASES)


def test_one_finding_per_state_with_rule_citation_count_and_a_hint_without_call_purpose() -> None:
    finding = one(check(batch(NEVADA, NEVADA, windows=[(480, 1200)])), CODE)
    assert (finding.pointer, finding.severity, finding.name) == ("/tasks/0/to_number", Severity.WARNING, "automated-call-hours")
    assert finding.message.startswith("Nevada (automatic dialing and announcing devices): automated calls only 09:00–21:00 every day")
    assert "(NRS 597.814(2)(a))" in finding.message and "at 08:00–09:00 local time on every day" in finding.message
    assert ": 2 tasks (first +17025550123)" in finding.message
    assert finding.hint is not None and "call-purpose" not in finding.hint  # purpose does not change a device rule


def test_near_miss_nevada_from_09_gives_no_law_finding() -> None:
    assert law_codes(check(batch(NEVADA, windows=[(540, 1200)]))) == []
