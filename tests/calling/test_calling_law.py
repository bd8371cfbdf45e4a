"""Calling-time law at each recipient's location (RBV705-RBV708), the places numbers ring, and the law table."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

import phonenumbers
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from phonenumbers import geocoder

from tests.helpers import check, one, seed
from validator import Diagnostic, Settings
from validator.calling.law_table import Law, Scope, holiday_snapshot, laws
from validator.calling.recipients import groups, is_e164
from validator.calling.windows import clock
from validator.cli.lawdoc import DOC, GEOCODES, SNAPSHOT, render_table, with_table
from validator.cli.main import main
from validator.config import ConfigError, load_config
from validator.context import Context
from validator.diagnostics import Severity
from validator.knowledge.locations import (
    _all_nanp_descriptions,
    geocode_snapshot,
    location_for,
    nanp_descriptions,
    subdivision_names,
    zones_of,
)
from validator.knowledge.phones import E164_PATTERN
from validator.knowledge.recipient_zones import zones_for
from validator.openapi.load import load_spec

FLORIDA, LOUISIANA, NEVADA, TOLL_FREE = "+13055550123", "+15045550123", "+17025550123", "+18005550199"
WEEKDAY_FOR_KIND = {0: "Wednesday", 1: "Saturday", 2: "Sunday"}
QUIET_WEEKS = ("2026-03-10T12:00:00Z", "2027-03-02T12:00:00Z")  # no holiday of any calendar in the table within 7 days


def batch(*numbers: str, zone: str, windows: list[tuple[int, int]], days: list[str] | None = None, **fields: Any) -> dict[str, Any]:
    window: dict[str, Any] = {"timezone": zone, "windows": [{"start": a, "end": b} for a, b in windows]}
    if days is not None:
        window["day"] = days
    return seed(tasks=[{"to_number": n} for n in numbers], call_time_window=window, **fields)


def about(findings: list[Diagnostic], law: Law) -> list[Diagnostic]:
    return [d for d in findings if d.message.startswith(f"{law.name}: ")]


def law_codes(report: Any) -> list[Diagnostic]:
    return [d for d in report.diagnostics if d.code in ("RBV705", "RBV706", "RBV707", "RBV708")]


@cache
def number_in(country: str, subdivision: str | None, *, one_zone: bool = True) -> str:
    """A valid number that rings in one zone of the place (phonenumbers' own data: no table of numbers here)."""
    if country in ("US", "CA"):
        subdivision = subdivision or {"US": "NY", "CA": "ON"}[country]  # a federal rule: any place will do
        names = subdivision_names()[country]
        for prefix, description in sorted(nanp_descriptions().items(), key=lambda item: (len(item[0]), item[0])):
            place = description.rsplit(", ", 1)[-1]
            if names.get(place, place) == subdivision:
                number = f"+{(prefix + '2345678901')[:11]}"
                zones = zones_for(number)
                if (
                    phonenumbers.is_valid_number(phonenumbers.parse(number))
                    and zones is not None
                    and (len(zones.zones) == 1 or not one_zone)
                ):
                    return number
        raise AssertionError(f"no number for {country}-{subdivision}")
    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.FIXED_LINE)
    assert example is not None
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)


def in_force_now(law: Law) -> str:
    assert law.rule is not None
    return next(now for now in QUIET_WEEKS if law.rule.allowance(date.fromisoformat(now[:10])) is not None)


def run(law: Law, start: int, end: int, day: str) -> list[Diagnostic]:
    number = number_in(law.country, law.subdivision)
    zones = zones_for(number)
    assert zones is not None
    payload = batch(number, zone=zones.zones[0], windows=[(start, end)], days=[day])
    return about(law_codes(check(payload, now=in_force_now(law), settings=Settings(horizon_days=7))), law)


CHECKED = [law for law in laws() if law.rule is not None]


