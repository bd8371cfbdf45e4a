"""Time-window rules (RBV3xx), validator.knowledge.timezones, and the enum/did-you-mean help for days."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import check, check_text, one, only, seed
from validator import Settings
from validator.diagnostics import Fix
from validator.fix.apply import fix_file
from validator.knowledge.timezones import is_zone, legacy_reason, suggest
from validator.openapi.load import load_spec
from validator.openapi.tools import did_you_mean

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def window(*pairs: tuple[Any, Any], **extra: Any) -> dict[str, Any]:
    """A payload whose call_time_window has these (start, end) windows, in Los Angeles unless told."""
    extra.setdefault("timezone", "America/Los_Angeles")
    return seed(call_time_window={"windows": [{"start": s, "end": e} for s, e in pairs], **extra})


# --- RBV301 window-cross-midnight -------------------------------------------------------------


def test_cross_midnight_window_is_reported_at_the_window_with_a_fix_of_the_list() -> None:
    d = one(check(window((540, 600), (1320, 120))), "RBV301")
    assert (d.pointer, d.severity.value) == ("/call_time_window/windows/1", "error")
    assert "windows[1] (22:00–02:00) crosses midnight" in d.message
    assert d.fix == Fix(
        [{"start": 540, "end": 600}, {"start": 1320, "end": 1440}, {"start": 0, "end": 120}],
        False,
        "split windows that cross midnight",
        at="/call_time_window/windows",
    )


def test_each_crossing_window_is_reported_and_one_fix_splits_them_all() -> None:
    report = check(window((1320, 120), (540, 600), (1380, 60)))
    assert [d.pointer for d in only(report, "RBV301")] == ["/call_time_window/windows/0", "/call_time_window/windows/2"]
    first, second = (d.fix for d in only(report, "RBV301"))
    assert first == second and first is not None and first.at == "/call_time_window/windows"


def test_cross_midnight_fix_applies_at_the_list(tmp_path: Path) -> None:
    path = tmp_path / "payload.json"
    path.write_text(json.dumps(window((540, 600), (1320, 120), (1380, 60)), indent=2))
    outcome = fix_file(path, settings=Settings(), spec=load_spec(), unsafe=True, write=True, max_bytes=None)
    assert outcome.applied == 1
    assert json.loads(path.read_text())["call_time_window"]["windows"] == [
        {"start": 540, "end": 600},
        {"start": 1320, "end": 1440},
        {"start": 0, "end": 120},
        {"start": 1380, "end": 1440},
        {"start": 0, "end": 60},
    ]
    assert only(outcome.report, "RBV301") == []


def test_window_ending_at_1440_is_valid() -> None:
    assert only(check(window((1320, 1440), (0, 120))), "RBV301") == []


def test_end_zero_means_until_midnight() -> None:
    d = one(check(window((1200, 0))), "RBV301")
    assert d.fix is not None and d.fix.value == [{"start": 1200, "end": 1440}]


def test_empty_window_has_no_fix() -> None:
    d = one(check(window((300, 300))), "RBV301")
    assert (d.pointer, d.fix) == ("/call_time_window/windows/0", None)
    assert "is empty" in d.message


def test_cross_midnight_position_in_yaml() -> None:
    text = 'from_number: "+14157774444"\ntasks: [{to_number: "+12137774445"}]\ncall_time_window:\n  timezone: America/New_York\n'
    text += "  windows:\n    - {start: 1320, end: 120}\n"
    d = one(check_text(text, "yaml"), "RBV301")
    assert (d.pointer, d.line, d.column) == ("/call_time_window/windows/0", 6, 7)


# --- RBV302 window-minute-range ----------------------------------------------------------------


def test_end_1441_is_out_of_range_and_1440_is_not() -> None:
    d = one(check(window((540, 1441))), "RBV302")
    assert (d.pointer, d.severity.value) == ("/call_time_window/windows/0/end", "error")
    assert d.message.endswith("found 1441") and "0 to 1440" in d.message
    assert only(check(window((540, 1440))), "RBV302") == []


def test_negative_start_is_out_of_range_and_zero_is_not() -> None:
    assert one(check(window((-1, 60))), "RBV302").pointer == "/call_time_window/windows/0/start"
    assert only(check(window((0, 60))), "RBV302") == []


def test_hhmm_values_get_a_minutes_hint() -> None:
    d = one(check(window((540, 1700))), "RBV302")
    assert d.hint == "if you meant 17:00, write 1020 (minutes, not HHMM)"


# --- RBV303 window-minute-not-integer -----------------------------------------------------------


def test_fractional_minute_is_an_error_and_whole_float_is_not() -> None:
    d = one(check(window((540.5, 1020.0))), "RBV303")
    assert (d.pointer, d.severity.value) == ("/call_time_window/windows/0/start", "error")
    assert d.fix == Fix(540, False, "round to 540")
    assert only(check(window((540.0, 1020.0))), "RBV303") == []


# --- RBV304 window-overlap -------------------------------------------------------------------


def test_overlapping_windows_warn_at_the_later_one() -> None:
    d = one(check(window((540, 720), (690, 1020))), "RBV304")
    assert (d.pointer, d.severity.value) == ("/call_time_window/windows/1", "warning")
    assert "overlaps windows[0] (09:00–12:00) from 11:30 to 12:00" in d.message


def test_touching_windows_do_not_overlap() -> None:
    assert only(check(window((540, 720), (720, 1020))), "RBV304") == []


def test_duplicate_window_is_reported_as_a_repeat() -> None:
    d = one(check(window((780, 1020), (540, 720), (780, 1020))), "RBV304")
    assert d.pointer == "/call_time_window/windows/2"
    assert "repeats windows[0]" in d.message


# --- RBV305 window-timezone-unknown and RBV306 window-timezone-legacy ---------------------------


@pytest.mark.parametrize(
    ("zone", "hint_part", "fix"),
    [
        (
            "PST",
            "PST is an abbreviation, not an IANA zone name: use America/Los_Angeles",
            Fix("America/Los_Angeles", False, "use America/Los_Angeles"),
        ),
        ("EDT", "use America/New_York", Fix("America/New_York", False, "use America/New_York")),
        ("CEST", "use Europe/Paris (Central Europe) or Europe/Berlin", Fix("Europe/Paris", False, "use Europe/Paris")),
        ("america/new_york", "case-sensitive", Fix("America/New_York", True, "use America/New_York")),
        ("UTC-5", "Etc/GMT+5", None),
        ("Mars/Olympus_Mons", "Region/City", None),
    ],
)
def test_unknown_zone_names_the_zone_meant(zone: str, hint_part: str, fix: Fix | None) -> None:
    d = one(check(window((540, 1020), timezone=zone)), "RBV305")
    assert (d.pointer, d.severity.value) == ("/call_time_window/timezone", "error")
    assert f'found "{zone}"' in d.message
    assert d.hint is not None and hint_part in d.hint
    assert d.fix == fix


def test_iana_zone_is_accepted() -> None:
    report = check(window((540, 1020), timezone="America/New_York"))
    assert only(report, "RBV305") == [] and only(report, "RBV306") == []


@pytest.mark.parametrize(("zone", "meant"), [("EST", "America/New_York"), ("MST", "America/Denver"), ("HST", "Pacific/Honolulu")])
def test_fixed_offset_zones_warn_that_they_skip_daylight_saving(zone: str, meant: str) -> None:
    report = check(window((540, 1020), timezone=zone))
    assert only(report, "RBV305") == []
    d = one(report, "RBV306")
    assert (d.pointer, d.severity.value) == ("/call_time_window/timezone", "warning")
    assert "never observes daylight saving" in d.message
    assert d.hint is not None and meant in d.hint


def test_etc_gmt_zone_explains_the_inverted_sign() -> None:
    d = one(check(window((540, 1020), timezone="Etc/GMT+5")), "RBV306")
    assert "Etc/GMT+5 is UTC−05:00 all year (Etc names invert the sign)" in d.message


def test_utc_is_not_legacy() -> None:
    assert only(check(window((540, 1020), timezone="UTC")), "RBV306") == []
    assert legacy_reason("Etc/UTC") is None and legacy_reason("Japan") is None


def test_timezone_helpers() -> None:
    assert is_zone("America/Los_Angeles") and not is_zone("america/los_angeles")
    guess = suggest("IST")
    assert guess is not None and [z for z, _ in guess.zones] == ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"]
    assert suggest("Los_Angeles") is not None
    assert suggest("zzzz") is None


# --- RBV307 window-duplicate-day, and RBV103 for day names -------------------------------------


def test_duplicate_day_gets_a_safe_fix_keeping_the_first() -> None:
    d = one(check(window((540, 1020), day=["Monday", "Tuesday", "Monday", "Friday", "Tuesday"])), "RBV307")
    assert (d.pointer, d.severity.value) == ("/call_time_window/day", "warning")
    assert "Monday, Tuesday" in d.message
    assert d.fix == Fix(["Monday", "Tuesday", "Friday"], True, "remove repeated days")


def test_distinct_days_are_fine() -> None:
    assert only(check(window((540, 1020), day=DAYS)), "RBV307") == []


def test_lowercase_day_gets_a_safe_case_fix() -> None:
    d = one(check(window((540, 1020), day=["monday"])), "RBV103")
    assert (d.pointer, d.hint) == ("/call_time_window/day/0", 'did you mean "Monday"?')
    assert d.fix == Fix("Monday", True, 'use "Monday"')


def test_abbreviated_day_is_suggested_without_a_fix() -> None:
    d = one(check(window((540, 1020), day=["Thu"])), "RBV103")
    assert (d.hint, d.fix) == ('did you mean "Thursday"?', None)


@pytest.mark.parametrize(
    ("word", "meant"),
    [("Mon", "Monday"), ("thu", "Thursday"), ("Tues", "Tuesday"), ("Weds", "Wednesday"), ("Sa", "Saturday"), ("wednesdy", "Wednesday")],
)
def test_did_you_mean_abbreviations(word: str, meant: str) -> None:
    assert did_you_mean(word, DAYS) == meant


@pytest.mark.parametrize("word", ["T", "S", "xyz"])
def test_did_you_mean_refuses_ambiguous_or_unrelated_words(word: str) -> None:
    assert did_you_mean(word, DAYS) is None


# --- RBV309 window-timezone-default and RBV108 for an empty list ---------------------------------


def test_missing_timezone_is_information() -> None:
    d = one(check(seed(call_time_window={"windows": [{"start": 540, "end": 1020}]})), "RBV309")
    assert (d.pointer, d.severity.value) == ("/call_time_window", "info")
    assert "America/Los_Angeles" in d.message
    assert only(check(window((540, 1020))), "RBV309") == []


def test_empty_windows_is_one_schema_finding_only() -> None:
    report = check(seed(call_time_window={"windows": [], "timezone": "America/New_York"}))
    assert [(d.code, d.pointer) for d in report.diagnostics] == [("RBV108", "/call_time_window/windows")]
    assert report.diagnostics[0].message == "`windows` must have at least 1 item(s), found 0"


def test_window_rules_survive_wrong_types() -> None:
    for value in ([{"start": "9", "end": None}, 5, {"start": True, "end": []}], "all day", {"windows": 1}):
        report = check(seed(call_time_window={"windows": value, "timezone": 5, "day": [1, "Monday"]}))
        assert "RBV000" not in report.codes()
