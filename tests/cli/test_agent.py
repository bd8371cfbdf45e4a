"""``retell-validate agent pull`` with the real SDK against a local server, and ``check``/``split`` with ``--agents``."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.agents.sdk_agents import NUMBER, api_routes
from tests.helpers import FIXED_NOW, ROOT
from tests.local_http import LocalServer, Reply, closed_port, serve, silent_listener
from tests.rules.tasks.agents import batch, sales, support
from validator.agents.store import load_agents
from validator.cli.main import main


@pytest.fixture
def api() -> Iterator[LocalServer]:
    with serve(api_routes()) as running:
        yield running


def pull(server_url: str, *args: str, key: str | None = "test-key") -> Result:
    env = {"RETELL_API_KEY": key} if key is not None else {"RETELL_API_KEY": ""}
    return CliRunner().invoke(main, ["agent", "pull", *args, "--base-url", server_url, "--max-retries", "0"], env=env)


def check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, *args])


def test_pull_writes_one_file_per_agent_and_says_what_it_pulled(api: LocalServer, tmp_path: Path) -> None:
    out = tmp_path / "agents"
    result = pull(api.url(""), "agent_support", "agent_custom", "--from-number", NUMBER, "--version", "2", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["agent_custom.json", "agent_sales.json", "agent_support.json"]
    assert result.stdout.splitlines() == [
        f"{out / 'agent_support.json'}  agent_support: v1 (latest) of conversation flow cf_support",
        f"{out / 'agent_custom.json'}  agent_custom: v0 (latest) of custom LLM",
        f"{out / 'agent_sales.json'}  agent_sales: v2, v3 (latest) of Retell LLM llm_sales; tags beta, prod; outbound agent of {NUMBER}",
    ]
    agents = load_agents(out)
    assert [route.agent_id for route in agents.routes[NUMBER]] == ["agent_sales"]
    again = pull(api.url(""), "agent_support", "-o", str(out))  # a second pull keeps the rest
    assert again.exit_code == 0 and len(again.stdout.splitlines()) == 1
    assert set(load_agents(out).agents) == {"agent_custom", "agent_sales", "agent_support"}


@pytest.mark.parametrize(
    ("routes", "args", "says"),
    [
        (
            {"/get-agent/agent_sales": Reply(b'{"error_message": "bad key"}', status=401, content_type="application/json")},
            ["agent_sales"],
            "refused the API key (401 Unauthorized): check RETELL_API_KEY",
        ),
        ({}, ["agent_nope"], "agent agent_nope: not found (404)"),
        ({}, ["--from-number", "+14155550199"], "phone number +14155550199: not found (404)"),
        (
            {"/get-conversation-flow/cf_support?version=1": Reply(b"{}", status=500, content_type="application/json")},
            ["agent_sales", "agent_support"],
            "conversation flow cf_support version 1: ",
        ),
    ],
)
def test_a_failure_is_exit_2_with_a_message_and_nothing_written(
    routes: dict[str, Reply], args: list[str], says: str, tmp_path: Path
) -> None:
    out = tmp_path / "agents"
    with serve({**api_routes(), **routes}) as server:
        result = pull(server.url(""), *args, "-o", str(out))
    assert result.exit_code == 2
    assert says in result.stderr and result.stderr.rstrip().endswith("(nothing written)")
    assert result.stdout == "" and not out.exists()


def test_no_network_no_answer_and_no_key_are_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "agents"
    result = pull(f"http://127.0.0.1:{closed_port()}", "agent_sales", "-o", str(out))
    assert result.exit_code == 2 and "agent agent_sales: cannot reach http://127.0.0.1:" in result.stderr
    with silent_listener() as port:
        result = pull(f"http://127.0.0.1:{port}", "agent_sales", "-o", str(out), "--timeout", "0.3")
    assert result.exit_code == 2 and "no answer from" in result.stderr and "timeout 0.3 s" in result.stderr
    result = pull("http://127.0.0.1:1", "agent_sales", "-o", str(out), key=None)
    assert result.exit_code == 2 and "RETELL_API_KEY is not set" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ([], "name at least one AGENT_ID or --from-number"),
        (["--from-number", "4155550100"], "is not a phone number in E.164 format"),
        (["a", "--version", "v3"], "is not a version"),
        ([""], "an agent id is not empty"),
    ],
)
def test_usage_errors(args: list[str], says: str, tmp_path: Path) -> None:
    result = pull("http://127.0.0.1:1", *args, "-o", str(tmp_path / "agents"))
    assert result.exit_code == 2 and says in result.stderr


def test_check_with_agents_reports_the_variable_the_agent_and_where_it_is_spoken(api: LocalServer, tmp_path: Path) -> None:
    """The issue's "done when": a batch missing a variable the pulled agent speaks, from a pull to a check."""
    out = tmp_path / "agents"
    assert pull(api.url(""), "agent_support", "--from-number", NUMBER, "-o", str(out)).exit_code == 0
    payload = tmp_path / "batch.json"
    payload.write_text(json.dumps(batch(sales(0, without=("first_name",)), support(1, without=("product",)))), encoding="utf-8")
    result = check(str(payload), "--agents", str(out), "--select", "RBV6")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        lines[0].startswith(f"{payload}:") and "RBV606 [error] {{first_name}} is in the begin message of agent agent_sales v3" in lines[0]
    )
    assert "RBV605 [warning] {{product}} is used in the node 'Greeting' › edge 'e1' › transition condition › prompt" in result.stdout
    assert result.stderr.splitlines()[-1] == (
        f"agents: 2 pulled agents from {out}: agent_sales v3 (Retell LLM llm_sales); agent_support v1 (conversation flow cf_support)"
    )
    without = check(str(payload), "--select", "RBV6")
    assert without.exit_code == 0 and "agents:" not in without.stderr  # without --agents nothing changes


