"""Every entry carries evidence a person can read; nothing without it is applied; watched entries never fire."""

from __future__ import annotations

from copy import deepcopy
from datetime import date
from typing import Any

import pytest

from tests.calling.law_cases import LAW_CODES, WEEKDAY_NAMES, batch, number_in, purpose_of, zone_of
from tests.helpers import check
from validator import Settings
from validator.calling.law_table import Law, Level, law_of_entry, laws, left_out
from validator.cli.lawdoc import render_table
from validator.knowledge.tables import load_table

ENTRIES = list(laws())


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.id)
def test_every_entry_carries_evidence(entry: Law) -> None:
    evidence = entry.evidence
    assert evidence.citation and evidence.url.startswith("http"), entry.id
    assert evidence.checked == date(2026, 12, 5)
    if evidence.level in (Level.STATUTE, Level.REGULATOR, Level.SECONDARY):
        assert evidence.quote, f"{entry.id}: {evidence.level} evidence quotes what was read"
    if evidence.level is Level.NONE:
        assert not entry.applied and entry.watch, f"{entry.id}: no readable source, so watched with what would make it law"
    if entry.applied:
        assert entry.rule is not None and evidence.level is not Level.NONE


def _entry(law_id: str) -> dict[str, Any]:
    raw: dict[str, Any] = next(e for e in load_table("calling_time_law")["jurisdictions"] if e["id"] == law_id)
    return deepcopy(raw)


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        (lambda e: e.pop("evidence"), "needs evidence"),
        (lambda e: e["evidence"].update(level="none"), "cannot be applied"),
        (lambda e: e["evidence"].update(quote=None), "quotes what was read"),
        (lambda e: e["evidence"].pop("checked"), "checked"),
        (lambda e: e["evidence"].update(url="dnc.com"), "url"),
        (lambda e: e.update(status="watched"), "what would make it law"),
    ],
)
def test_an_entry_without_evidence_is_refused(change: Any, refusal: str) -> None:
    entry = _entry("US-FL")
    change(entry)
    with pytest.raises(RuntimeError, match=refusal):
        law_of_entry(entry)
    assert law_of_entry(_entry("US-FL")).applied  # near miss: the entry as written loads


WATCHED = [entry for entry in ENTRIES if not entry.applied and entry.rule is not None]


@pytest.mark.parametrize("entry", WATCHED, ids=lambda entry: entry.id)
def test_a_watched_entry_never_fires(entry: Law) -> None:
    """A window on every day and hour the watched entry would bar: no finding names it."""
    assert entry.rule is not None
    number = number_in(entry.country, entry.subdivision)
    payload = batch(number, zone=zone_of(number), windows=[(0, 1440)], days=list(WEEKDAY_NAMES))
    report = check(payload, now="2026-12-06T12:00:00Z", settings=Settings(call_purpose=purpose_of(entry), horizon_days=21))
    assert any(d.code == "RBV701" for d in report.diagnostics), "the window was checked against the recipient's clock"
    assert all(entry.name not in d.message for d in report.diagnostics if d.code in LAW_CODES)


def test_pennsylvania_bill_is_watched_with_what_would_make_it_law() -> None:
    bill = next(entry for entry in ENTRIES if entry.id == "US-PA/SB992")
    assert not bill.applied and bill.evidence.level is Level.NONE
    assert bill.watch is not None and "Act number" in bill.watch
    pennsylvania = next(entry for entry in ENTRIES if entry.id == "US-PA")
    assert pennsylvania.rule is not None and pennsylvania.rule.effective_until is None  # the 2019 holiday ban does not stop


def test_docs_list_evidence_watched_entries_and_what_was_left_out() -> None:
    table = render_table()
    assert "| Florida `US-FL` | telephone solicitation calls | 08:00–20:00 | 08:00–20:00 | 08:00–20:00 | — | statute |" in table
    assert "| Texas `US-TX` |" in table and "| vendor | [Tex. Bus. & Com. Code 301.051](https://tcpaguide.org/)" in table
    watched = table.split("### Watched (never applied)", 1)[1].split("### Looked at and left out", 1)[0]
    assert "`US-PA/SB992`" in watched and "`US-PA/SB992`" not in table.split("### Watched", 1)[0]
    assert all(f"| {item['where']} |" in table for item in left_out())
