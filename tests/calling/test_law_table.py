"""The calling-time law table (validator.calling.law_table): every entry keeps a source and the docs' tables are
generated from it. Every applied entry at its boundaries: tests/calling/test_law_entries.py; its evidence:
tests/calling/test_law_evidence.py."""

from __future__ import annotations

from validator.calling.law_table import laws, left_out
from validator.cli.lawdoc import DOC, render_table, with_table


def test_every_entry_keeps_a_source() -> None:
    assert len(laws()) >= 30
    for law in laws():
        assert law.citation and law.url.startswith("http"), law.id
    ids = {law.id for law in laws()}
    assert {"US", "US-FL", "US-OK", "US-MD", "US-WA", "US-TX", "US-LA", "US-AL", "US-MS", "CA", "AU"} <= ids
    assert {item["where"] for item in left_out()} >= {"GB", "DE"}  # places found to set no hours are listed too


def test_docs_table_is_generated_from_the_data() -> None:
    page = DOC.read_text(encoding="utf-8")
    assert page == with_table(page), "docs/calling-hours.md is stale: run `python -m validator.cli.lawdoc --write`"
    assert "| Florida `US-FL` | telephone solicitation calls | 08:00–20:00 |" in render_table()
