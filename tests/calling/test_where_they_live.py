"""Where the person lives (location-columns): that place's law applies in addition to the number's, through the calling-time engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.calling.numbers import FLORIDA, NY, batch, law_codes, ms
from tests.helpers import FIXED_NOW
from validator import Settings, validate
from validator.calling.envelope import part_zone, parts
from validator.calling.recipients import groups
from validator.cli.main import main
from validator.context import Context
from validator.knowledge.recipient_zones import zones_for
from validator.openapi.load import load_spec
from validator.options import parse_now

# 08:00–21:00 New York: inside the federal hours, past Florida's 20:00.
EVENING = [(8 * 60, 21 * 60)]


def living(number: str, **variables: str) -> dict[str, Any]:
    payload = batch(number, windows=EVENING, zone="America/New_York")
    payload["tasks"][0]["retell_llm_dynamic_variables"] = variables
    return payload


def florida_findings(payload: dict[str, Any], settings: Settings | None = None) -> list[tuple[str, str]]:
    report = validate(payload, now=FIXED_NOW, settings=settings)
    return [(d.code, d.pointer) for d in law_codes(report) if d.message.startswith("Florida:")]


@pytest.mark.parametrize(
    "variables",
    [{"State": "FL"}, {"state": "Florida"}, {"ZIP Code": "33101"}, {"zip": "33101-1234"}, {"Postal_Code": " 32801 "}],
    ids=["abbreviation", "name", "zip-code", "zip+4", "postal-code"],
)
def test_a_new_york_number_living_in_florida_gets_floridas_hours(variables: dict[str, str]) -> None:
    assert florida_findings(living(NY, **variables)) == [("RBV705", "/tasks/0/to_number")]


@pytest.mark.parametrize(
    "variables",
    [{}, {"State": "NY"}, {"State": "somewhere"}, {"city": "Miami"}, {"zip": "10001"}, {"zip": "09001"}],
    ids=["no-column", "new-york", "unknown", "not-a-location-column", "new-york-zip", "military-zip"],
)
def test_near_misses_keep_the_numbers_law_only(variables: dict[str, str]) -> None:
    assert florida_findings(living(NY, **variables)) == []


def test_the_location_columns_are_configurable() -> None:
    payload = living(NY, **{"Home State": "FL"})
    assert florida_findings(payload) == []  # not a column the default names
    assert florida_findings(payload, Settings(location_columns=("Home State",))) == [("RBV705", "/tasks/0/to_number")]
    assert florida_findings(living(NY, State="FL"), Settings(location_columns=("zip",))) == []  # State is no longer read


def test_the_number_s_own_law_still_applies() -> None:
    """A Florida number of someone living in New York keeps Florida's hours: the home adds, never replaces."""
    assert florida_findings(living(FLORIDA, State="NY")) == [("RBV705", "/tasks/0/to_number")]


def test_the_home_s_holidays_apply_too() -> None:
    """Louisiana bars calls on its holidays; a New York number living there is not called on them."""
    payload = batch(NY, windows=[(600, 660)], zone="America/New_York", trigger_timestamp=ms("2027-02-08T12:00:00+00:00"))
    payload["tasks"][0]["retell_llm_dynamic_variables"] = {"state": "LA"}
    report = validate(payload, now=FIXED_NOW)
    holiday = [d for d in report.diagnostics if d.code == "RBV707"]
    assert (
        len(holiday) == 1 and holiday[0].message.startswith("Louisiana:") and "on holidays, when it allows no calls: " in holiday[0].message
    )
    payload["tasks"][0]["retell_llm_dynamic_variables"] = {"state": "NY"}
    assert [d for d in validate(payload, now=FIXED_NOW).diagnostics if d.code == "RBV707"] == []


def test_rows_living_elsewhere_are_grouped_apart_and_their_zones_join_the_number_s() -> None:
    tasks = [{"to_number": NY}, {"to_number": NY, "retell_llm_dynamic_variables": {"state": "FL"}}, {"to_number": "+12125550124"}]
    ctx = Context(batch(NY, windows=EVENING) | {"tasks": tasks}, load_spec(), Settings())
    found = {(group.lives.subdivision if group.lives else None): group for group in groups(ctx).values()}
    assert sorted(found, key=str) == ["FL", None]
    assert found[None].indexes == [0, 2] and found["FL"].indexes == [1]
    assert set(found["FL"].zones.zones) == {"America/New_York", "America/Chicago"}  # the panhandle keeps Central time
    assert found["FL"].number_zones == zones_for(NY)


def test_split_writes_the_home_s_stricter_window() -> None:
    tasks = [{"to_number": NY, "retell_llm_dynamic_variables": {"state": "FL"}}, {"to_number": "+12125550124"}]
    ctx = Context(batch(NY, windows=EVENING, zone="America/New_York") | {"tasks": tasks}, load_spec(), Settings(now=parse_now(FIXED_NOW)))
    found = parts(ctx)
    assert found is not None
    assert [(part.zone, part.window, part.label) for part in found] == [
        ("America/New_York", (((9 * 60, 20 * 60),), tuple(range(7))), "New York (lives in Florida)"),
        ("America/New_York", (((8 * 60, 21 * 60),), tuple(range(7))), "New York"),
    ]


@pytest.mark.parametrize(
    ("number", "preferred", "zone"),
    [
        ("+19072345678", "America/New_York", "America/Anchorage"),  # not Adak: "Alaska - western Aleutians" is a part of Alaska
        ("+17095550123", "America/New_York", "America/St_Johns"),
        ("+12085550123", "America/Boise", "America/Boise"),  # the batch's own zone when the number may be there
        ("+12125550123", "America/Chicago", "America/New_York"),
    ],
)
def test_a_part_is_written_on_a_clock_its_recipients_keep(number: str, preferred: str, zone: str) -> None:
    zones = zones_for(number)
    assert zones is not None and zone in zones.zones
    assert part_zone(zones, preferred) == zone


def test_check_takes_the_location_column_on_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("phone number,Home State\n+12125550123,FL\n", encoding="utf-8")
    args = [
        "check",
        str(source),
        "--window",
        "08:00-21:00",
        "--timezone",
        "America/New_York",
        "--from-number",
        "+14155550100",
        "--now",
        FIXED_NOW,
    ]
    assert "RBV705" not in CliRunner().invoke(main, args).stdout
    flagged = CliRunner().invoke(main, [*args, "--location-column", "Home State"]).stdout
    assert "RBV705 [warning] Florida:" in flagged and flagged.splitlines()[-1] == "Not ready to send: 1 row outside legal calling hours"
