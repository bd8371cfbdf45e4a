"""Payloads recognised by content (``validator.readers.recognize``) and ``check --only-payloads``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW, ROOT
from validator.cli.main import main
from validator.readers.recognize import is_payload


def check(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--format", "json", *args])


@pytest.mark.parametrize(
    ("text", "format", "expected"),
    [
        ('{"from_number": "+14157774444"}', "json", True),
        ('{"metadata": {"from_number": 1}, "tasks": [', "json", True),  # broken, still a payload
        ('{"name": "app", "scripts": {"tasks": 1}}', "json", False),  # `tasks` only nested
        ('[{"from_number": 1}]', "json", False),
        ("call_time_window:\n  windows: []\n", "yaml", True),
        ("repos:\n  - repo: x\n    tasks: 1\n", "yaml", False),
        ("phone number,name\n+14157774444,A\n", "csv", True),
        ("sku,price\n1,2\n", "csv", False),
    ],
)
def test_is_payload_by_root_keys_or_phone_column(text: str, format: str, expected: bool) -> None:
    assert is_payload(text, format) is expected  # type: ignore[arg-type]


@pytest.fixture
def mixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "campaign.json").write_text('{"from_number": "+14157774444"}\n')  # RBV101: no tasks
    (tmp_path / "package.json").write_text('{"name": "app"}\n')
    (tmp_path / "app.yaml").write_text("port: 8080\n")
    (tmp_path / "contacts.csv").write_text("phone number\n12137774445\n")  # RBV813: no leading +
    (tmp_path / "prices.csv").write_text("sku,price\n1,2\n")
    return tmp_path


def _files(result: Result) -> set[str]:
    return {d["file"] for d in json.loads(result.stdout)["diagnostics"]}


def test_only_payloads_passes_over_other_files_silently(mixed: Path) -> None:
    result = check("--only-payloads", "campaign.json", "package.json", "app.yaml", "contacts.csv", "prices.csv")
    assert result.exit_code == 1
    assert _files(result) == {"campaign.json", "contacts.csv"}
    assert {d["code"] for d in json.loads(result.stdout)["diagnostics"]} == {"RBV101", "RBV813"}
    assert result.stderr == "1 fixable with --fix.\n"  # the lost +, in contacts.csv: nothing about the files passed over


def test_only_payloads_walks_csv_by_content(mixed: Path) -> None:
    result = check("--only-payloads", ".")
    assert result.exit_code == 1
    assert _files(result) == {"campaign.json", "contacts.csv"}


def test_without_the_switch_a_named_file_is_always_checked(mixed: Path) -> None:
    result = check("package.json")
    assert result.exit_code == 1
    assert {d["code"] for d in json.loads(result.stdout)["diagnostics"]} == {"RBV101"}
    walked = check(".")  # a plain walk takes JSON and YAML, not CSV
    assert "contacts.csv" not in _files(walked)
    assert "package.json" in _files(walked)


def test_only_payloads_with_nothing_recognised_exits_0_without_warning(mixed: Path) -> None:
    result = check("--only-payloads", "package.json", "prices.csv")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_only_payloads_does_not_block_on_a_fifo_named_on_the_command_line(tmp_path: Path) -> None:
    """Recognition opens files as regular files only: a FIFO is reported (exit 2), never waited on."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = CliRunner().invoke(main, ["check", "--only-payloads", str(fifo)])
    assert result.exit_code == 2
    assert "a FIFO; only regular files are read" in result.stderr


def test_recognition_reads_utf16_payloads_and_never_raises() -> None:
    """A UTF-16 payload is a payload (the check then says the API reads UTF-8 only): never passed over silently."""
    payload = '{"from_number": "+14157774444", "tasks": []}'
    assert is_payload(payload.encode("utf-16"), "json")
    assert is_payload(("phone number,first_name\r\n+12137774445,Ann\r\n").encode("utf-16"), "csv")
    assert is_payload((ROOT / "fixtures/csv/excel-unicode-text.csv").read_bytes(), "csv")
    assert is_payload(b'"phone\x00number"\r\n', "csv")  # a header the csv module cannot read: checked, not passed over
    assert not is_payload('{"name": "app"}'.encode("utf-16"), "json")  # near miss: UTF-16, but no payload keys


def test_only_payloads_over_the_bundled_fixtures_checks_every_payload() -> None:
    result = CliRunner().invoke(main, ["check", "--only-payloads", "--format", "json", str(ROOT / "fixtures"), "--now", FIXED_NOW])
    assert result.exit_code == 1, result.output
    checked = {Path(name).name for name in json.loads(result.stdout)["files"]}
    assert "excel-unicode-text.csv" in checked  # the UTF-16 contact list is recognised and checked
    assert {"sheets-no-phone-column.csv", "xlsx-renamed.csv"}.isdisjoint(checked)  # no phone column; a workbook
    assert not [name for name in checked if name.endswith(".expected.json")]  # the golden files are lists, no payloads
    walked = {  # fixtures/.retell-validate.toml excludes the golden files and the --fix pairs
        p.name for p in (ROOT / "fixtures").rglob("*") if p.suffix in (".json", ".yaml", ".csv") and "fix" not in p.parts[-3:-1]
    }
    assert checked == {name for name in walked if not name.endswith(".expected.json")} - {"sheets-no-phone-column.csv", "xlsx-renamed.csv"}
