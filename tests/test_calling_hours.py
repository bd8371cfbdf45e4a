"""Calling hours on each recipient's clock (RBV701-RBV704) and the prefix-shared zone lookup."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

import phonenumbers
import pytest
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from phonenumbers import timezone as tz
from phonenumbers.tzdata import TIMEZONE_DATA

from tests.helpers import check, one, only, seed
from validator import Settings
from validator.diagnostics import Severity
from validator.knowledge.recipient_zones import zones_for

NY, LA, HONOLULU, PHOENIX = "+12125550123", "+12135550123", "+18085550123", "+16025550123"


def batch(*numbers: str, start: int, end: int, zone: str | None = "America/Los_Angeles", **window: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {"windows": [{"start": start, "end": end}], **window}
    if zone is not None:
        spec["timezone"] = zone
    return seed(tasks=[{"to_number": n} for n in numbers], call_time_window=spec)


def ms(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp() * 1000)


# ---- RBV701: windows on the recipient's clock ------------------------------------------------


def test_los_angeles_window_dials_new_york_after_nine_pm() -> None:
    d = one(check(batch(LA, NY, NY, start=540, end=1200)), "RBV701")
    assert (d.pointer, d.severity) == ("/tasks/1/to_number", Severity.WARNING)
    assert "reach America/New_York at 12:00–23:00 local time; 21:00–23:00 is outside the calling hours 08:00–21:00" in d.message
    assert "first on Mon 2026-06-01 at 21:00 local: 2 tasks (first +12125550123)" in d.message


def test_window_ending_at_the_limit_on_the_latest_clock_is_clean() -> None:
    # 18:00 LA is 21:00 New York: the window is half-open, so the last call starts at 20:59 local.
    assert only(check(batch(LA, NY, start=540, end=1080)), "RBV701") == []
    assert one(check(batch(LA, NY, start=540, end=1081)), "RBV701").pointer == "/tasks/1/to_number"


def test_window_inside_the_limit_for_every_recipient_zone_is_clean() -> None:
    numbers = (NY, "+13125550123", "+13035550123", PHOENIX, LA, "+14165550123", "+16045550123")
    report = check(batch(*numbers, start=660, end=1260, zone="America/New_York"))
    assert [d for d in report.diagnostics if d.code in ("RBV701", "RBV702", "RBV703", "RBV704")] == []
    # One minute earlier is 07:59 in Los Angeles and Vancouver (same clock: one finding), and in Phoenix in summer.
    phoenix, pacific = only(check(batch(*numbers, start=659, end=1260, zone="America/New_York")), "RBV701")
    assert (phoenix.pointer, pacific.pointer) == ("/tasks/3/to_number", "/tasks/4/to_number")
    assert "America/Phoenix at 07:59–19:00 local time; 07:59–08:00 is outside" in phoenix.message
    assert "America/Los_Angeles, America/Vancouver at 07:59–18:00" in pacific.message and ": 2 tasks" in pacific.message


def test_honolulu_shifts_by_an_hour_when_los_angeles_springs_forward() -> None:
    # 10:00 LA is 08:00 in Honolulu (no DST) in winter, 07:00 from 2026-03-08 on.
    d = one(check(batch(HONOLULU, start=600, end=1200), now="2026-01-05T12:00:00Z"), "RBV701")
    assert d.pointer == "/tasks/0/to_number"
    assert "Pacific/Honolulu at 07:00–18:00 local time; 07:00–08:00 is outside" in d.message
    assert "first on Sun 2026-03-08 at 07:00 local" in d.message
    assert only(check(batch(HONOLULU, start=660, end=1200), now="2026-01-05T12:00:00Z"), "RBV701") == []


def test_phoenix_is_an_hour_ahead_of_los_angeles_only_in_winter() -> None:
    # 20:30 LA is 20:30 in Phoenix (no DST) in summer, 21:30 from 2026-11-01 on.
    d = one(check(batch(PHOENIX, start=480, end=1230), now="2026-03-09T12:00:00Z"), "RBV701")
    assert d.severity is Severity.WARNING
    assert "America/Phoenix at 08:00–21:30 local time; 21:00–21:30 is outside" in d.message
    assert "first on Sun 2026-11-01 at 21:00 local" in d.message
    assert only(check(batch(PHOENIX, start=480, end=1200), now="2026-03-09T12:00:00Z"), "RBV701") == []


def test_canadian_and_non_nanp_numbers() -> None:
    toronto, london = "+14165550123", "+442071838750"
    report = check(batch(toronto, london, start=540, end=1020))
    d = one(report, "RBV701")
    assert d.pointer == "/tasks/1/to_number"
    assert "Europe/London at 16:00–01:00 local time; 21:00–01:00 is outside" in d.message
    assert only(check(batch(toronto, start=540, end=1020)), "RBV701") == []


def test_omitted_timezone_reads_the_windows_in_the_spec_default() -> None:
    d = one(check(batch(NY, start=540, end=1200, zone=None)), "RBV701")
    assert d.pointer == "/tasks/0/to_number"
    assert "(09:00–20:00 America/Los_Angeles)" in d.message and "21:00–23:00 is outside" in d.message


def test_day_filter_only_saturday() -> None:
    d = one(check(batch(NY, start=1080, end=1200, day=["Saturday"])), "RBV701")
    assert "America/Los_Angeles, Saturday" in d.message
    assert "first on Sat 2026-06-06 at 21:00 local" in d.message
    assert only(check(batch(NY, start=1080, end=1200, day=[])), "RBV701")  # empty list: every day
    assert only(check(batch(NY, start=600, end=1080, day=["Saturday"])), "RBV701") == []


def test_configured_calling_hours() -> None:
    strict = Settings(calling_hours=(8 * 60, 20 * 60))
    d = one(check(batch(NY, start=540, end=1080), settings=strict), "RBV701")
    assert "20:00–21:00 is outside the calling hours 08:00–20:00" in d.message
    assert only(check(batch(NY, start=540, end=1020), settings=strict), "RBV701") == []
    assert only(check(batch(NY, start=540, end=1200), settings=Settings(ignore=frozenset({"RBV701"}))), "RBV701") == []


def test_ten_thousand_tasks_in_twenty_zones_give_one_finding_per_zone() -> None:
    numbers = [
        NY, "+13125550123", "+13035550123", PHOENIX, LA, HONOLULU, "+19025550123", "+13065550123", "+17875550123",
        "+442071838750", "+81312345678", "+61212345678", "+911123456789", "+551123456789", "+74951234567",
        "+97142345678", "+6561234567", "+27111234567", "+6491234567", "+4930123456",
    ]  # fmt: skip
    payload = batch(*(numbers * 500), start=0, end=1440, zone="America/New_York")
    found = only(check(payload), "RBV701")
    assert sorted(d.pointer for d in found) == sorted(f"/tasks/{i}/to_number" for i in range(20))
    for d in found:
        assert d.severity is Severity.WARNING
        assert "at 00:00–24:00 local time; 21:00–08:00 is outside the calling hours 08:00–21:00" in d.message
        assert ": 500 tasks (first " in d.message
    assert len({d.message.split(" at 00:00")[0] for d in found}) == 20  # each names its own zone


# ---- RBV702: no window ------------------------------------------------------------------------


def test_no_window_lists_the_recipient_zones() -> None:
    d = one(check(seed(tasks=[{"to_number": NY}, {"to_number": NY}, {"to_number": HONOLULU}])), "RBV702")
    assert (d.pointer, d.severity) == ("", Severity.INFO)
    assert "calls may go out at any hour" in d.message
    assert "America/New_York (2), Pacific/Honolulu (1)" in d.message


def test_no_window_is_not_reported_for_one_task_or_with_a_window() -> None:
    assert only(check(seed()), "RBV702") == []
    assert only(check(batch(NY, HONOLULU, start=660, end=1020)), "RBV702") == []


# ---- RBV703: unknown or ambiguous zones -----------------------------------------------------


def test_toll_free_and_unknown_zones_are_counted_once() -> None:
    report = check(batch(LA, "+18005550100", "+18885550100", "+80012345678", start=600, end=1020))
    d = one(report, "RBV703")
    assert (d.pointer, d.severity) == ("/tasks/1/to_number", Severity.INFO)
    assert "the time zone of 3 tasks cannot be told" in d.message and "42 zones" in d.message
    assert only(report, "RBV701") == []  # not checked against 42 zones


def test_area_spanning_two_zones_is_checked_against_each() -> None:
    idaho = "+12085550123"  # Boise or Los Angeles
    report = check(batch(idaho, idaho, start=480, end=1200))  # 08:00 LA is 09:00 Boise, 20:00 LA is 21:00 Boise
    d = one(report, "RBV703")
    assert (d.pointer, d.severity) == ("/tasks/0/to_number", Severity.INFO)
    assert "2 tasks have numbers in an area that spans several time zones" in d.message
    assert "America/Boise or America/Los_Angeles" in d.message
    assert only(report, "RBV701") == []
    assert "America/Boise at 09:00–21:30" in one(check(batch(idaho, start=480, end=1230)), "RBV701").message
    assert only(check(batch(LA, start=480, end=1200)), "RBV703") == []


# ---- RBV704: trigger outside the windows ----------------------------------------------------


def test_trigger_after_the_last_window_starts_on_a_later_day() -> None:
    payload = batch(LA, start=1080, end=1200, day=["Saturday"], trigger_timestamp=None)
    payload["trigger_timestamp"] = ms("2026-06-07T12:00:00-07:00")  # a Sunday
    d = one(check(payload), "RBV704")
    assert (d.pointer, d.severity) == ("/trigger_timestamp", Severity.INFO)
    assert "Sun 2026-06-07 12:00 America/Los_Angeles" in d.message
    assert "the first call can go out at 2026-06-13T18:00:00-07:00 (Saturday)" in d.message


@pytest.mark.parametrize("moment", ["2026-06-06T10:00:00-07:00", "2026-06-06T18:30:00-07:00", "2026-05-30T10:00:00-07:00"])
def test_trigger_inside_a_window_or_before_it_opens_that_day_is_fine(moment: str) -> None:
    payload = batch(LA, start=1080, end=1200, day=["Saturday"])
    payload["trigger_timestamp"] = ms(moment)  # the last one is in the past: RBV4xx's business
    assert only(check(payload), "RBV704") == []


# ---- robustness and the zone cache ----------------------------------------------------------


@pytest.mark.parametrize(
    "window",
    [
        {"windows": "9-5"},
        {"windows": [{"start": 1200, "end": 60}], "timezone": "Mars/Olympus"},
        {"windows": [{"start": 540.5, "end": True}], "day": "Monday"},
        {"windows": [{"start": 540, "end": 1020}], "day": ["Funday", 3], "timezone": None},
        {"windows": [None, {"start": -5, "end": 2000}, {"start": float("nan"), "end": 600}]},
    ],
)
def test_unreadable_windows_are_skipped_without_crashing(window: dict[str, Any]) -> None:
    payload = seed(tasks=[{"to_number": NY}, {"to_number": 5}, {"to_number": "(212) 555-0123"}], call_time_window=window)
    payload["trigger_timestamp"] = 1e30
    report = check(payload)
    assert not [d for d in report.diagnostics if d.code == "RBV000" or d.code.startswith("RBV7")]


def _example_numbers() -> list[phonenumbers.PhoneNumber]:
    types = [getattr(PhoneNumberType, n) for n in dir(PhoneNumberType) if n.isupper() and n != "UNKNOWN"]
    found = [phonenumbers.example_number_for_type(r, t) for r in phonenumbers.SUPPORTED_REGIONS for t in types]
    found += [phonenumbers.example_number_for_non_geo_entity(c) for c in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS]
    rnd = random.Random(5)
    for _ in range(3000):
        number = phonenumbers.parse(f"+1{rnd.randint(201, 989)}{rnd.randint(2000000, 9999999)}")
        found.append(number)
    return [n for n in found if n is not None and phonenumbers.is_valid_number(n)]


def test_prefix_cache_gives_the_answers_of_time_zones_for_number() -> None:
    numbers = _example_numbers()
    assert len(numbers) > 2000
    for number in numbers:
        want = tuple(z for z in tz.time_zones_for_number(number) if z != tz.UNKNOWN_TIMEZONE)
        assert zones_for(phonenumbers.format_number(number, PhoneNumberFormat.E164)).zones == want, number  # type: ignore[union-attr]


def test_zone_prefixes_start_with_a_country_code() -> None:
    codes = phonenumbers.COUNTRY_CODE_TO_REGION_CODE
    assert all(any(int(key[:n]) in codes for n in (1, 2, 3)) for key in TIMEZONE_DATA)
    assert zones_for("(212) 555-0123") is None
    assert zones_for("+99912345678") is not None and zones_for("+99912345678").zones == ()  # type: ignore[union-attr]


def test_the_period_checked_starts_at_the_injected_clock() -> None:
    payload = batch(PHOENIX, start=480, end=1230)
    assert "first on Sun 2026-11-01" in one(check(payload, now="2026-03-09T12:00:00Z"), "RBV701").message
    assert "first on Tue 2026-12-01 at 21:00" in one(check(payload, now="2026-12-01T12:00:00Z"), "RBV701").message
    payload["trigger_timestamp"] = ms("2027-01-05T09:00:00-08:00")  # a future trigger starts the period
    assert "first on Tue 2027-01-05 at 21:00" in one(check(payload, now="2026-06-01T12:00:00Z"), "RBV701").message
