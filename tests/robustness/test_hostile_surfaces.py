"""Hostile input across the surfaces (paths, configuration, payload shapes, outputs): each asserts an exit status, a code or a message; never a traceback or a hang."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW, with_agent
from validator import validate_text
from validator.cli.main import main
from validator.readers import InputFormat

CLEAN = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}\n'


def check(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--format", "json", *args], input=stdin)


def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A real process with a timeout: what a hang would look like is a failed test, not a stuck suite."""
    command = [sys.executable, "-m", "validator", "check", "--now", FIXED_NOW, *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60, check=False)


def no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


# --- configuration: one bounded regular-file reader ----------------------------------------------


@pytest.mark.parametrize(("target", "message"), [("fifo", "a FIFO"), ("/dev/zero", "not a regular file")])
def test_config_on_a_fifo_or_device_is_refused_without_blocking(tmp_path: Path, target: str, message: str) -> None:
    (tmp_path / "a.json").write_text(CLEAN)
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
    done = run_cli(tmp_path, "--config", target, "a.json")
    assert done.returncode == 2
    assert f"{target}: cannot read: {message}" in done.stderr


def test_oversized_config_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(CLEAN)
    (tmp_path / "big.toml").write_text("# " + "x" * (2 * 1024 * 1024) + "\n")
    result = check("--config", "big.toml", "a.json")
    assert result.exit_code == 2
    assert "big.toml: cannot read: larger than 1,048,576 bytes" in result.stderr


@pytest.mark.parametrize("tool", ["3", '"text"', "[1, 2]"])
def test_pyproject_whose_tool_is_not_a_table_is_not_ours(tmp_path: Path, tool: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"tool = {tool}\n")
    (tmp_path / "a.json").write_text("{}\n")
    for args in (["a.json"], ["--config", "pyproject.toml", "a.json"]):
        result = check(*args)
        no_traceback(result)
        assert result.exit_code == 1  # the defaults apply: RBV findings, not a crash
        assert {d["code"] for d in json.loads(result.stdout)["diagnostics"]} == {"RBV101"}


def test_config_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".retell-validate.toml").write_text('ignore = ["ALL"]\n')  # planted above the checkout
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    (repo / "sub" / "a.json").write_text("{}\n")
    result = check(str(repo / "sub" / "a.json"))
    assert result.exit_code == 1
    assert "RBV101" in {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    (repo / ".git").rmdir()  # without a repository root, the ancestor applies as before
    assert check(str(repo / "sub" / "a.json")).exit_code == 0


@pytest.mark.parametrize("where", ["cli", "config"])
def test_now_with_400_digits_is_a_usage_error(tmp_path: Path, where: str) -> None:
    (tmp_path / "a.json").write_text(CLEAN)
    digits = "9" * 400
    if where == "cli":
        result = CliRunner().invoke(main, ["check", "--now", digits, "a.json"])
    else:
        (tmp_path / ".retell-validate.toml").write_text(f'now = "{digits}"\n')
        result = CliRunner().invoke(main, ["check", "a.json"])
    no_traceback(result)
    assert result.exit_code == 2
    assert "rror:" in result.stderr and "now" in result.stderr and "epoch milliseconds" in result.stderr


# --- --fix and --diff read through the same reader -------------------------------------------------


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fix_and_diff_refuse_a_fifo_and_a_device_without_blocking(tmp_path: Path, mode: str) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    done = run_cli(tmp_path, mode, "pipe.json", "zero.json")
    assert done.returncode == 2
    assert "pipe.json: cannot read: a FIFO" in done.stderr
    assert "zero.json: cannot read: not a regular file" in done.stderr


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fix_and_diff_honour_max_bytes(tmp_path: Path, mode: str) -> None:
    big = tmp_path / "big.json"
    original = '{"from_number": "+1 415 777 4444", "tasks": []}' + " " * 200 + "\n"
    big.write_text(original)
    result = check(mode, "--max-bytes", "100", "big.json")
    no_traceback(result)
    assert big.read_text() == original  # not read past the limit, so not fixed
    if mode == "--fix":
        diagnostics = json.loads(result.stdout)["diagnostics"]
        assert [(d["code"], d["severity"]) for d in diagnostics] == [("RBV014", "error")]
        assert result.exit_code == 1
    else:
        assert result.stdout == ""


# --- paths: one guarded walk -----------------------------------------------------------------------


def test_a_name_longer_than_name_max_is_exit_2_with_a_message(tmp_path: Path) -> None:
    for raw in ("a" * 300 + ".json", "sub/" + "b" * 300 + "/*.json"):
        result = check(raw)
        no_traceback(result)
        assert result.exit_code == 2
        assert "File name too long" in result.stderr or "no file matches" in result.stderr


def test_a_tree_1100_levels_deep_is_walked_without_recursion(tmp_path: Path) -> None:
    directory = tmp_path / "deep"
    for _ in range(1100):
        directory.mkdir()
        directory = directory / "d"
    directory.mkdir()
    (directory / "x.json").write_text("{}\n")
    try:
        result = check("deep")
        no_traceback(result)
        assert result.exit_code == 1
        assert {d["code"] for d in json.loads(result.stdout)["diagnostics"]} == {"RBV101"}
    finally:  # shutil.rmtree recurses, and pytest's clean-up of tmp_path would hit the RecursionError
        (directory / "x.json").unlink()
        while directory != tmp_path:
            directory.rmdir()
            directory = directory.parent


def test_an_unreadable_subdirectory_is_exit_2_not_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "w" / "locked").mkdir(parents=True)
    (tmp_path / "w" / "ok").mkdir()
    (tmp_path / "w" / "locked" / "bad.json").write_text("{}\n")
    (tmp_path / "w" / "ok" / "a.json").write_text(CLEAN)
    real_scandir = os.scandir

    def scandir(path: Path) -> object:  # a mode of 000 does not stop root, so the refusal is simulated
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = check("w")
    assert result.exit_code == 2
    assert "w/locked: cannot read directory: Permission denied (the files in it were not checked)" in result.stderr
    assert [Path(f).name for f in json.loads(result.stdout)["files"]] == ["a.json"]


