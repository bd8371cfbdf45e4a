"""Every applied entry of the calling-time law at its boundaries, on the recipient's clock (or the statute's own), with near misses.

Data-driven from the table: for each day kind, a minute inside each window, the last minute inside, the minute
before it opens and the minute it closes; a day without calls is flagged whole. Then the items of the audit by hand.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.calling.law_cases import WEEKDAY_NAMES, about, batch, law, law_findings, number_in, purpose_of, quiet_week, zone_of
from validator.calling.law_table import Law, laws
from validator.calling.windows import clock
from validator.diagnostics import Severity

APPLIED = [entry for entry in laws() if entry.applied]
DAY_OF_KIND = {0: 2, 1: 5, 2: 6}  # weekday → Wednesday, Saturday, Sunday (offsets from Monday)


def run(entry: Law, start: int, end: int, day_offset: int) -> list[str]:
    """The messages of the findings about ``entry`` for one window on one local date of a quiet week."""
    number = number_in(entry.country, entry.subdivision)
    monday = quiet_week(entry, number)
    zone = entry.clock.zone if entry.clock is not None else zone_of(number)  # the statute's own clock: windows written on it
    payload = batch(number, zone=zone, windows=[(start, end)], days=[WEEKDAY_NAMES[day_offset]])
    now = f"{monday - timedelta(days=1)}T12:00:00Z"
    found = about(law_findings(payload, now=now, purpose=purpose_of(entry), horizon=8), entry)
    return [f"{d.code} {d.severity.value} {d.message}" for d in found]


@pytest.mark.parametrize("entry", APPLIED, ids=lambda entry: entry.id)
def test_every_applied_entry_at_its_boundaries(entry: Law) -> None:
    assert entry.rule is not None
    hours_code = "RBV708" if entry.scope.automated else "RBV705"
    day_code = "RBV708" if entry.scope.automated else "RBV706"
    clock_words = entry.clock.name if entry.clock is not None else "local time"
    for kind, windows in enumerate(entry.rule.hours):
        day = DAY_OF_KIND[kind]
        if not windows:
            found = run(entry, 720, 721, day)
            assert len(found) == 1 and found[0].startswith(f"{day_code} warning "), (entry.id, found)
            assert f"on {WEEKDAY_NAMES[day]}, when it allows no calls" in found[0]
            continue
        for start, end in windows:
            assert run(entry, start, start + 1, day) == [], f"{entry.id} {WEEKDAY_NAMES[day]}: {clock(start)} is inside"
            assert run(entry, end - 1, end, day) == [], f"{entry.id} {WEEKDAY_NAMES[day]}: the minute before {clock(end)} is inside"
            if start > 0 and not any(b == start for _, b in windows):
                before = run(entry, start - 1, start, day)
                assert len(before) == 1 and before[0].startswith(f"{hours_code} warning "), (entry.id, before)
                assert f"at {clock(start - 1)}–{clock(start)} {clock_words} on {WEEKDAY_NAMES[day]}" in before[0]
            if end < 1440 and not any(a == end for a, _ in windows):
                after = run(entry, end, end + 1, day)
                assert len(after) == 1 and after[0].startswith(f"{hours_code} warning "), (entry.id, after)
                assert f"at {clock(end)}–{clock(end + 1)} {clock_words} on {WEEKDAY_NAMES[day]}" in after[0]


def test_applied_entries_cover_the_audit() -> None:
    applied = {entry.id for entry in APPLIED}
    assert {"US-SD/automated", "CA-BC", "IT", "ZA", "CO", "BR-RJ", "US/debt-collection", "US-KY/automated", "US-NE/automated"} <= applied
    assert {"US-PA/SB992", "BR", "IN", "US-WY"} & applied == set()


# ---- the audit's items, by hand -----------------------------------------------------------------

MISSISSIPPI = number_in("US", "MS")


def test_mississippi_is_read_on_central_standard_time_in_summer() -> None:
    """08:00 CDT is 07:00 CST: barred by the statute's words; 20:30 CDT is 19:30 CST: allowed (the federal 21:00 still holds)."""
    weekdays = list(WEEKDAY_NAMES[:6])
    early = law_findings(batch(MISSISSIPPI, zone="America/Chicago", windows=[(480, 540)], days=weekdays), now="2026-06-01T12:00:00Z")
    [finding] = about(early, law("US-MS"))
    assert finding.code == "RBV705" and finding.severity is Severity.WARNING
    assert "only 08:00–20:00 Monday–Saturday, no calls Sunday, Central Standard Time as the statute words it (UTC−06:00 all year" in (
        finding.message
    )
    assert "at 07:00–08:00 Central Standard Time on Monday–Saturday" in finding.message
    assert "first Mon 2026-06-01 07:00 Central Standard Time" in finding.message
    late = batch(MISSISSIPPI, zone="America/Chicago", windows=[(1200, 1260)], days=["Monday"])
    assert about(law_findings(late, now="2026-06-01T12:00:00Z"), law("US-MS")) == []