@pytest.mark.parametrize("law", CHECKED, ids=lambda law: law.id)
def test_every_row_at_its_boundaries_in_local_time(law: Law) -> None:
    assert law.rule is not None
    code = "RBV708" if law.scope is Scope.AUTOMATED else "RBV705"
    for kind, windows in enumerate(law.rule.hours):
        day = WEEKDAY_FOR_KIND[kind]
        if not windows:
            found = run(law, 720, 721, day)
            assert [(d.code, d.severity) for d in found] == [("RBV708" if law.scope is Scope.AUTOMATED else "RBV706", Severity.WARNING)]
            assert f"on {day}, when it allows no calls" in found[0].message
            continue
        for start, end in windows:
            assert run(law, start, start + 1, day) == [], f"{law.id} {day} {start}: a minute inside is flagged"
            assert run(law, end - 1, end, day) == [], f"{law.id} {day} {end}: the last minute inside is flagged"
            if start > 0 and (start - 1, start) not in [(a, b) for a, b in windows]:
                outside = run(law, start - 1, start, day)
                assert [d.code for d in outside] == [code], f"{law.id} {day}: a minute before {start} is not flagged"
                assert f"at {clock(start - 1)}–{clock(start)} local time on {day}" in outside[0].message
            if end < 1440 and not any(a == end for a, _ in windows):
                outside = run(law, end, end + 1, day)
                assert [d.code for d in outside] == [code], f"{law.id} {day}: the minute at {end} is not flagged"
                assert f"at {clock(end)}–{clock(end + 1)} local time on {day}" in outside[0].message


def test_florida_finding_says_jurisdiction_rule_times_count_first_example() -> None:
    report = check(batch("+12125550123", FLORIDA, FLORIDA, zone="America/New_York", windows=[(540, 1260)]))
    finding = one(report, "RBV705")
    assert (finding.pointer, finding.severity, finding.name) == ("/tasks/1/to_number", Severity.WARNING, "outside-legal-hours")
    assert finding.message == (
        "Florida: telephone solicitation calls only 08:00–20:00 every day, local time "
        "(Fla. Stat. 501.616(6)(a) (as amended by 2021 CS/SB 1120)); call_time_window (09:00–21:00 America/New_York) "
        "reaches these recipients at 20:00–21:00 local time on every day, first Mon 2026-06-01 20:00 America/New_York: "
        "2 tasks (first +13055550123)"
    )
    assert finding.hint is not None and "retell-validate split" in finding.hint and 'call-purpose = "informational"' in finding.hint
    # Near miss: ending at 20:00 (half-open) is clean.
    assert law_codes(check(batch(FLORIDA, zone="America/New_York", windows=[(540, 1200)]))) == []


def test_one_finding_per_jurisdiction_never_per_task() -> None:
    numbers = [f"+1305555{n:04d}" for n in range(50)]
    found = law_codes(check(batch(*numbers, zone="America/New_York", windows=[(420, 1260)])))
    assert [(d.code, d.message.split(":")[0]) for d in found] == [("RBV705", "United States (federal)"), ("RBV705", "Florida")]
    assert all(": 50 tasks (first +13055550000)" in d.message for d in found)


def test_dst_week_in_the_recipient_zone_moves_the_window() -> None:
    # Phoenix keeps MST; New York springs forward on Sunday 2026-03-08: 17:30 Phoenix is 19:30, then 20:30 in Miami.
    payload = batch(FLORIDA, zone="America/Phoenix", windows=[(360, 1050)])
    finding = one(check(payload, now="2026-03-05T12:00:00Z", settings=Settings(horizon_days=7)), "RBV705")
    assert "at 20:00–20:30 local time on Monday, Tuesday, Wednesday, Sunday," in finding.message  # Sun 8 to Wed 11
    assert "first Sun 2026-03-08 20:00 America/New_York" in finding.message
    # Near miss: the same window a week earlier, before the switch, stays inside 08:00–20:00.
    assert law_codes(check(payload, now="2026-02-20T12:00:00Z", settings=Settings(horizon_days=7))) == []


