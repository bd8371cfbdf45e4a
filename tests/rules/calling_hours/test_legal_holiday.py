"""RBV707 legal-holiday: the batch's calendar reaches a public holiday on which the recipient's jurisdiction bars calls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from click.testing import CliRunner

from tests.calling.numbers import FLORIDA, LOUISIANA, NEVADA, TOLL_FREE, batch, law_codes, ms, number_in
from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from validator import Settings
from validator.cli.main import main
from validator.diagnostics import Severity

CODE = "RBV707"

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
LOUISIANA_WEEKDAYS = batch(LOUISIANA, zone="America/Chicago", windows=[(600, 1020)], days=WEEKDAYS)
ONE_DAY = Settings(horizon_days=1)


def louisiana_from(moment: str) -> dict[str, object]:
    return LOUISIANA_WEEKDAYS | {"trigger_timestamp": ms(moment)}


CASES = [
    flags(
        "Independence Day (observed) within the horizon",
        LOUISIANA_WEEKDAYS,
        At("/tasks/0/to_number", "warning", says="Fri 2026-07-03 (Independence Day (observed))"),
        now="2026-06-28T12:00:00Z",
    ),
    passes("the week after", LOUISIANA_WEEKDAYS, now="2026-07-06T12:00:00Z"),
    flags(
        "a day's run on Labor Day",
        louisiana_from("2026-09-07T00:00:00-05:00"),
        At("/tasks/0/to_number", says="Labor Day"),
        settings=ONE_DAY,
    ),
    passes("a day's run the day after Labor Day", louisiana_from("2026-09-08T00:00:00-05:00"), settings=ONE_DAY),
    flags(
        "Rhode Island's own Independence Day, which the holidays package lacks",
        batch(number_in("US", "RI"), zone="America/New_York", windows=[(600, 1020)], days=WEEKDAYS),
        At("/tasks/0/to_number", says="Mon 2026-05-04 (Rhode Island Independence Day (May 4))"),
        now="2026-05-01T12:00:00Z",
    ),
    flags(
        "Pennsylvania's Flag Day",
        batch(number_in("US", "PA"), zone="America/New_York", windows=[(600, 1020)]),
        At("/tasks/0/to_number", says="Sun 2026-06-14 (Flag Day (June 14))"),
        now="2026-06-10T12:00:00Z",
    ),
    passes("three states, none with a holiday in the horizon", batch(FLORIDA, LOUISIANA, NEVADA, windows=[(300, 1260)])),
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


def test_holiday_finding_names_the_date_the_first_example_and_the_rule() -> None:
    finding = one(check(LOUISIANA_WEEKDAYS, now="2026-06-28T12:00:00Z"), CODE)
    assert (finding.pointer, finding.severity, finding.name) == ("/tasks/0/to_number", Severity.WARNING, "legal-holiday")
    assert "on holidays, when it allows no calls: Fri 2026-07-03 (Independence Day (observed))," in finding.message
    assert "first Fri 2026-07-03 10:00 America/Chicago" in finding.message


def test_near_miss_the_week_after_gives_no_law_finding() -> None:
    assert law_codes(check(LOUISIANA_WEEKDAYS, now="2026-07-06T12:00:00Z")) == []


def test_only_future_dates_within_the_horizon_count() -> None:
    july_fourth_weekend = datetime(2026, 7, 3, 15, tzinfo=UTC)
    assert one(check(LOUISIANA_WEEKDAYS | {"trigger_timestamp": int(july_fourth_weekend.timestamp() * 1000)}), CODE)
    later = july_fourth_weekend + timedelta(days=3)
    assert law_codes(check(LOUISIANA_WEEKDAYS | {"trigger_timestamp": int(later.timestamp() * 1000)})) == []


def test_explain_lists_the_jurisdictions_the_rule_checks() -> None:
    result = CliRunner().invoke(main, ["explain", CODE])
    assert result.exit_code == 0
    assert "US-LA             Louisiana: 08:00–20:00 Monday–Saturday, no calls Sunday; no calls on holidays" in result.output
    assert "US-FL" not in result.output  # Florida has no holiday rule
