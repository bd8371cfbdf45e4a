"""The calling-time law table (validator.calling.law_table): every entry keeps a source, the docs' table is generated
from it, and every row with hours is enforced at its boundaries in the recipient's local time."""

from __future__ import annotations

from datetime import date

import pytest

from tests.calling.numbers import batch, law_codes, number_in
from tests.helpers import check
from validator import Diagnostic, Settings
from validator.calling.law_table import Law, Scope, laws
from validator.calling.windows import clock
from validator.cli.lawdoc import DOC, render_table, with_table
from validator.diagnostics import Severity
from validator.knowledge.recipient_zones import zones_for

WEEKDAY_FOR_KIND = {0: "Wednesday", 1: "Saturday", 2: "Sunday"}
QUIET_WEEKS = ("2026-03-10T12:00:00Z", "2027-03-02T12:00:00Z")  # no holiday of any calendar in the table within 7 days
CHECKED = [law for law in laws() if law.rule is not None]


def in_force_now(law: Law) -> str:
    assert law.rule is not None
    return next(now for now in QUIET_WEEKS if law.rule.allowance(date.fromisoformat(now[:10])) is not None)


def run(law: Law, start: int, end: int, day: str) -> list[Diagnostic]:
    """The law findings about this entry for a one-day window on the clock of a number in its place."""
    number = number_in(law.country, law.subdivision)
    zones = zones_for(number)
    assert zones is not None
    payload = batch(number, zone=zones.zones[0], windows=[(start, end)], days=[day])
    found = law_codes(check(payload, now=in_force_now(law), settings=Settings(horizon_days=7)))
    return [d for d in found if d.message.startswith(f"{law.name}: ")]


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
