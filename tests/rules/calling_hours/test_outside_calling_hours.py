"""RBV701 outside-calling-hours: the windows mapped onto each recipient zone's clock, across daylight saving, against the calling hours."""

from __future__ import annotations

from tests.calling.numbers import FLORIDA, HONOLULU, LA, LOUISIANA, NEVADA, NY, PHOENIX, TOLL_FREE, batch, ms
from tests.helpers import check, one, only
from tests.rules.cases import At, cases_test, flags, passes
from validator import Settings
from validator.diagnostics import Severity

CODE = "RBV701"

TORONTO, LONDON, IDAHO = "+14165550123", "+442071838750", "+12085550123"  # Idaho's 208: Boise or Los Angeles
# New York, Chicago, Denver, Phoenix, Los Angeles, Toronto, Vancouver: 11:00 New York is 08:00 on the Pacific clock.
NORTH_AMERICA = (NY, "+13125550123", "+13035550123", PHOENIX, LA, TORONTO, "+16045550123")
STRICT = Settings(calling_hours=(8 * 60, 20 * 60))
WINTER, SPRING = "2026-01-05T12:00:00Z", "2026-03-09T12:00:00Z"

CASES = [
    flags(
        "Los Angeles hours reach New York after 21:00",
        batch(LA, NY, NY, windows=[(540, 1200)]),
        At("/tasks/1/to_number", "warning", says="21:00–23:00 is outside the calling hours 08:00–21:00"),
    ),
    # 18:00 Los Angeles is 21:00 New York; windows are half-open, so the last call of 540-1080 starts at 20:59 local.
    flags("a window one minute past 21:00 on the latest clock", batch(LA, NY, windows=[(540, 1081)]), "/tasks/1/to_number"),
    passes("a window ending at 21:00 on the latest clock", batch(LA, NY, windows=[(540, 1080)])),
    flags(
        "a minute before 08:00 on the Pacific and summer Phoenix clocks",
        batch(*NORTH_AMERICA, windows=[(659, 1260)], zone="America/New_York"),
        At("/tasks/3/to_number", "warning"),
        At("/tasks/4/to_number", "warning", says=": 2 tasks"),
    ),
    passes("08:00 on the earliest clock", batch(*NORTH_AMERICA, windows=[(660, 1260)], zone="America/New_York")),
    flags(
        "Honolulu an hour earlier once Los Angeles springs forward",
        batch(HONOLULU, windows=[(600, 1200)]),
        At("/tasks/0/to_number", "warning", says="first on Sun 2026-03-08 at 07:00 local"),
        now=WINTER,
    ),
    passes("Honolulu from 11:00 Los Angeles stays inside all year", batch(HONOLULU, windows=[(660, 1200)]), now=WINTER),
    flags(
        "Phoenix an hour ahead of Los Angeles in winter",
        batch(PHOENIX, windows=[(480, 1230)]),
        At("/tasks/0/to_number", "warning", says="first on Sun 2026-11-01 at 21:00 local"),
        now=SPRING,
    ),
    passes("Phoenix until 20:00 Los Angeles stays inside in winter", batch(PHOENIX, windows=[(480, 1200)]), now=SPRING),
    flags(
        "London from a window that suits Toronto",
        batch(TORONTO, LONDON, windows=[(540, 1020)]),
        At("/tasks/1/to_number", says="Europe/London at 16:00–01:00 local time; 21:00–01:00 is outside"),
    ),
    passes("Toronto alone", batch(TORONTO, windows=[(540, 1020)])),
    flags(
        "windows without a timezone are read in Los Angeles",
        batch(NY, windows=[(540, 1200)], zone=None),
        At("/tasks/0/to_number", says="(09:00–20:00 America/Los_Angeles)"),
    ),
    flags(
        "only on Saturday",
        batch(NY, windows=[(1080, 1200)], days=["Saturday"]),
        At("/tasks/0/to_number", says="first on Sat 2026-06-06 at 21:00 local"),
    ),
    flags("an empty day list is every day", batch(NY, windows=[(1080, 1200)], days=[]), "/tasks/0/to_number"),
    passes("Saturday inside the hours", batch(NY, windows=[(600, 1080)], days=["Saturday"])),
    flags(
        "configured calling hours",
        batch(NY, windows=[(540, 1080)]),
        At("/tasks/0/to_number", says="20:00–21:00 is outside the calling hours 08:00–20:00"),
        settings=STRICT,
    ),
    passes("inside the configured calling hours", batch(NY, windows=[(540, 1020)]), settings=STRICT),
    passes("ignored in the settings", batch(NY, windows=[(540, 1200)]), settings=Settings(ignore=frozenset({CODE}))),
    passes(
        "numbers without a zone are RBV703's, not checked against 42 zones",
        batch(LA, "+18005550100", "+18885550100", "+80012345678", windows=[(600, 1020)]),
    ),
    passes("an area spanning two zones, inside on both clocks", batch(IDAHO, IDAHO, windows=[(480, 1200)])),
    flags(
        "an area spanning two zones, outside on one",
        batch(IDAHO, windows=[(480, 1230)]),
        At("/tasks/0/to_number", says="America/Boise at 09:00–21:30"),
    ),
    flags(
        "the user's own hours stay for informational calls",
        batch(FLORIDA, LOUISIANA, NEVADA, windows=[(300, 1260)]),
        "/tasks/0/to_number",
        "/tasks/1/to_number",
        "/tasks/2/to_number",
        settings=Settings(call_purpose="informational"),
    ),
    passes("a toll-free number is judged by the law rules only", batch(TOLL_FREE, windows=[(540, 1260)], zone="America/New_York")),
]