# --- YAML tags that name the wrong kind of node ----------------------------------------------------


@pytest.mark.parametrize(("text", "found"), [("a: !!map x\n", "scalar"), ("!!map [a]\n", "sequence"), ("a: [!!map x]\n", "scalar")])
def test_a_map_tag_on_a_scalar_or_sequence_is_a_syntax_diagnostic(text: str, found: str) -> None:
    from validator import validate_text

    report = validate_text(text, "yaml")
    assert [(d.code, d.severity.value, d.line) for d in report.diagnostics] == [("RBV001", "error", 1)]
    assert report.diagnostics[0].message == f"cannot read YAML value: expected a mapping, but found {found}"
    result = check("--input-format", "yaml", "-", stdin=text.encode())
    no_traceback(result)
    assert result.exit_code == 1
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["RBV001"]


# --- time zones: one safe loader -------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["America", "A" * 300, "America/" + "x" * 300, "../../etc/passwd"])
def test_a_zone_naming_a_directory_or_too_long_is_rbv305_not_a_failed_rule(zone: str) -> None:
    from validator import validate

    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+12137774445"}],
        "trigger_timestamp": 1798794000000,
        "call_time_window": {"windows": [{"start": 0, "end": 600}], "timezone": zone},
    }
    report = validate(payload, now=FIXED_NOW)
    assert [(d.code, d.pointer) for d in report.diagnostics] == [("RBV305", "/call_time_window/timezone")]


def test_load_zone_opens_only_names_tzdata_lists() -> None:
    from validator.knowledge.timezones import load_zone

    assert [load_zone(n) is None for n in ("America", "B" * 300, "", "America/New_York")] == [True, True, True, False]


# --- rules that failed instead of finding ----------------------------------------------------------