def test_mississippi_in_winter_is_the_local_clock() -> None:
    """Near miss: on Central Standard Time 08:00–20:00 local is exactly the statute's hours."""
    payload = batch(MISSISSIPPI, zone="America/Chicago", windows=[(480, 1200)], days=["Monday", "Tuesday"])
    assert about(law_findings(payload, now="2026-12-06T12:00:00Z"), law("US-MS")) == []


PENNSYLVANIA = number_in("US", "PA")


def test_pennsylvania_sunday_is_not_barred_by_a_bill() -> None:
    payload = batch(PENNSYLVANIA, zone="America/New_York", windows=[(600, 660)], days=["Sunday"])
    assert law_findings(payload, now="2026-11-01T12:00:00Z") == []


def test_pennsylvania_holiday_ban_continues_after_2026_10_17() -> None:
    payload = batch(PENNSYLVANIA, zone="America/New_York", windows=[(600, 660)], days=["Thursday"])
    [finding] = law_findings(payload, now="2026-11-22T12:00:00Z")
    assert (finding.code, finding.pointer) == ("RBV707", "/tasks/0/to_number")
    assert finding.message.startswith("Pennsylvania: ") and "Thu 2026-11-26 (Thanksgiving Day)" in finding.message
    # Near miss: the week after.
    assert law_findings(payload, now="2026-11-29T12:00:00Z") == []


def test_oregon_applies_from_2026() -> None:
    oregon = number_in("US", "OR")
    payload = batch(oregon, zone="America/Los_Angeles", windows=[(1200, 1260)], days=["Wednesday"])
    [finding] = about(law_findings(payload, now="2026-01-04T12:00:00Z"), law("US-OR"))
    assert "(ORS 646.563 as amended by HB 3865 (2025), in force 2026-01-01)" in finding.message
    assert about(law_findings(payload, now="2025-12-01T12:00:00Z", horizon=7), law("US-OR")) == []


def test_louisiana_cites_its_statute_and_bars_sundays_and_state_holidays() -> None:
    louisiana = number_in("US", "LA")
    payload = batch(louisiana, zone="America/Chicago", windows=[(600, 660)])
    found = about(law_findings(payload, now="2026-06-28T12:00:00Z", horizon=7), law("US-LA"))
    assert [d.code for d in found] == ["RBV706", "RBV707"]
    assert all("(La. R.S. 45:811 (Consumer Telemarketing Protection Act of 1991))" in d.message for d in found)
    assert "Fri 2026-07-03 (Independence Day (observed))" in found[1].message


def test_south_dakota_automated_solicitation_weekdays_only() -> None:
    dakota = number_in("US", "SD")
    saturday = batch(dakota, zone=zone_of(dakota), windows=[(600, 660)], days=["Saturday"])
    [finding] = about(law_findings(saturday, now="2026-03-10T12:00:00Z"), law("US-SD/automated"))
    assert finding.code == "RBV708" and "on Saturday, when it allows no calls" in finding.message
    weekday = batch(dakota, zone=zone_of(dakota), windows=[(600, 660)], days=["Friday"])
    assert about(law_findings(weekday, now="2026-03-10T12:00:00Z"), law("US-SD/automated")) == []


def test_british_columbia_statutory_holiday_and_a_neighbouring_province_without_the_rule() -> None:
    payload = batch(number_in("CA", "BC"), number_in("CA", "AB"), zone="America/Vancouver", windows=[(720, 780)], days=["Monday"])
    found = law_findings(payload, now="2026-08-01T12:00:00Z", horizon=7)  # Mon 2026-08-03: British Columbia Day
    [holiday] = [d for d in found if d.code == "RBV707"]
    assert holiday.message.startswith("British Columbia: ") and "Mon 2026-08-03 (British Columbia Day)" in holiday.message
    assert ": 1 task (first " in holiday.message  # the Alberta number is not barred


def test_south_africa_saturday_afternoon_and_colombia_sunday_collection() -> None:
    africa = number_in("ZA", None)
    saturday = batch(africa, zone="Africa/Johannesburg", windows=[(780, 840)], days=["Saturday"])
    [finding] = about(law_findings(saturday, now="2026-03-10T12:00:00Z", horizon=7), law("ZA"))
    assert "at 13:00–14:00 local time on Saturday" in finding.message
    colombia = batch(number_in("CO", None), zone="America/Bogota", windows=[(600, 660)], days=["Sunday"])
    [sunday] = about(law_findings(colombia, now="2026-03-10T12:00:00Z", purpose="debt-collection"), law("CO"))
    assert sunday.code == "RBV706" and sunday.message.startswith(
        "Colombia (Ley 2300 de 2023): telephone solicitation and debt-collection calls only"
    )


def test_rio_de_janeiro_and_a_sao_paulo_number_without_the_state_law() -> None:
    payload = batch("+552123456789", "+551123456789", zone="America/Sao_Paulo", windows=[(1080, 1140)], days=["Wednesday"])
    [finding] = law_findings(payload, now="2026-03-10T12:00:00Z")
    assert finding.message.startswith("Rio de Janeiro (state): ") and ": 1 task (first +552123456789)" in finding.message
