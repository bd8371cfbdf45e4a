"""The README's example output is what the command prints for the payload it describes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import ROOT
from validator.cli.main import main

README = ROOT / "README.md"
BATCH = """from_number: +14157774444
tasks:
  - to_number: "+12125550123"
  - to_number: "+12125550124"
call_time_window:
  timezone: America/Los_Angeles
  windows:
    - {start: 1320, end: 60}
    - {start: 540, end: 1200}
"""


def test_the_example_output_is_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = re.search(r"```console\n\$ retell-validate check batch.yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert shown is not None
    monkeypatch.chdir(tmp_path)
    Path("batch.yaml").write_text(BATCH, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "batch.yaml", "--now", "2026-06-01T09:00:00Z"])
    assert result.exit_code == 1
    assert result.stdout + result.stderr == shown.group(1)


CAMPAIGN = """{
  "from_number": "+14157774444",
  "agent_id": "agent_0a1b2c3d4e5f6071",
  "tasks": [
    {"to_number": "+12125550123", "retell_llm_dynamic_variables": {"first_name": "Ada"}},
    {"to_number": "+12125550124", "retell_llm_dynamic_variables": {"first_name": "Grace"}}
  ],
  "call_time_window": {
    "timezone": "America/New_York",
    "windows": [{"day": ["Monday", "Friday"], "start": 600, "end": 1080}]
  }
}
"""


def test_the_dropped_key_example_and_its_fix_are_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = re.search(
        r"```console\n\$ retell-validate check campaign.json\n(.*?)\$ retell-validate check --diff campaign.json\n(.*?)```",
        README.read_text(encoding="utf-8"),
        re.S,
    )
    assert shown is not None
    monkeypatch.chdir(tmp_path)
    Path("campaign.json").write_text(CAMPAIGN, encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", "campaign.json", "--now", "2026-06-01T09:00:00Z"])
    assert (checked.exit_code, checked.stdout + checked.stderr) == (1, shown.group(1))
    diffed = CliRunner().invoke(main, ["check", "--diff", "campaign.json", "--now", "2026-06-01T09:00:00Z"])
    assert (diffed.exit_code, diffed.stdout + diffed.stderr) == (1, shown.group(2))