test_cases = cases_test(CODE, CASES)


def test_finding_names_the_zone_the_local_times_and_the_first_example() -> None:
    d = one(check(batch(LA, NY, NY, windows=[(540, 1200)])), CODE)
    assert (d.pointer, d.severity) == ("/tasks/1/to_number", Severity.WARNING)
    assert "reach America/New_York at 12:00–23:00 local time; 21:00–23:00 is outside the calling hours 08:00–21:00" in d.message
    assert "first on Mon 2026-06-01 at 21:00 local: 2 tasks (first +12125550123)" in d.message


def test_zones_on_one_clock_share_a_finding() -> None:
    # One minute before 11:00 New York is 07:59 in Los Angeles and Vancouver (same clock: one finding), and in Phoenix in summer.
    phoenix, pacific = only(check(batch(*NORTH_AMERICA, windows=[(659, 1260)], zone="America/New_York")), CODE)
    assert "America/Phoenix at 07:59–19:00 local time; 07:59–08:00 is outside" in phoenix.message
    assert "America/Los_Angeles, America/Vancouver at 07:59–18:00" in pacific.message and ": 2 tasks" in pacific.message


def test_a_window_inside_the_hours_of_every_zone_gives_no_calling_hours_finding() -> None:
    report = check(batch(*NORTH_AMERICA, windows=[(660, 1260)], zone="America/New_York"))
    assert [d for d in report.diagnostics if d.code in ("RBV701", "RBV702", "RBV703", "RBV704")] == []


def test_daylight_saving_in_the_batch_zone_moves_the_local_times() -> None:
    # 10:00 Los Angeles is 08:00 in Honolulu (no DST) in winter, 07:00 from 2026-03-08 on.
    d = one(check(batch(HONOLULU, windows=[(600, 1200)]), now=WINTER), CODE)
    assert "Pacific/Honolulu at 07:00–18:00 local time; 07:00–08:00 is outside" in d.message
    # 20:30 Los Angeles is 20:30 in Phoenix (no DST) in summer, 21:30 from 2026-11-01 on.
    d = one(check(batch(PHOENIX, windows=[(480, 1230)]), now=SPRING), CODE)
    assert "America/Phoenix at 08:00–21:30 local time; 21:00–21:30 is outside" in d.message


def test_omitted_timezone_and_day_filter_are_named_in_the_window() -> None:
    assert "21:00–23:00 is outside" in one(check(batch(NY, windows=[(540, 1200)], zone=None)), CODE).message
    assert "America/Los_Angeles, Saturday" in one(check(batch(NY, windows=[(1080, 1200)], days=["Saturday"])), CODE).message


def test_ten_thousand_tasks_in_twenty_zones_give_one_finding_per_zone() -> None:
    numbers = [
        NY, "+13125550123", "+13035550123", PHOENIX, LA, HONOLULU, "+19025550123", "+13065550123", "+17875550123",
        "+442071838750", "+81312345678", "+61212345678", "+911123456789", "+551123456789", "+74951234567",
        "+97142345678", "+6561234567", "+27111234567", "+6491234567", "+4930123456",
    ]  # fmt: skip
    found = only(check(batch(*(numbers * 500), windows=[(0, 1440)], zone="America/New_York")), CODE)
    assert sorted(d.pointer for d in found) == sorted(f"/tasks/{i}/to_number" for i in range(20))
    for d in found:
        assert d.severity is Severity.WARNING
        assert "at 00:00–24:00 local time; 21:00–08:00 is outside the calling hours 08:00–21:00" in d.message
        assert ": 500 tasks (first " in d.message
    assert len({d.message.split(" at 00:00")[0] for d in found}) == 20  # each names its own zone


def test_the_period_checked_starts_at_the_injected_clock_or_a_future_trigger() -> None:
    payload = batch(PHOENIX, windows=[(480, 1230)])
    assert "first on Sun 2026-11-01" in one(check(payload, now=SPRING), CODE).message
    assert "first on Tue 2026-12-01 at 21:00" in one(check(payload, now="2026-12-01T12:00:00Z"), CODE).message
    payload["trigger_timestamp"] = ms("2027-01-05T09:00:00-08:00")
    assert "first on Tue 2027-01-05 at 21:00" in one(check(payload, now="2026-06-01T12:00:00Z"), CODE).message
