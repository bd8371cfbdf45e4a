"""Each scope (calls: any or automated; purposes) against each call purpose, in the table and in findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.calling.law_cases import about, batch, law, law_findings, number_in, zone_of
from validator.calling.law_table import Law, Scope, laws, laws_for
from validator.cli.main import main
from validator.config import ConfigError, load_config
from validator.knowledge.locations import location_for
from validator.options import CALL_PURPOSES

APPLIED = [entry for entry in laws() if entry.applied]


@pytest.mark.parametrize("purpose", CALL_PURPOSES)
@pytest.mark.parametrize("entry", APPLIED, ids=lambda entry: entry.id)
def test_an_entry_reaches_a_recipient_for_the_purposes_it_governs_only(entry: Law, purpose: str) -> None:
    location = location_for(number_in(entry.country, entry.subdivision))
    assert location is not None
    assert (entry in laws_for(location, purpose)) is entry.scope.governs(purpose)


def test_scope_words() -> None:
    assert Scope(False, frozenset({"solicitation"})).words() == "telephone solicitation calls"
    assert Scope(True, frozenset({"solicitation"})).words() == "automated telephone solicitation calls"
    assert Scope(True, frozenset(CALL_PURPOSES)).words() == "automated calls"
    assert Scope(False, frozenset({"debt-collection"})).words() == "debt-collection calls"
    assert Scope(False, frozenset({"solicitation", "charitable"})).words() == "telephone solicitation and charitable solicitation calls"


ALABAMA, MAINE, KENTUCKY, NEBRASKA = (number_in("US", s) for s in ("AL", "ME", "KY", "NE"))
QUIET = "2026-03-10T12:00:00Z"


def test_alabama_automated_rule_is_for_solicitation_only() -> None:
    sunday = batch(ALABAMA, zone=zone_of(ALABAMA), windows=[(720, 780)], days=["Sunday"])
    [finding] = about(law_findings(sunday, now=QUIET), law("US-AL/automated"))
    assert finding.code == "RBV708" and "automated telephone solicitation calls only" in finding.message
    assert about(law_findings(sunday, now=QUIET, purpose="informational"), law("US-AL/automated")) == []


def test_maine_automated_rule_reaches_solicitation_charity_and_polls_not_information() -> None:
    saturday = batch(MAINE, zone=zone_of(MAINE), windows=[(720, 780)], days=["Saturday"])
    for purpose in ("solicitation", "charitable", "poll"):
        assert [d.code for d in about(law_findings(saturday, now=QUIET, purpose=purpose), law("US-ME/automated"))] == ["RBV708"], purpose
    for purpose in ("informational", "debt-collection"):
        assert about(law_findings(saturday, now=QUIET, purpose=purpose), law("US-ME/automated")) == [], purpose


@pytest.mark.parametrize(("number", "entry"), [(KENTUCKY, "US-KY/automated"), (NEBRASKA, "US-NE/automated")])
def test_informational_automated_calls_at_22_00_are_flagged_where_the_device_rule_reaches_them(number: str, entry: str) -> None:
    late = batch(number, zone=zone_of(number), windows=[(1260, 1320)], days=["Wednesday"])
    [finding] = about(law_findings(late, now=QUIET, purpose="informational"), law(entry))
    assert finding.code == "RBV708" and "at 21:00–22:00 local time on Wednesday" in finding.message
    # Near miss: ending at 21:00.
    inside = batch(number, zone=zone_of(number), windows=[(1200, 1260)], days=["Wednesday"])
    assert about(law_findings(inside, now=QUIET, purpose="informational"), law(entry)) == []


def test_debt_collection_is_judged_by_regulation_f_not_by_solicitation_rules() -> None:
    florida = number_in("US", "FL")
    payload = batch(florida, zone="America/New_York", windows=[(1230, 1290)], days=["Wednesday"])  # 20:30–21:30
    collection = law_findings(payload, now=QUIET, purpose="debt-collection")
    assert [d.message.split(":")[0] for d in collection] == ["United States (Regulation F, debt collection)"]
    assert "at 21:00–21:30 local time on Wednesday" in collection[0].message
    solicitation = [d.message.split(":")[0] for d in law_findings(payload, now=QUIET)]
    assert solicitation == ["United States (federal)", "Florida"]
    assert law_findings(payload, now=QUIET, purpose="informational") == []


def test_charitable_calls_in_mississippi_and_australian_polls_on_sunday() -> None:
    mississippi = number_in("US", "MS")
    evening = batch(mississippi, zone="America/Chicago", windows=[(1230, 1290)], days=["Wednesday"])
    [charity] = law_findings(evening, now=QUIET, purpose="charitable")
    assert charity.message.startswith("Mississippi (charitable solicitation): charitable solicitation calls only 09:00–21:00")
    sydney = number_in("AU", None)
    sunday = batch(sydney, zone=zone_of(sydney), windows=[(600, 660)], days=["Sunday"])
    assert law_findings(sunday, now=QUIET, purpose="poll") == []  # research calls may ring on Sunday 09:00–17:00
    assert [d.code for d in law_findings(sunday, now=QUIET)] == ["RBV706"]  # telemarketing may not


def test_the_purpose_is_a_config_key_and_an_option(tmp_path: Path) -> None:
    config = tmp_path / ".retell-validate.toml"
    config.write_text('call-purpose = "debt-collection"\n', encoding="utf-8")
    assert load_config(config).settings_for(None).call_purpose == "debt-collection"
    config.write_text('call-purpose = "collections"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(config)
    payload = tmp_path / "batch.json"
    payload.write_text(
        '{"from_number": "+14157774444", "tasks": [{"to_number": "+13055550123"}],'
        ' "call_time_window": {"timezone": "America/New_York", "windows": [{"start": 1230, "end": 1290}]}}',
        encoding="utf-8",
    )
    config.unlink()
    args = ["check", str(payload), "--now", QUIET, "--select", "RBV705"]
    result = CliRunner().invoke(main, [*args, "--call-purpose", "debt-collection"])
    assert "United States (Regulation F, debt collection)" in result.output and "Florida" not in result.output