def test_an_empty_dynamic_variable_key_beside_others_is_no_failed_rule() -> None:
    from validator import Settings, validate
    from validator.settings import parse_now

    def task(variables: dict[str, str], last: int) -> dict[str, object]:
        return {"to_number": f"+1213777444{last}", "retell_llm_dynamic_variables": variables}

    payload = {"from_number": "+14157774444", "tasks": [task({"name": "x"}, 5), task({"name": "y"}, 6), task({"": "z"}, 7)]}
    report = validate(payload, settings=Settings(select=frozenset({"RBV602"}), now=parse_now(FIXED_NOW)))
    assert [(d.code, d.pointer) for d in report.diagnostics] == [("RBV602", "/tasks/2/retell_llm_dynamic_variables")]
    assert "`name`" in report.diagnostics[0].message


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize("digits", [30, 400, 5000])
def test_a_huge_trigger_timestamp_hides_no_other_finding(fmt: InputFormat, digits: int) -> None:
    from validator import validate_text

    text = '{"from_number": "+14157774444", "trigger_timestamp": %s, "tasks": [{"to_number": "12"}]}' % ("9" * digits)
    report = validate_text(text, fmt, now=FIXED_NOW)
    found = [(d.code, d.pointer) for d in report.diagnostics]
    assert ("RBV201", "/tasks/0/to_number") in found
    assert "RBV000" not in {code for code, _ in found}


# --- silently passed: a key given twice with different values --------------------------------------


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize(
    ("first", "second", "code", "severity"),
    [
        ('"+14157774444"', '"+14157774444"', "RBV002", "warning"),
        ('"+14157774444"', '"+14155550100"', "RBV016", "error"),
        ("[1, 2]", "[1, 2]", "RBV002", "warning"),
        ("1", "true", "RBV016", "error"),  # equal in Python, not in JSON
        ("1", "1.0", "RBV016", "error"),
    ],
)
def test_a_key_given_twice_is_an_error_when_the_values_differ(fmt: InputFormat, first: str, second: str, code: str, severity: str) -> None:
    from validator import validate_text

    text = f'{{"x": {first}, "x": {second}, "from_number": "+14157774444", "tasks": [{{"to_number": "+12137774445"}}]}}'
    report = validate_text(text, fmt, now=FIXED_NOW)
    found = [(d.code, d.severity.value, d.pointer, d.line) for d in report.diagnostics if d.code in ("RBV002", "RBV016")]
    assert found == [(code, severity, "/x", 1)]


def test_a_differing_duplicate_fails_the_cli_run(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(CLEAN.replace('"tasks"', '"from_number": "+14155550100", "tasks"'))
    result = check("a.json")
    assert result.exit_code == 1
    assert [(d["code"], d["severity"]) for d in json.loads(result.stdout)["diagnostics"]] == [("RBV016", "error")]


# --- silently passed: UTF-16 and UTF-32 files ------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_a_utf16_or_utf32_file_fails_the_cli_run(tmp_path: Path, codec: str) -> None:
    (tmp_path / "a.json").write_bytes(CLEAN.encode(codec))
    result = check("a.json")
    assert result.exit_code == 1
    assert [(d["code"], d["severity"]) for d in json.loads(result.stdout)["diagnostics"]] == [("RBV007", "error")]


# --- the other commands that read a named file -----------------------------------------------------


def test_convert_refuses_a_fifo_without_blocking_and_leaves_no_partial_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "contacts.csv")
    command = [sys.executable, "-m", "validator", "convert", "contacts.csv", "--from-number", "+14157774444", "-o", "out.json"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "contacts.csv: cannot read: a FIFO" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.csv"]


@pytest.mark.parametrize(("target", "message"), [("fifo", "a FIFO"), ("/dev/zero", "not a regular file")])
def test_spec_on_a_fifo_or_device_is_refused_without_blocking(tmp_path: Path, target: str, message: str) -> None:
    (tmp_path / "a.json").write_text(CLEAN)
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
    done = run_cli(tmp_path, "--spec", target, "a.json")
    assert done.returncode == 2
    assert f"cannot read spec {Path(tmp_path / target) if target == 'fifo' else target}" in done.stderr
    assert message in done.stderr


def test_findings_under_a_value_a_duplicate_key_replaced_are_not_reported_at_a_place_the_data_lacks() -> None:
    """Found by the coverage-guided run: the data keeps the last `tasks`, so nothing may point into the first."""
    text = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n    !u x: 1\ntasks:\n  - to_number: "+12137774446"\n'
    report = validate_text(text, "yaml", now=FIXED_NOW)
    assert [(d.code, d.severity.value, d.pointer, d.line) for d in report.diagnostics if d.code.startswith("RBV0")] == [
        ("RBV016", "error", "/tasks", 5)
    ]
    near_miss = text.replace('tasks:\n  - to_number: "+12137774446"\n', "")  # written once: its tag is reported where it is
    found = validate_text(near_miss, "yaml", now=FIXED_NOW).diagnostics
    assert sorted((d.code, d.pointer) for d in found if d.code in ("RBV010", "RBV013")) == [
        ("RBV010", "/tasks/0/null"),
        ("RBV013", "/tasks/0/null"),
    ]


def test_a_superscript_digit_is_a_tag_finding_not_a_failed_rule() -> None:
    """Found by the 1,000,000-input run: "²".isdigit() is True, int("²") raises."""
    payload = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "override_agent_version": "²"}]}'
    [d] = [d for d in validate_text(payload, "json", now=FIXED_NOW).diagnostics if d.code in ("RBV000", "RBV501")]
    assert (d.code, d.pointer) == ("RBV501", "/tasks/0/override_agent_version")
    assert "which is not a valid tag" in d.message
    near_miss = payload.replace('"²"', '"3"')  # ASCII digits in a string: the number-as-string finding
    [d] = [d for d in validate_text(near_miss, "json", now=FIXED_NOW).diagnostics if d.code == "RBV501"]
    assert "a version number must be a JSON number" in d.message


