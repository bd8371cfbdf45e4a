"""Law findings' messages: barred ranges per day group, holidays of the recipient's region, the evidence, honest counts."""

from __future__ import annotations

from tests.calling.law_cases import about, batch, law, law_findings, number_in, zone_of
from validator.diagnostics import Severity

TEXAS = number_in("US", "TX")
QUIET = "2026-03-10T12:00:00Z"


def test_texas_message_says_which_range_falls_on_which_days() -> None:
    payload = batch(TEXAS, zone="America/Chicago", windows=[(480, 720)])
    [finding] = about(law_findings(payload, now=QUIET), law("US-TX"))
    assert (finding.code, finding.severity, finding.pointer) == ("RBV705", Severity.WARNING, "/tasks/0/to_number")
    assert "reaches these recipients at 08:00–09:00 local time on Monday–Saturday and at 08:00–12:00 on Sunday, first " in finding.message
    # Near miss: the same window on weekdays only has one range.
    weekdays = batch(TEXAS, zone="America/Chicago", windows=[(480, 720)], days=["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    [weekday] = about(law_findings(weekdays, now=QUIET), law("US-TX"))
    assert "at 08:00–09:00 local time on Monday–Friday, first " in weekday.message


def test_a_vendor_sourced_entry_says_so_and_a_statute_sourced_one_does_not() -> None:
    [texas] = about(law_findings(batch(TEXAS, zone="America/Chicago", windows=[(480, 540)]), now=QUIET), law("US-TX"))
    assert "[rests on a compliance vendor's table: the statute's text was not read]" in texas.message
    florida = number_in("US", "FL")
    [statute] = about(law_findings(batch(florida, zone="America/New_York", windows=[(1200, 1260)]), now=QUIET), law("US-FL"))
    assert "vendor" not in statute.message


def test_italy_days_before_a_holiday_have_saturday_hours_and_the_code_binds_its_adherents() -> None:
    rome = number_in("IT", None)
    payload = batch(rome, zone=zone_of(rome), windows=[(1140, 1200)], days=["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    found = about(law_findings(payload, now="2026-12-20T12:00:00Z", horizon=7), law("IT"))
    [finding] = [d for d in found if d.code == "RBV705"]
    assert [d.code for d in found] == ["RBV705", "RBV707"]  # and Christmas Day itself
    assert "binds the code's adherents" in finding.message
    assert "at 19:00–20:00 local time on the day before a holiday (Thu 2026-12-24)" in finding.message
    # Near miss: a week with no holiday.
    assert about(law_findings(payload, now="2026-03-08T12:00:00Z", horizon=7), law("IT")) == []


BARCELONA, MADRID, SPANISH_MOBILE = "+34932123456", "+34912345678", "+34612345678"
DIADA = "2026-09-06T12:00:00Z"  # the week of Fri 2026-09-11, Catalonia's national day


def test_a_regional_holiday_bars_its_region_and_not_a_neighbouring_one() -> None:
    friday = ["Friday"]
    [finding] = law_findings(batch(BARCELONA, zone="Europe/Madrid", windows=[(600, 660)], days=friday), now=DIADA, horizon=7)
    assert finding.code == "RBV707" and finding.message.startswith("Spain: ")
    assert "Fri 2026-09-11 (National Day of Catalonia)" in finding.message
    assert law_findings(batch(MADRID, zone="Europe/Madrid", windows=[(600, 660)], days=friday), now=DIADA, horizon=7) == []


def test_a_spanish_mobile_is_judged_by_every_regions_holidays() -> None:
    payload = batch(SPANISH_MOBILE, zone="Europe/Madrid", windows=[(600, 660)], days=["Friday"])
    [finding] = law_findings(payload, now=DIADA, horizon=7)
    assert finding.code == "RBV707"
    assert finding.message.startswith("1 task whose number does not tell where it rings (first +34612345678: somewhere in ES)")
    assert "Fri 2026-09-11 (National Day of Catalonia (CT))" in finding.message


def test_counts_name_the_tasks_whose_number_could_not_be_placed() -> None:
    florida = number_in("US", "FL")
    payload = batch(florida, florida, "not a number", "+999123", "", zone="America/New_York", windows=[(1200, 1260)])
    [finding] = about(law_findings(payload, now=QUIET), law("US-FL"))
    assert f": 2 tasks (first {florida}); 3 tasks whose number could not be placed (not a valid E.164 number: RBV2xx) are not checked" in (
        finding.message
    )
    # Near miss: every number placed, no such clause.
    [clean] = about(law_findings(batch(florida, florida, zone="America/New_York", windows=[(1200, 1260)]), now=QUIET), law("US-FL"))
    assert "could not be placed" not in clean.message and f": 2 tasks (first {florida})" in clean.message
