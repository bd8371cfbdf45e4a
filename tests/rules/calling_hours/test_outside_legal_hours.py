"""RBV705 outside-legal-hours: local times the calling-time law where each recipient is bars, one finding per jurisdiction.

Every entry of the law table at its boundaries: tests/calling/test_law_entries.py.
"""

from __future__ import annotations

from tests.calling.numbers import FLORIDA, LOUISIANA, NEVADA, TOLL_FREE, batch, law_codes
from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from validator import Settings
from validator.diagnostics import Severity

CODE = "RBV705"

EVERY_DAY_TO_21 = batch("+12125550123", FLORIDA, FLORIDA, zone="America/New_York", windows=[(540, 1260)])
# Phoenix keeps MST; New York springs forward on Sunday 2026-03-08: 17:30 Phoenix is 19:30, then 20:30 in Miami.
PHOENIX_TO_MIAMI = batch(FLORIDA, zone="America/Phoenix", windows=[(360, 1050)])
WEEK = Settings(horizon_days=7)
THREE_STATES = batch(FLORIDA, LOUISIANA, NEVADA, windows=[(300, 1260)])

CASES = [
    flags("Florida until 21:00", EVERY_DAY_TO_21, At("/tasks/1/to_number", "warning", says="Florida: ")),
    flags(
        "Florida a minute past 20:00",
        batch(FLORIDA, zone="America/New_York", windows=[(540, 1201)]),
        At("/tasks/0/to_number", "warning", says="at 20:00–20:01 local time"),
    ),
    passes("Florida until 20:00 (half-open)", batch(FLORIDA, zone="America/New_York", windows=[(540, 1200)])),
    flags(
        "Miami after New York springs forward",
        PHOENIX_TO_MIAMI,
        At("/tasks/0/to_number", says="first Sun 2026-03-08 20:00 America/New_York"),
        now="2026-03-05T12:00:00Z",
        settings=WEEK,
    ),
    passes("Miami the week before the switch", PHOENIX_TO_MIAMI, now="2026-02-20T12:00:00Z", settings=WEEK),
    flags(
        "the federal rule, Florida's and Louisiana's",
        THREE_STATES,
        At("/tasks/0/to_number", says="United States (federal): "),
        At("/tasks/0/to_number", says="Florida: "),
        At("/tasks/1/to_number", says="Louisiana: "),
    ),
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
    # 14:00-17:00 New York, Tuesday to Thursday: 08:00-11:00 in Hawaii, 15:30-18:30 in Newfoundland: every entry allows it.
    passes(
        "a toll-free number in a window every place allows",
        batch(TOLL_FREE, zone="America/New_York", windows=[(840, 1020)], days=["Tuesday", "Wednesday", "Thursday"]),
    ),
]

test_cases = cases_test(CODE, CASES)


def test_finding_says_jurisdiction_rule_times_first_example_and_count() -> None:
    finding = one(check(EVERY_DAY_TO_21), CODE)
    assert (finding.pointer, finding.severity, finding.name) == ("/tasks/1/to_number", Severity.WARNING, "outside-legal-hours")
    assert finding.message == (
        "Florida: telephone solicitation calls only 08:00–20:00 every day, local time "
        "(Fla. Stat. 501.616(6)(a) (as amended by 2021 CS/SB 1120)); call_time_window (09:00–21:00 America/New_York) "
        "reaches these recipients at 20:00–21:00 local time on every day, first Mon 2026-06-01 20:00 America/New_York: "
        "2 tasks (first +13055550123)"
    )
    assert (
        finding.hint is not None
        and "retell-validate split" in finding.hint
        and 'set call-purpose to what they are: "informational"' in finding.hint
    )


def test_near_miss_florida_until_20_gives_no_law_finding() -> None:
    assert law_codes(check(batch(FLORIDA, zone="America/New_York", windows=[(540, 1200)]))) == []


def test_one_finding_per_jurisdiction_never_per_task() -> None:
    numbers = [f"+1305555{n:04d}" for n in range(50)]
    found = law_codes(check(batch(*numbers, zone="America/New_York", windows=[(420, 1260)])))
    assert [(d.code, d.message.split(":")[0]) for d in found] == [("RBV705", "United States (federal)"), ("RBV705", "Florida")]
    assert all(": 50 tasks (first +13055550000)" in d.message for d in found)


def test_dst_week_in_the_recipient_zone_moves_the_window() -> None:
    finding = one(check(PHOENIX_TO_MIAMI, now="2026-03-05T12:00:00Z", settings=WEEK), CODE)
    assert "at 20:00–20:30 local time on Monday–Wednesday, Sunday," in finding.message  # Sun 8 to Wed 11
    assert "first Sun 2026-03-08 20:00 America/New_York" in finding.message
    # Near miss: the same window a week earlier, before the switch, stays inside 08:00–20:00.
    assert law_codes(check(PHOENIX_TO_MIAMI, now="2026-02-20T12:00:00Z", settings=WEEK)) == []


def test_informational_calls_silence_solicitation_rules_only() -> None:
    assert {d.code for d in law_codes(check(THREE_STATES))} == {"RBV705", "RBV706", "RBV708"}
    informational = check(THREE_STATES, settings=Settings(call_purpose="informational"))
    # Florida's rule is for solicitation only; Louisiana's (La. R.S. 45:811) reaches calls soliciting information.
    assert [(d.code, d.message.split(":")[0]) for d in law_codes(informational)] == [
        ("RBV705", "Louisiana"),
        ("RBV706", "Louisiana"),
        ("RBV708", "Nevada (automatic dialing and announcing devices)"),
    ]


def test_a_number_that_does_not_tell_its_place_is_judged_by_the_strictest() -> None:
    """One finding per rule for such a number (never one per place it could be), naming the laws that bar it."""
    found = law_codes(check(batch(TOLL_FREE, zone="America/New_York", windows=[(540, 1260)])))
    assert [(d.code, d.pointer, d.severity.value) for d in found] == [
        ("RBV705", "/tasks/0/to_number", "warning"),
        ("RBV706", "/tasks/0/to_number", "warning"),
        ("RBV707", "/tasks/0/to_number", "warning"),
        ("RBV708", "/tasks/0/to_number", "warning"),
    ]
    hours = found[0].message
    assert hours.startswith(
        "1 task whose number does not tell where it rings (first +18005550199: somewhere on +1) judged by the strictest place it could be: "
        "call_time_window (09:00–21:00 America/New_York) reaches them at "
    )
    assert "which the law on telephone solicitation calls bars in " in hours
    assert "Florida 08:00–20:00 every day (Fla. Stat. 501.616(6)(a)" in hours  # among the first laws named, with its citation


def test_near_miss_a_window_every_place_allows_gives_an_unplaced_number_no_law_finding() -> None:
    payload = batch(TOLL_FREE, zone="America/New_York", windows=[(840, 1020)], days=["Tuesday", "Wednesday", "Thursday"])
    assert [d.code for d in law_codes(check(payload, now="2026-06-01T12:00:00Z"))] == []