def test_sunday_barred_in_louisiana_and_kept_out_by_day() -> None:
    everyday = batch(LOUISIANA, zone="America/Chicago", windows=[(600, 1020)])
    finding = one(check(everyday, now="2026-03-10T12:00:00Z"), "RBV706")
    assert (finding.pointer, finding.severity) == ("/tasks/0/to_number", Severity.WARNING)
    assert "on Sunday, when it allows no calls (Sun 2026-03-15, Sun 2026-03-22)" in finding.message
    assert "first Sun 2026-03-15 10:00 America/Chicago: 1 task (first +15045550123)" in finding.message
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    assert (
        law_codes(check(batch(LOUISIANA, zone="America/Chicago", windows=[(600, 1020)], days=weekdays), now="2026-03-10T12:00:00Z")) == []
    )


def test_sunday_in_the_recipient_zone_not_the_batch_zone() -> None:
    # Saturday 21:00 in Los Angeles is Sunday 11:00 in Sydney: barred by the Australian standard.
    payload = batch("+61291234567", zone="America/Los_Angeles", windows=[(1260, 1320)], days=["Saturday"])
    finding = one(check(payload, now="2026-03-10T12:00:00Z"), "RBV706")
    assert finding.message.startswith("Australia: ") and "on Sunday, when it allows no calls (Sun 2026-03-15" in finding.message


def test_holiday_in_the_horizon_and_a_near_miss_after_it() -> None:
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    payload = batch(LOUISIANA, zone="America/Chicago", windows=[(600, 1020)], days=weekdays)
    finding = one(check(payload, now="2026-06-28T12:00:00Z"), "RBV707")
    assert (finding.pointer, finding.severity, finding.name) == ("/tasks/0/to_number", Severity.WARNING, "legal-holiday")
    assert "on holidays, when it allows no calls: Fri 2026-07-03 (Independence Day (observed))," in finding.message
    assert "first Fri 2026-07-03 10:00 America/Chicago" in finding.message
    assert law_codes(check(payload, now="2026-07-06T12:00:00Z")) == []


def test_statute_holidays_the_package_lacks_are_added() -> None:
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    rhode_island = number_in("US", "RI")
    finding = one(
        check(batch(rhode_island, zone="America/New_York", windows=[(600, 1020)], days=weekdays), now="2026-05-01T12:00:00Z"), "RBV707"
    )
    assert "Mon 2026-05-04 (Rhode Island Independence Day (May 4))" in finding.message
    pennsylvania = number_in("US", "PA")
    finding = one(check(batch(pennsylvania, zone="America/New_York", windows=[(600, 1020)]), now="2026-06-10T12:00:00Z"), "RBV707")
    assert "Sun 2026-06-14 (Flag Day (June 14))" in finding.message


def test_informational_calls_silence_solicitation_rules_only() -> None:
    payload = batch(FLORIDA, LOUISIANA, NEVADA, zone="America/Los_Angeles", windows=[(300, 1260)])
    assert {d.code for d in law_codes(check(payload))} == {"RBV705", "RBV706", "RBV708"}
    informational = check(payload, settings=Settings(call_purpose="informational"))
    assert [(d.code, d.message.split(":")[0]) for d in law_codes(informational)] == [
        ("RBV708", "Nevada (automatic dialing and announcing devices)")
    ]
    assert {d.code for d in informational.diagnostics if d.code == "RBV701"} == {"RBV701"}  # the user's own policy stays


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
    """14:00-17:00 New York, Tuesday to Thursday: 08:00-11:00 in Hawaii, 15:30-18:30 in Newfoundland: every entry allows it."""
    payload = batch(TOLL_FREE, zone="America/New_York", windows=[(840, 1020)], days=["Tuesday", "Wednesday", "Thursday"])
    assert [d.code for d in law_codes(check(payload, now="2026-06-01T12:00:00Z"))] == []


