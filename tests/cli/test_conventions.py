"""Conventions from ruff and friends: FORCE_COLOR, --stdin-filename, --help examples, --show-source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW
from validator.cli.main import main
from validator.cli.options import use_color

SHORT_NUMBER = '{\n  "from_number": "+14157774444",\n  "tasks": [{"to_number": "+1213"}]\n}\n'  # RBV202 at 3:27
UNKNOWN_KEY = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "colour": "red"}\n'


def check(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, *args], input=stdin, env=env)


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def test_force_color_colours_output_that_is_no_terminal(cwd: Path) -> None:
    (cwd / "p.json").write_text(UNKNOWN_KEY)
    assert "\x1b[" not in check("p.json").stdout
    assert "\x1b[33m[warning]" in check("p.json", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in check("p.json", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout  # NO_COLOR wins
    assert "\x1b[" not in check("p.json", "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in check("p.json", "--format", "json", env={"FORCE_COLOR": "1"}).stdout


def test_force_color_empty_means_unset(cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "")
    assert use_color("auto") is False  # stdout is pytest's capture, not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color("auto") is True


def test_stdin_filename_names_the_input_in_reports(cwd: Path) -> None:
    result = check("--format", "json", "--stdin-filename", "payloads/march.json", "-", stdin=SHORT_NUMBER)
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["diagnostics"]
    assert (finding["file"], finding["code"], finding["line"]) == ("payloads/march.json", "RBV202", 3)
    assert check("-", stdin=SHORT_NUMBER).stdout.startswith("<stdin>:3:27: RBV202")


def test_stdin_filename_matches_per_file_ignores(cwd: Path) -> None:
    (cwd / "pyproject.toml").write_text('[tool.retell-validate.per-file-ignores]\n"legacy/*.json" = ["RBV2"]\n')
    ignored = check("--stdin-filename", "legacy/old.json", "-", stdin=SHORT_NUMBER)
    assert ignored.exit_code == 0, ignored.output
    assert check("--stdin-filename", "current/new.json", "-", stdin=SHORT_NUMBER).exit_code == 1


def test_stdin_filename_extension_picks_the_format(cwd: Path) -> None:
    result = check("--format", "json", "--stdin-filename", "contacts.csv", "-", stdin="phone number\n12137774445\n")
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["RBV813"]  # read as CSV, not YAML


def test_help_has_examples() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "  retell-validate check --report gitlab:gl-code-quality-report.json batch-calls/" in result.stdout
    assert "FORCE_COLOR" in result.stdout


def test_show_source_puts_a_caret_under_the_column(cwd: Path) -> None:
    (cwd / "p.json").write_text(SHORT_NUMBER)
    lines = check("--show-source", "p.json").stdout.splitlines()
    at = lines.index('    3 |   "tasks": [{"to_number": "+1213"}]')
    assert lines[at - 2].startswith("p.json:3:27: RBV202 [error]")
    assert lines[at + 1] == "      |" + " " * 27 + "^"
    assert lines[at][lines[at + 1].index("^") :].startswith('"+1213"')  # under the offending value
    assert "    3 |" not in check("p.json").stdout  # only when asked


def test_show_source_escapes_control_characters_and_keeps_the_caret_aligned(cwd: Path) -> None:
    (cwd / "p.yaml").write_text('from_number: "+14157774444"\ntasks:\n- {to_number: "+12137774445", "\\e]0;x": 1}\n')
    out = check("--show-source", "p.yaml").stdout
    assert "\x1b" not in out
    frame = next(line for line in out.splitlines() if line.startswith("    3 |"))
    caret = out.splitlines()[out.splitlines().index(frame) + 1]
    assert caret.endswith("^") and caret.index("^") < len(frame)


def test_show_source_on_standard_input_and_not_in_machine_formats(cwd: Path) -> None:
    out = check("--show-source", "-", stdin=SHORT_NUMBER).stdout
    assert '    3 |   "tasks": [{"to_number": "+1213"}]' in out
    machine = check("--show-source", "--format", "json", "-", stdin=SHORT_NUMBER)
    assert json.loads(machine.stdout)["diagnostics"][0]["code"] == "RBV202"


def test_show_source_when_the_file_is_gone_prints_no_frame(cwd: Path) -> None:
    from validator.cli.source import SourceLines

    lines = SourceLines()
    assert lines("missing.json", 1) is None
    lines.add("x", b"a\r\nb\x0cc\n")
    assert (lines("x", 1), lines("x", 2), lines("x", 3), lines("x", 4)) == ("a", "b\x0cc", "", None)
