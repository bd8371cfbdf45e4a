"""docs/rules.md is generated from the registry and must match it."""

from __future__ import annotations

import re

from tests.helpers import ROOT
from validator.cli.rulesdoc import COMMAND, render
from validator.engine.registry import all_rules

RULES_MD = ROOT / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date() -> None:
    assert RULES_MD.read_text(encoding="utf-8") == render(), f"docs/rules.md is out of date: run `{COMMAND}`"


def test_one_section_per_rule_with_code_name_severity_family() -> None:
    text = render()
    headings = re.findall(r"^## (RBV\d{3}) (\S+)$", text, flags=re.MULTILINE)
    assert headings == [(rule.code, rule.name) for rule in all_rules()]
    section = text.split("## RBV301 window-cross-midnight\n", 1)[1].split("\n## ", 1)[0]
    assert "- Severity: **error**" in section and "- Family: time-window" in section
    assert (
        'Fails (JSON members added to the base payload):\n\n```\n"call_time_window": {"windows": [{"start": 1320, "end": 120}]}\n```'
        in section
    )


def test_examples_show_what_is_not_the_default() -> None:
    text = render()
    too_large = text.split("## RBV014 payload-too-large\n", 1)[1].split("\n## ", 1)[0]
    assert "Fails (three tasks: over the limit; JSON members added to the base payload; `max-bytes = 200`):" in too_large
    csv_encoding = text.split("## RBV801 csv-encoding\n", 1)[1].split("\n## ", 1)[0]
    assert "; CSV; encoded as cp1252):\n\n```\nphone number,first_name\n+12137774445,José\n```" in csv_encoding
    internal = text.split("## RBV000 internal-error\n", 1)[1].split("\n## ", 1)[0]
    assert internal.rstrip().endswith("Examples: none. No payload should reach it: it reports a failure of the checker itself.")


def test_index_links_reach_the_sections() -> None:
    text = render()
    anchors = {f"{code.lower()}-{name}" for code, name in re.findall(r"^## (RBV\d{3}) (\S+)$", text, flags=re.MULTILINE)}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links and set(links) == anchors


def test_rst_literals_become_markdown_code() -> None:
    section = render().split("## RBV201 phone-not-e164\n", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"(?<!`)``(?!`)", section) is None
    assert "(`+`, country code, number, digits only)" in section
    assert "- Supersedes at the same pointer: RBV102" in section
