"""docs/agents.md: its example output is what ``check`` prints, and its pulled agents are what ``agent pull`` writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.agents.sdk_agents import NUMBER, api_routes
from tests.helpers import ROOT
from tests.local_http import serve
from validator.cli.main import main

DOC = ROOT / "docs" / "agents.md"
EXAMPLES = ROOT / "docs" / "examples"


def test_the_example_output_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = re.search(r"```console\n\$ retell-validate (check [^\n]*)\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert shown is not None
    monkeypatch.chdir(EXAMPLES)
    result = CliRunner().invoke(main, shown.group(1).split())
    assert result.exit_code == 1
    assert result.stdout + result.stderr == shown.group(2)


def test_the_example_agents_are_what_agent_pull_writes(tmp_path: Path) -> None:
    with serve(api_routes()) as server:
        args = ["agent_support", "--from-number", NUMBER, "-o", str(tmp_path), "--base-url", server.url("")]
        assert CliRunner().invoke(main, ["agent", "pull", *args], env={"RETELL_API_KEY": "k"}).exit_code == 0
    committed = sorted(path.name for path in (EXAMPLES / "agents").iterdir())
    assert committed == sorted(path.name for path in tmp_path.iterdir())
    for name in committed:
        assert (EXAMPLES / "agents" / name).read_text(encoding="utf-8") == (tmp_path / name).read_text(encoding="utf-8"), name
