"""The folder of pulled agents: read once until a file changes, merged and written atomically by a pull."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from tests.agents.sdk_agents import NUMBER, PHONE, document, write_folder
from validator.agents.store import AgentsError, agent_file_name, load_agents, save, write_json_atomic


def test_a_folder_is_read_again_only_when_a_file_changes(tmp_path: Path) -> None:
    write_folder(tmp_path, {"agent_custom": document("agent_custom")})
    first = load_agents(tmp_path)
    assert load_agents(tmp_path) is first
    (tmp_path / "notes.txt").write_text("not an agent")  # only *.json files are agents
    assert load_agents(tmp_path) is first
    write_folder(tmp_path, {"agent_support": document("agent_support")})
    second = load_agents(tmp_path)
    assert second is not first and set(second.agents) == {"agent_custom", "agent_support"}
    assert second.describe() == (
        f"2 pulled agents from {tmp_path}: agent_custom v0 (custom LLM); agent_support v1 (conversation flow cf_support)"
    )


def test_a_missing_folder_a_file_and_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(AgentsError, match="no such folder"):
        load_agents(tmp_path / "nope")
    (tmp_path / "file.json").write_text("{}")
    with pytest.raises(AgentsError, match="not a folder"):
        load_agents(tmp_path / "file.json")
    (tmp_path / "empty").mkdir()
    assert load_agents(tmp_path / "empty").describe() == f"no pulled agents in {tmp_path / 'empty'}"


def test_one_number_routed_to_two_places_is_refused(tmp_path: Path) -> None:
    other = document("agent_custom")
    other["phone_numbers"] = [{**json.loads(PHONE), "outbound_agents": [{"agent_id": "agent_custom", "weight": 1}]}]
    write_folder(tmp_path, {"agent_sales": document("agent_sales", phone=True), "agent_custom": other})
    with pytest.raises(AgentsError, match=re.escape(f"phone number {NUMBER} has other outbound agents in agent_custom.json")):
        load_agents(tmp_path)


def test_file_names_are_safe() -> None:
    assert agent_file_name("agent_0b1c") == "agent_0b1c.json"
    assert agent_file_name("../x/y") == "_x_y.json"
    assert agent_file_name("") == "agent.json"


def test_a_write_is_all_or_nothing_and_readable_like_any_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.json"
    umask = os.umask(0o022)
    try:
        write_json_atomic(target, {"old": True})
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not the temporary file's 0600
    target.chmod(0o640)
    write_json_atomic(target, {"old": True})
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # a replaced file keeps its permissions

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_json_atomic(target, {"new": True})
    assert json.loads(target.read_text()) == {"old": True}
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no temporary file left


def test_a_pull_keeps_what_it_did_not_fetch_and_moves_a_number(tmp_path: Path) -> None:
    write_folder(tmp_path, {"agent_sales": document("agent_sales", [2], phone=True), "agent_custom": document("agent_custom")})
    (tmp_path / "README.json").write_text("[]")  # not an agent: a pull leaves it alone (check --agents refuses it)
    fresh = document("agent_sales", [3])
    written = save(tmp_path, {"agent_sales": fresh}, [])
    assert written == [tmp_path / "agent_sales.json"]
    assert (tmp_path / "README.json").read_text() == "[]"
    (tmp_path / "README.json").unlink()
    merged = load_agents(tmp_path).agents["agent_sales"]
    assert set(merged.versions) == {2, 3} and [r.number for r in merged.routes] == [NUMBER]  # kept: v2 and the number
    moved = document("agent_custom")
    moved["phone_numbers"] = [{**json.loads(PHONE), "outbound_agents": [{"agent_id": "agent_custom", "weight": 1}]}]
    written = save(tmp_path, {"agent_custom": moved}, [NUMBER])
    assert sorted(written) == [tmp_path / "agent_custom.json", tmp_path / "agent_sales.json"]
    agents = load_agents(tmp_path)
    assert agents.agents["agent_sales"].routes == () and [r.agent_id for r in agents.routes[NUMBER]] == ["agent_custom"]
