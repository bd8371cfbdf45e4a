"""The jurisdiction table of ``docs/calling-hours.md`` and the holidays snapshot, generated from the data.

    python -m validator.cli.lawdoc --write        # rewrite the table in docs/calling-hours.md
    python -m validator.cli.lawdoc                # print the table
    python -m validator.cli.lawdoc --holidays     # rewrite validator/knowledge/data/holidays_snapshot.json
    python -m validator.cli.lawdoc --geocodes     # rewrite validator/knowledge/data/nanp_geocodes.json

The table sits between two markers in the page; a test fails while it differs from
``validator/knowledge/data/calling_time_law.yaml`` (or a snapshot from the installed
``holidays`` or ``phonenumbers`` package).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from validator.calling.law_table import holiday_snapshot, laws
from validator.knowledge.locations import geocode_snapshot

START, END = "<!-- law-table:start (python -m validator.cli.lawdoc --write) -->", "<!-- law-table:end -->"
DOC = Path(__file__).resolve().parents[2] / "docs" / "calling-hours.md"
SNAPSHOT = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "holidays_snapshot.json"
GEOCODES = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "nanp_geocodes.json"
_SCOPES = {"solicitation": "telephone solicitation", "all": "all calls", "automated": "automated calls"}


def render_table() -> str:
    """One row per entry of the data file: hours by day, holidays, scope, source with its address, confidence."""
    rows = [
        "| jurisdiction | calls | Monday–Friday | Saturday | Sunday | holidays | source | confidence |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for law in laws():
        if law.rule is None:
            hours = ["no calling hours set by law", "", ""]
            holidays = ""
        else:
            hours = [
                ", ".join(f"{a // 60:02d}:{a % 60:02d}–{b // 60:02d}:{b % 60:02d}" for a, b in h) or "**no calls**" for h in law.rule.hours
            ]
            holidays = "**no calls**" if law.rule.calendar is not None else "—"
            if law.rule.effective_from or law.rule.effective_until:
                bounds = [
                    f"from {law.rule.effective_from}" if law.rule.effective_from else "",
                    f"until {law.rule.effective_until}" if law.rule.effective_until else "",
                ]
                holidays += f" ({' '.join(b for b in bounds if b)})"
        source = f"[{law.citation.replace('|', '/')}]({law.url})"
        rows.append(f"| {law.name} `{law.id}` | {_SCOPES[law.scope]} | {' | '.join(hours)} | {holidays} | {source} | {law.confidence} |")
    return "\n".join(rows) + "\n"


def with_table(page: str) -> str:
    """``page`` with the text between the markers replaced by :func:`render_table`."""
    head, rest = page.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{render_table()}{END}{tail}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the table in docs/calling-hours.md")
    parser.add_argument("--holidays", action="store_true", help="rewrite the holidays snapshot from the installed package")
    parser.add_argument("--geocodes", action="store_true", help="rewrite the +1 geocoding snapshot from the installed phonenumbers")
    args = parser.parse_args(argv)
    if args.geocodes:
        GEOCODES.write_text(json.dumps(geocode_snapshot(), indent=0, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    elif args.holidays:
        SNAPSHOT.write_text(json.dumps(holiday_snapshot(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    elif args.write:
        DOC.write_text(with_table(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        sys.stdout.write(render_table())


if __name__ == "__main__":
    main()