def test_a_finding_at_the_end_of_a_yaml_text_without_a_final_line_break_stays_inside_the_file() -> None:
    """Found by the 1,000,000-input run: libyaml marks an empty node at the end on a line past the text."""
    text = "from_number: '+14157774444'\ntasks:\n- to_number: '+12137774445'\n  custom_sip_headers:\n    ? "
    [d] = [d for d in validate_text(text, "yaml", now=FIXED_NOW).diagnostics if d.code == "RBV102" and "custom_sip" in d.pointer]
    assert (d.pointer, d.line, d.column, d.end_line, d.end_column) == ("/tasks/0/custom_sip_headers/null", 5, 7, 5, 7)
    ended = text + "\n"  # near miss: with the line break, the empty node's (empty) last line exists
    [d] = [d for d in validate_text(ended, "yaml", now=FIXED_NOW).diagnostics if d.code == "RBV102" and "custom_sip" in d.pointer]
    assert (d.line, d.column) == (6, 1)


def test_an_unclosed_ipv6_bracket_in_a_url_is_a_finding_not_a_failed_rule() -> None:
    """Found by the coverage-guided run: urllib raises ValueError for "http://[abc"."""
    payload = {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_url": "https://[abc/x"}}}],
    }
    found = [
        (d.code, d.pointer, d.message)
        for d in validate_text(json.dumps(payload), "json", now=FIXED_NOW).diagnostics
        if d.code.startswith(("RBV000", "RBV51", "RBV52"))
    ]
    assert found == [
        (
            "RBV518",
            "/tasks/0/agent_override/agent/webhook_url",
            '`webhook_url` "https://[abc/x" has an invalid IPv6 host (a [ without its ]); expected an absolute https:// URL',
        )
    ]
    closed = json.dumps(payload).replace("[abc", "[2001:db8::1]")  # near miss: a well-formed IPv6 host
    assert [d.code for d in validate_text(closed, "json", now=FIXED_NOW).diagnostics if d.code.startswith(("RBV000", "RBV518"))] == []


@pytest.mark.parametrize("value", [None, 1, "x", [], [None], {"a": None}, True])
def test_agent_override_fields_of_any_shape_fail_no_rule(value: Any) -> None:
    fields = [
        "voice_id", "voice_model", "fallback_voice_ids", "voice_emotion", "language", "webhook_url", "post_call_analysis_data",
        "custom_stt_config", "user_dtmf_options", "response_engine", "stt_mode", "begin_message_delay_ms", "vocab_specialization",
        "timezone", "voicemail_option", "webhook_timeout_ms", "boosted_keywords", "webhook_events",
    ]  # fmt: skip
    payload = with_agent(**dict.fromkeys(fields, value))
    payload["tasks"][0]["agent_override"]["retell_llm"] = dict.fromkeys(["model", "s2s_model", "start_speaker", "begin_message"], value)
    payload["tasks"][0]["override_agent_version"] = value
    payload["tasks"].append({"to_number": "+12137774446", "agent_override": copy.deepcopy(value)})
    assert [d for d in validate_text(json.dumps(payload), "json", now=FIXED_NOW).diagnostics if d.code == "RBV000"] == []
