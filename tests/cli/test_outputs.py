"""``check --report FORMAT:PATH`` (repeatable) and ``--output-file``: several reports from one run."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW
from validator.cli.main import main

MISSING_TASKS = '{"from_number": "+14157774444"}\n'


def check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, *args])


@pytest.fixture
def payload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.json").write_text(MISSING_TASKS)
    return tmp_path


def test_reports_beside_the_normal_output(payload: Path) -> None:
    result = check("p.json", "--report", "gitlab:gl.json", "--report", "junit:j.xml", "--report", "sarif:r.sarif")
    assert result.exit_code == 1
    assert "p.json:1:1: RBV101 [error]" in result.stdout  # the text output is still printed
    assert json.loads((payload / "gl.json").read_text())[0]["check_name"] == "RBV101"
    assert ET.fromstring((payload / "j.xml").read_text()).get("failures") == "1"
    assert json.loads((payload / "r.sarif").read_text())["runs"][0]["results"][0]["ruleId"] == "RBV101"


def test_report_files_are_never_coloured(payload: Path) -> None:
    result = check("p.json", "--color", "always", "--report", "text:t.txt")
    assert "\x1b[" in result.stdout  # the terminal output is coloured as asked
    assert result.exit_code == 1
    text = (payload / "t.txt").read_text()
    assert "p.json:1:1: RBV101 [error]" in text
    assert "\x1b[" not in text


def test_output_file_replaces_standard_output(payload: Path) -> None:
    result = check("p.json", "--format", "json", "--output-file", "report.json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert [d["code"] for d in json.loads((payload / "report.json").read_text())["diagnostics"]] == ["RBV101"]


def test_output_file_on_a_clean_run_exits_0(payload: Path) -> None:
    (payload / "p.json").write_text('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}\n')
    result = check("p.json", "-o", "out.txt")
    assert result.exit_code == 0
    assert "1 file, 0 errors" in (payload / "out.txt").read_text()


@pytest.mark.parametrize(
    ("value", "message"),
    [("gitlab", "is not FORMAT:PATH"), ("gitlab:", "is not FORMAT:PATH"), ("xml:r.xml", "unknown format 'xml'")],
)
def test_a_bad_report_target_is_a_usage_error(payload: Path, value: str, message: str) -> None:
    result = check("p.json", "--report", value)
    assert result.exit_code == 2
    assert message in result.stderr


def test_an_unwritable_report_exits_2_after_the_normal_output(payload: Path) -> None:
    result = check("p.json", "--report", "json:missing-dir/r.json")
    assert result.exit_code == 2
    assert "p.json:1:1: RBV101" in result.stdout
    assert "missing-dir/r.json: cannot write the report:" in result.stderr
