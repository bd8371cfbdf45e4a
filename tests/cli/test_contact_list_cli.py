"""The contact-list path on the command line: --region, convert's national numbers and trigger, bad input."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW
from tests.sheets import workbook
from validator.cli.main import main


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_convert_writes_national_numbers_in_e164_and_reads_the_trigger_in_the_timezone(tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("phone number,first_name\n(404) 504-8120,Ann\n404.504.8121,Bob\n", encoding="utf-8")
    out = tmp_path / "batch.json"
    args = ["convert", str(source), "--from-number", "+14155550100", "-o", str(out), "--now", FIXED_NOW]
    result = cli(*args, "--window", "09:00-17:00", "--timezone", "America/New_York", "--trigger", "2026-12-06 09:00")
    assert result.exit_code == 0, result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert [t["to_number"] for t in payload["tasks"]] == ["+14045048120", "+14045048121"]
    assert payload["trigger_timestamp"] == int(datetime(2026, 12, 6, 14, tzinfo=UTC).timestamp() * 1000)  # 09:00 EST
    assert "RBV819" in result.stderr  # the sheet still writes them nationally


def test_convert_reads_a_workbook(tmp_path: Path) -> None:
    source = workbook(tmp_path / "contacts.xlsx", [["phone number", "first_name"], [14045048120, "Ann"]])
    out = tmp_path / "batch.json"
    assert cli("convert", str(source), "--from-number", "+14155550100", "-o", str(out), "--now", FIXED_NOW).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["tasks"] == [
        {"to_number": "+14045048120", "retell_llm_dynamic_variables": {"first_name": "Ann"}}
    ]


def test_convert_lists_its_first_findings_without_naming_an_option_it_lacks(tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("phone number\n" + "".join(f"555-01{n:02d}\n" for n in range(60)), encoding="utf-8")
    result = cli("convert", str(source), "--from-number", "+14155550100", "-o", str(tmp_path / "b.json"), "--now", FIXED_NOW)
    assert result.exit_code == 1 and "--max-diagnostics" not in result.stderr
    assert f"… and 11 more: `retell-validate check {source}` lists them all\n" in result.stderr  # 60 errors and the info


def test_a_trigger_without_offset_and_an_unknown_zone_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("phone number\n+14045048120\n", encoding="utf-8")
    result = cli("check", str(source), "--window", "09:00-17:00", "--timezone", "Mars/Olympus", "--trigger", "2026-12-06 09:00")
    assert result.exit_code == 2 and "is not a time zone to read it in" in result.stderr


def test_region_on_the_command_line_and_in_the_configuration(tmp_path: Path) -> None:
    source = tmp_path / "contacts.csv"
    source.write_text("phone number\n020 7946 0018\n", encoding="utf-8")
    assert "= +442079460018" in cli("check", "--now", FIXED_NOW, "--region", "gb", str(source)).stdout
    (tmp_path / ".retell-validate.toml").write_text('region = "GB"\n', encoding="utf-8")
    assert "read as GB numbers (region GB)" in cli("check", "--now", FIXED_NOW, str(source)).stdout
