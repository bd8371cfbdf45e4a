"""RBV706 legal-no-call-day: a weekday, on the recipient's own clock, on which their jurisdiction allows no calls."""

from __future__ import annotations

from tests.calling.numbers import FLORIDA, LOUISIANA, NEVADA, TOLL_FREE, batch, law_codes
from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from validator import Settings
from validator.diagnostics import Severity

CODE = "RBV706"

QUIET = "2026-03-10T12:00:00Z"  # no holiday in the table's calendars for two weeks
WEEKDAYS_AND_SATURDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
# Saturday 21:00 in Los Angeles is Sunday 11:00 in Sydney: barred by the Australian standard.
SYDNEY_ON_SUNDAY = batch("+61291234567", zone="America/Los_Angeles", windows=[(1260, 1320)], days=["Saturday"])
THREE_STATES = batch(FLORIDA, LOUISIANA, NEVADA, windows=[(300, 1260)])

CASES = [
    flags(
        "Louisiana on Sunday",
        batch(LOUISIANA, zone="America/Chicago", windows=[(600, 1020)]),
        At("/tasks/0/to_number", "warning", says="on Sunday, when it allows no calls (Sun 2026-03-15, Sun 2026-03-22)"),
        now=QUIET,
    ),
    passes(
        "Louisiana kept off Sunday by day",
        batch(LOUISIANA, zone="America/Chicago", windows=[(600, 1020)], days=WEEKDAYS_AND_SATURDAY),
        now=QUIET,
    ),
    # Sunday 00:00-01:00 New York is still Saturday 23:00-24:00 in Louisiana (RBV705's hours, not a barred day) …
    passes(
        "Sunday in New York, still Saturday in Louisiana",
        batch(LOUISIANA, zone="America/New_York", windows=[(0, 60)], days=["Sunday"]),
        now=QUIET,
    ),
    # … and an hour later it is Sunday there too.
    flags(
        "Sunday in New York and in Louisiana",
        batch(LOUISIANA, zone="America/New_York", windows=[(60, 120)], days=["Sunday"]),
        At("/tasks/0/to_number", "warning"),
        now=QUIET,
    ),
    flags("Sunday in Sydney from a Saturday in Los Angeles", SYDNEY_ON_SUNDAY, At("/tasks/0/to_number", says="Australia: "), now=QUIET),
    flags("Louisiana among three states", THREE_STATES, At("/tasks/1/to_number", says="Louisiana: ")),
    # La. R.S. 45:811 reaches calls "soliciting information"; Florida's rule is for solicitation only.
    flags(
        "informational calls to Louisiana",
        THREE_STATES,
        At("/tasks/1/to_number", says="Louisiana: "),
        settings=Settings(call_purpose="informational"),
    ),
    passes("informational calls to Florida", batch(FLORIDA, windows=[(300, 1260)]), settings=Settings(call_purpose="informational")),
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


def test_sunday_finding_names_the_dates_count_and_first_example() -> None:
    finding = one(check(batch(LOUISIANA, zone="America/Chicago", windows=[(600, 1020)]), now=QUIET), CODE)
    assert (finding.pointer, finding.severity) == ("/tasks/0/to_number", Severity.WARNING)
    assert "on Sunday, when it allows no calls (Sun 2026-03-15, Sun 2026-03-22)" in finding.message
    assert "first Sun 2026-03-15 10:00 America/Chicago: 1 task (first +15045550123)" in finding.message


def test_near_miss_kept_out_by_day_gives_no_law_finding() -> None:
    payload = batch(LOUISIANA, zone="America/Chicago", windows=[(600, 1020)], days=WEEKDAYS_AND_SATURDAY)
    assert law_codes(check(payload, now=QUIET)) == []


def test_sunday_in_the_recipient_zone_not_the_batch_zone() -> None:
    finding = one(check(SYDNEY_ON_SUNDAY, now=QUIET), CODE)
    assert finding.message.startswith("Australia: ") and "on Sunday, when it allows no calls (Sun 2026-03-15" in finding.message
