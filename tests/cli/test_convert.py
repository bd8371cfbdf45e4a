"""``retell-validate convert``: a CSV contact list becomes a payload that checks clean, or nothing is written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW, ROOT
from validator import validate_file
from validator.cli.main import main

FIXTURES = ROOT / "fixtures" / "csv"
BATCH = ["--from-number", "+14157774444", "--window", "09:00-17:00", "--timezone", "America/Los_Angeles", "--now", FIXED_NOW]


def convert(*args: str) -> Result:
    return CliRunner().invoke(main, ["convert", *args])


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("excel-utf8-clean.csv", "sheets-clean.csv", "excel-damaged.csv", "excel-unicode-text.csv"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path


def test_round_trip_tasks_numbers_and_variables_match_the_rows(workdir: Path) -> None:
    result = convert("excel-utf8-clean.csv", "-o", "batch.json", *BATCH, "--name", "Spring", "--days", "Mon-Fri")
    assert result.exit_code == 0, result.output
    payload = json.loads((workdir / "batch.json").read_text(encoding="utf-8"))
    assert payload["name"] == "Spring" and payload["from_number"] == "+14157774444"
    assert payload["call_time_window"] == {
        "windows": [{"start": 540, "end": 1020}],
        "timezone": "America/Los_Angeles",
        "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    }
    assert payload["tasks"] == [
        {
            "to_number": "+12137774445",
            "retell_llm_dynamic_variables": {"first_name": "Ann", "company": "Lee, Park & Co", "notes": "Prefers mornings\nAsk for Ann"},
        },
        {
            "to_number": "+13105551234",
            "retell_llm_dynamic_variables": {"first_name": "Zoë", "company": "Acme", "notes": 'Said "call me back"'},
        },
        {"to_number": "+14155550123", "retell_llm_dynamic_variables": {"first_name": "José", "company": "Globex", "notes": "VIP"}},
    ]
    assert validate_file(workdir / "batch.json", now=FIXED_NOW).diagnostics == ()


def test_ignore_e164_column_becomes_the_task_flag(workdir: Path) -> None:
    assert convert("sheets-clean.csv", "-o", "batch.json", *BATCH).exit_code == 0
    tasks = json.loads((workdir / "batch.json").read_text(encoding="utf-8"))["tasks"]
    assert [t.get("ignore_e164_validation") for t in tasks] == [None, True, None]  # "", TRUE, FALSE
    assert tasks[2]["retell_llm_dynamic_variables"] == {"first_name": "Smith, Bob"}
    assert validate_file(workdir / "batch.json", now=FIXED_NOW).diagnostics == ()


def test_yaml_output_by_extension_checks_clean(workdir: Path) -> None:
    assert convert("excel-unicode-text.csv", "-o", "batch.yaml", *BATCH).exit_code == 0
    payload: dict[str, Any] = yaml.safe_load((workdir / "batch.yaml").read_text(encoding="utf-8"))
    assert [t["to_number"] for t in payload["tasks"]] == ["+12137774445", "+13105551234"]
    assert payload["tasks"][1]["retell_llm_dynamic_variables"]["city"] == "Paris, France"
    assert validate_file(workdir / "batch.yaml", now=FIXED_NOW).diagnostics == ()


def test_errors_refuse_to_write_and_force_writes(workdir: Path) -> None:
    refused = convert("excel-damaged.csv", "-o", "batch.json", *BATCH)
    assert refused.exit_code == 1
    assert "excel-damaged.csv:2:1: RBV812 [error]" in refused.stderr
    assert "not written: 2 error(s)" in refused.stderr
    assert list(workdir.glob("batch.json*")) == [] and list(workdir.glob("*.partial")) == []
    forced = convert("excel-damaged.csv", "-o", "batch.json", *BATCH, "--force")
    assert forced.exit_code == 0
    tasks = json.loads((workdir / "batch.json").read_text(encoding="utf-8"))["tasks"]
    assert len(tasks) == 6  # the two empty rows are not tasks
    assert tasks[0]["to_number"] == "1.21378E+10"  # written as found: the hints say how to repair


def test_usage_errors(workdir: Path) -> None:
    assert "convert needs --from-number" in convert("sheets-clean.csv", "-o", "b.json").output
    assert "use HH:MM-HH:MM" in convert("sheets-clean.csv", "-o", "b.json", "--from-number", "+14157774444", "--window", "9-5").output
    assert "give --window too" in convert("sheets-clean.csv", "-o", "b.json", "--from-number", "+14157774444", "--days", "Mon").output
    assert not (workdir / "b.json").exists()


def test_check_takes_the_batch_options_for_csv_only(workdir: Path) -> None:
    (workdir / "self.csv").write_bytes(b"phone number\r\n+14157774444\r\n")
    result = CliRunner().invoke(main, ["check", "self.csv", *BATCH])
    assert result.exit_code == 0 and "self.csv:2:1: RBV205 [warning]" in result.output
    (workdir / "p.json").write_text('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
    refused = CliRunner().invoke(main, ["check", "p.json", "--from-number", "+14157774444"])
    assert refused.exit_code == 2 and "apply to CSV contact lists only" in refused.output


def test_check_input_format_csv_on_stdin(workdir: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--input-format", "csv", "--now", FIXED_NOW, "-"], input=b"phone number\n12137774445\n")
    assert result.exit_code == 1 and "<stdin>:2:1: RBV813 [error]" in result.output


def test_convert_reads_the_configuration_like_check(tmp_path: Path) -> None:
    """An ignore in the nearest configuration silences the rule for convert too; without it the error blocks the write."""
    source = tmp_path / "contacts.csv"
    source.write_text("phone number,first_name\n+1213777444,Ann\n", encoding="utf-8")  # one digit short: RBV202
    out = tmp_path / "batch.json"
    blocked = CliRunner().invoke(main, ["convert", str(source), "--from-number", "+14157774444", "-o", str(out)])
    assert blocked.exit_code == 1, blocked.output
    assert "RBV202" in blocked.stderr and not out.exists()
    (tmp_path / ".retell-validate.toml").write_text('ignore = ["RBV202"]\n', encoding="utf-8")
    written = CliRunner().invoke(main, ["convert", str(source), "--from-number", "+14157774444", "-o", str(out)])
    assert written.exit_code == 0, written.output
    assert json.loads(out.read_text(encoding="utf-8"))["tasks"] == [
        {"to_number": "+1213777444", "retell_llm_dynamic_variables": {"first_name": "Ann"}}
    ]
    bad = CliRunner().invoke(
        main, ["convert", str(source), "--from-number", "+14157774444", "-o", str(out), "--config", str(tmp_path / "missing.toml")]
    )
    assert bad.exit_code == 2 and "error:" in bad.stderr


def test_convert_takes_select_and_ignore_like_check(tmp_path: Path) -> None:
    """The settings options every checking command shares: --ignore silences the short number, as in check."""
    source = tmp_path / "contacts.csv"
    source.write_text("phone number\n+1213777444\n", encoding="utf-8")  # one digit short: RBV202
    out = tmp_path / "b.json"
    args = ["convert", str(source), "-o", str(out), "--from-number", "+14157774444", "--now", FIXED_NOW]
    blocked = CliRunner().invoke(main, args)
    assert blocked.exit_code == 1 and "RBV202 [error]" in blocked.stderr
    written = CliRunner().invoke(main, [*args, "--ignore", "RBV202"])
    assert written.exit_code == 0, written.output
    assert json.loads(out.read_text(encoding="utf-8"))["tasks"] == [{"to_number": "+1213777444"}]
    assert CliRunner().invoke(main, [*args, "--select", "RBV2", "--ignore", "RBV202"]).exit_code == 0
    refused = CliRunner().invoke(main, [*args, "--call-purpose", "informatonal"])
    assert refused.exit_code == 2 and "Invalid value for '--call-purpose'" in refused.stderr