def test_only_future_dates_within_the_horizon_count() -> None:
    payload = batch(LOUISIANA, zone="America/Chicago", windows=[(600, 1020)], days=["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    july_fourth_weekend = datetime(2026, 7, 3, 15, tzinfo=UTC)
    assert one(check(payload | {"trigger_timestamp": int(july_fourth_weekend.timestamp() * 1000)}, now="2026-06-01T12:00:00Z"), "RBV707")
    later = july_fourth_weekend + timedelta(days=3)
    assert law_codes(check(payload | {"trigger_timestamp": int(later.timestamp() * 1000)}, now="2026-06-01T12:00:00Z")) == []


# ---- where numbers ring ----------------------------------------------------------------------


def test_every_state_dc_and_province_is_reachable_from_phonenumbers_data() -> None:
    for country, names in subdivision_names().items():
        for code in set(names.values()) - {"PR", "VI", "GU", "AS", "MP", "NU"}:
            location = location_for(number_in(country, code, one_zone=False))
            assert location is not None and (location.country, location.subdivision, location.placed) == (country, code, True)


def test_places_match_the_geocoder() -> None:
    checked = 0
    for prefix in sorted(_all_nanp_descriptions())[::97]:
        number = f"+{(prefix + '2345678901')[:11]}"
        parsed = phonenumbers.parse(number)
        if not phonenumbers.is_valid_number(parsed) or phonenumbers.region_code_for_number(parsed) not in ("US", "CA"):
            continue
        place = geocoder.description_for_number(parsed, "en").rsplit(", ", 1)[-1]
        location = location_for(number)
        assert location is not None
        names = subdivision_names()[location.country]
        assert location.subdivision == names.get(place, place if place in names.values() else None), number
        checked += 1
    assert checked > 200


@pytest.mark.parametrize(
    ("number", "country", "subdivision", "countries"),
    [
        ("+17875550100", "US", "PR", ("US",)),
        ("+14165550123", "CA", "ON", ("CA",)),
        ("+61291234567", "AU", None, ("AU",)),
        ("+33123456789", "FR", None, ("FR",)),
    ],
)
def test_territories_provinces_and_countries(number: str, country: str, subdivision: str | None, countries: tuple[str, ...]) -> None:
    location = location_for(number)
    assert location is not None and (location.country, location.subdivision, location.countries, location.placed) == (
        country,
        subdivision,
        countries,
        True,
    )


def test_toll_free_may_ring_anywhere_on_its_code() -> None:
    location = location_for(TOLL_FREE)
    assert location is not None and not location.placed and {"US", "CA"} <= set(location.countries)
    assert location_for("not a number") is None
    assert zones_of("US", "TX") == ("America/Chicago", "America/Denver")


# ---- the table, its documentation and configuration --------------------------------------------


def test_every_entry_keeps_a_source() -> None:
    assert len(laws()) >= 30
    for law in laws():
        assert law.citation and law.url.startswith("http"), law.id
        assert law.confidence in ("high", "medium", "low")
    ids = {law.id for law in laws()}
    assert {"US", "US-FL", "US-OK", "US-MD", "US-WA", "US-TX", "US-LA", "US-AL", "US-MS", "CA", "AU"} <= ids
    assert {law.id for law in laws() if law.rule is None} >= {"GB", "DE"}  # laws that set no hours are in the table too


def test_docs_table_is_generated_from_the_data() -> None:
    page = DOC.read_text(encoding="utf-8")
    assert page == with_table(page), "docs/calling-hours.md is stale: run `python -m validator.cli.lawdoc --write`"
    assert "| Florida `US-FL` | telephone solicitation | 08:00–20:00 |" in render_table()


def test_holidays_snapshot_matches_the_installed_package() -> None:
    assert json.loads(SNAPSHOT.read_text(encoding="utf-8")) == holiday_snapshot(), "run `python -m validator.cli.lawdoc --holidays`"


def test_config_keys(tmp_path: Any) -> None:
    path = tmp_path / ".retell-validate.toml"
    path.write_text('call-purpose = "informational"\nhorizon-days = 30\n', encoding="utf-8")
    settings = load_config(path).settings_for(None)
    assert (settings.call_purpose, settings.horizon_days) == ("informational", 30)
    for bad in ('call-purpose = "sales"', "horizon-days = 0", 'horizon-days = "7"', "horizon-days = 400"):
        path.write_text(bad + "\n", encoding="utf-8")
        with pytest.raises(ConfigError):
            load_config(path)


def test_grouping_by_head_gives_each_number_its_own_answer() -> None:
    """The per-head shortcut of the grouping equals looking every number up (zones and place)."""
    rnd = random.Random(5)
    prefixes = sorted(nanp_descriptions())
    numbers = [f"+{(rnd.choice(prefixes) + str(rnd.randrange(10**10)).zfill(10))[:11]}" for _ in range(3000)]
    numbers += [TOLL_FREE, "+18765550123", "+12425550123", "+447700900123", "+441481256789", "+61412345678", "+33612345678"]
    ctx = Context(seed(tasks=[{"to_number": n} for n in numbers]), load_spec(), Settings())
    for (location, zones), group in groups(ctx).items():
        for index in group.indexes:
            number = numbers[index]
            if not phonenumbers.is_valid_number(phonenumbers.parse(number)):
                continue  # RBV2xx: an invalid number outside US and Canadian area codes may borrow its head's place
            assert (location_for(number), zones_for(number)) == (location, zones), number
    assert sum(group.count for group in groups(ctx).values()) == len(numbers)


def test_automated_call_hours_one_finding_per_state_and_a_near_miss() -> None:
    early = check(batch(NEVADA, NEVADA, zone="America/Los_Angeles", windows=[(480, 1200)]))
    finding = one(early, "RBV708")
    assert (finding.pointer, finding.severity, finding.name) == ("/tasks/0/to_number", Severity.WARNING, "automated-call-hours")
    assert finding.message.startswith("Nevada (automatic dialing and announcing devices): automated calls only 09:00–21:00 every day")
    assert "(NRS 597.814(2)(a))" in finding.message and "at 08:00–09:00 local time on every day" in finding.message
    assert ": 2 tasks (first +17025550123)" in finding.message
    assert finding.hint is not None and "call-purpose" not in finding.hint  # purpose does not change a device rule
    assert law_codes(check(batch(NEVADA, zone="America/Los_Angeles", windows=[(540, 1200)]))) == []


def test_explain_lists_the_jurisdictions_a_rule_checks() -> None:
    result = CliRunner().invoke(main, ["explain", "RBV707"])
    assert result.exit_code == 0
    assert "US-LA             Louisiana: 08:00–20:00 Monday–Saturday, no calls Sunday; no calls on holidays" in result.output
    assert "US-FL" not in result.output  # Florida has no holiday rule


@given(st.text(alphabet="+0123456789١²x ", max_size=18) | st.from_regex(E164_PATTERN, fullmatch=True))
def test_e164_check_equals_the_pattern(text: str) -> None:
    assert is_e164(text) == bool(E164_PATTERN.fullmatch(text))


def test_geocode_snapshot_is_current_and_keeps_every_place() -> None:
    kept = json.loads(GEOCODES.read_text(encoding="utf-8"))
    assert kept == geocode_snapshot(), "run `python -m validator.cli.lawdoc --geocodes`"
    full, reduced = _all_nanp_descriptions(), kept["descriptions"]
    codes = {name: code for names in subdivision_names().values() for name, code in names.items()}

    def place(data: dict[str, str], prefix: str) -> str:
        found = next(data[prefix[:n]] for n in range(len(prefix), 0, -1) if prefix[:n] in data).rsplit(", ", 1)[-1]
        return codes.get(found, found)

    assert all(place(full, prefix) == place(reduced, prefix) for prefix in full)
    assert len(reduced) < len(full) / 10