def test_check_reads_agents_from_the_configuration_and_passes_over_the_agent_files(api: LocalServer, tmp_path: Path) -> None:
    assert pull(api.url(""), "--from-number", NUMBER, "-o", str(tmp_path / "agents")).exit_code == 0
    (tmp_path / ".retell-validate.toml").write_text('agents = "agents"\n')
    (tmp_path / ".git").mkdir()
    (tmp_path / "batch.json").write_text(json.dumps(batch(sales(0, without=("order_id",)))), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--select", "RBV6", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "RBV605" in result.stdout and "agent_sales.json" not in result.stdout  # the pulled agent is not a payload
    assert "1 file," in result.stdout


def test_an_unreadable_agents_folder_is_exit_2_and_nothing_checked(tmp_path: Path) -> None:
    payload = tmp_path / "batch.json"
    payload.write_text(json.dumps(batch(sales(0))), encoding="utf-8")
    result = check(str(payload), "--agents", str(tmp_path / "missing"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: --agents: {tmp_path / 'missing'}: no such folder")
    assert "RBV" not in result.stdout
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.json").write_text("{")
    assert check(str(payload), "--agents", str(bad)).exit_code == 2
    assert check(str(payload), "--agents", str(payload)).exit_code == 2  # a file is no folder (click says so)


def test_split_sets_aside_a_task_whose_begin_message_misses_a_variable(api: LocalServer, tmp_path: Path) -> None:
    assert pull(api.url(""), "--from-number", NUMBER, "-o", str(tmp_path / "agents")).exit_code == 0
    payload = tmp_path / "batch.json"
    window = {"timezone": "America/Los_Angeles", "windows": [{"start": 600, "end": 1080}]}
    payload.write_text(json.dumps(batch(sales(0, without=("first_name",)), call_time_window=window)), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["split", str(payload), "-o", str(tmp_path / "parts"), "--now", FIXED_NOW, "--agents", str(tmp_path / "agents")]
    )
    # The task is set aside with its error (here the only one: no part, exit 1); the rest of a batch would be split.
    assert result.exit_code == 1 and "every row is set aside" in result.stderr
    (aside,) = json.loads((tmp_path / "parts" / "set-aside.json").read_text(encoding="utf-8"))
    assert aside["reason"].startswith("an error in the task: RBV606 ")
    payload.write_text(json.dumps(batch(sales(0), call_time_window=window)), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["split", str(payload), "-o", str(tmp_path / "parts2"), "--now", FIXED_NOW, "--agents", str(tmp_path / "agents")]
    )
    assert result.exit_code == 0, result.output


def test_the_command_line_imports_the_sdk_only_to_pull() -> None:
    code = "import sys, validator.cli.main; print(sorted(m for m in sys.modules if m == 'retell' or m.startswith('retell.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_without_the_sdk_pull_says_what_to_install(tmp_path: Path) -> None:
    code = (
        "import sys\nsys.modules['retell'] = None\nfrom validator.cli.main import main\n"
        f"main(['agent', 'pull', 'a', '-o', {str(tmp_path)!r}])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env={"RETELL_API_KEY": "k", "PATH": ""})
    assert out.returncode == 2
    assert "agent pull needs Retell's SDK, which is not installed: pip install 'retell-batch-validator[retell]'" in out.stderr
