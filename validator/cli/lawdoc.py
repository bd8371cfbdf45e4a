"""The law tables of ``docs/calling-hours.md`` and the holidays snapshot, generated from the data.

    python -m validator.cli.lawdoc --write        # rewrite the tables in docs/calling-hours.md
    python -m validator.cli.lawdoc                # print the tables
    python -m validator.cli.lawdoc --holidays     # rewrite validator/knowledge/data/holidays_snapshot.json
    python -m validator.cli.lawdoc --geocodes     # rewrite validator/knowledge/data/nanp_geocodes.json

The tables (the entries applied, with their evidence; the entries watched, with what would
make them law; what was examined and left out) sit between two markers in the page; a
test fails while they differ from ``validator/knowledge/data/calling_time_law.yaml`` (or
a snapshot from the installed ``holidays`` or ``phonenumbers`` package).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from validator.calling.law_table import Law, Rule, holiday_snapshot, laws, left_out
from validator.knowledge.locations import geocode_snapshot

START, END = "<!-- law-table:start (python -m validator.cli.lawdoc --write) -->", "<!-- law-table:end -->"
DOC = Path(__file__).resolve().parents[2] / "docs" / "calling-hours.md"
SNAPSHOT = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "holidays_snapshot.json"
GEOCODES = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "nanp_geocodes.json"


def render_table() -> str:
    """The entries applied, the entries watched, and what was left out, as Markdown tables."""
    applied = [law for law in laws() if law.applied]
    watched = [law for law in laws() if not law.applied]
    rows = [
        "### Applied",
        "",
        "| jurisdiction | calls | Monday–Friday | Saturday | Sunday | holidays | evidence | source (where it was read) | checked |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for law in applied:
        assert law.rule is not None  # an applied entry has hours (law_table refuses one without)
        rows.append(
            f"| {law.name} `{law.id}` | {law.scope.words()} | {' | '.join(_hours(law.rule))} | {_holidays(law)} "
            f"| {law.evidence.level} | {_source(law)} | {law.evidence.checked} |"
        )
    rows += [
        "",
        "### Watched (never applied)",
        "",
        "| jurisdiction | calls | what was claimed | source | what would make it law |",
        "| --- | --- | --- | --- | --- |",
    ]
    for law in watched:
        claimed = law.rule.words() if law.rule is not None else "hours not read"
        rows.append(f"| {law.name} `{law.id}` | {law.scope.words()} | {claimed} | {_source(law)} | {_cell(law.watch or '')} |")
    rows += ["", "### Looked at and left out", "", "| where | what | why |", "| --- | --- | --- |"]
    rows += [f"| {_cell(item['where'])} | {_cell(item['what'])} | {_cell(item['reason'])} |" for item in left_out()]
    return "\n".join(rows) + "\n"


def _hours(rule: Rule) -> list[str]:
    return [", ".join(f"{a // 60:02d}:{a % 60:02d}–{b // 60:02d}:{b % 60:02d}" for a, b in h) or "**no calls**" for h in rule.hours]


def _holidays(law: Law) -> str:
    rule = law.rule
    assert rule is not None
    text = "**no calls**" if rule.calendar is not None else "—"
    if rule.eve_hours is not None:
        text += f"; the day before: {', '.join(f'{a // 60:02d}:{a % 60:02d}–{b // 60:02d}:{b % 60:02d}' for a, b in rule.eve_hours)}"
    if law.clock is not None:
        text += f"; hours on {law.clock.name}"
    if rule.effective_from:
        text += f" (from {rule.effective_from})"
    if rule.effective_until:
        text += f" (until {rule.effective_until})"
    if law.binds:
        text += f"; binds {law.binds}"
    return text


def _source(law: Law) -> str:
    official = f" ([official]({law.evidence.official}))" if law.evidence.official else ""
    return f"[{_cell(law.citation)}]({law.url}){official}"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def with_table(page: str) -> str:
    """``page`` with the text between the markers replaced by :func:`render_table`."""
    head, rest = page.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{render_table()}{END}{tail}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the tables in docs/calling-hours.md")
    parser.add_argument("--holidays", action="store_true", help="rewrite the holidays snapshot from the installed package")
    parser.add_argument("--geocodes", action="store_true", help="rewrite the geocoding snapshot from the installed phonenumbers")
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
