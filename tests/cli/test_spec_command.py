"""``--spec`` (a newer OpenAPI document), ``spec info`` and ``spec diff``, on a modified copy of the bundled spec."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from tests.helpers import FIXED_NOW, ROOT
from validator.cli.main import main
from validator.openapi.load import bundled_spec_path, load_spec

BUNDLED = bundled_spec_path().read_text(encoding="utf-8")
FUNDAY = json.dumps(
    {
        "from_number": "+14157774444",
        "tasks": [{"to_number": "+12137774445"}],
        "call_time_window": {"windows": [{"start": 540, "end": 1020}], "day": ["Funday"], "timezone": "America/Los_Angeles"},
    }
)


def modified(tmp_path: Path, old: str, new: str, name: str = "newer.yaml") -> Path:
    assert BUNDLED.count(old) == 1, old
    path = tmp_path / name
    path.write_text(BUNDLED.replace(old, new), encoding="utf-8")
    return path


@pytest.fixture
def newer(tmp_path: Path) -> Path:
    """The bundled spec with a new day, one field fewer in the task, and a new version."""
    path = modified(
        tmp_path, "    DayOfWeek:\n      type: string\n      enum:\n", "    DayOfWeek:\n      type: string\n      enum:\n        - Funday\n"
    )
    text = path.read_text(encoding="utf-8").replace("  version: 3.0.0\n", "  version: 3.1.0\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_new_enum_value_is_accepted_with_spec_and_rejected_without(newer: Path, tmp_path: Path) -> None:
    payload = tmp_path / "batch.json"
    payload.write_text(FUNDAY, encoding="utf-8")
    without = run("check", "--now", FIXED_NOW, "--format", "json", str(payload))
    assert without.exit_code == 1
    found = [(d["code"], d["path"]) for d in json.loads(without.stdout)["diagnostics"] if d["severity"] == "error"]
    assert found == [("RBV103", "/call_time_window/day/0")]
    with_spec = run("check", "--now", FIXED_NOW, "--spec", str(newer), str(payload))
    assert with_spec.exit_code == 0, with_spec.stdout


def test_invalid_openapi_document_is_exit_2_with_the_reason(tmp_path: Path) -> None:
    broken = modified(tmp_path, "  version: 3.0.0\n", "  versoin: 3.0.0\n")
    result = run("check", "--spec", str(broken), "fixtures/clean/seed-example.json")
    assert result.exit_code == 2
    assert f'spec {broken.resolve()} is not a valid OpenAPI document: at info: "version" is a required property' in result.stderr


def test_spec_without_the_operation_is_exit_2(tmp_path: Path) -> None:
    other = modified(tmp_path, "  /create-batch-call:\n", "  /create-batch-web-call:\n")
    result = run("check", "--spec", str(other), "fixtures/clean/seed-example.json")
    assert result.exit_code == 2
    assert "has no request body schema for POST /create-batch-call" in result.stderr


def test_openapi_spec_validator_stays_off_the_normal_check_path() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from validator.cli.main import main; "
        "r = CliRunner().invoke(main, ['check', 'fixtures/clean/seed-example.json']); "
        "print(r.exit_code, 'openapi_spec_validator' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["0", "False"]


def test_spec_info_prints_title_version_sha256_and_source() -> None:
    spec = load_spec()
    result = run("spec", "info")
    assert result.exit_code == 0
    source = "bundled snapshot of https://docs.retellai.com/api-references/create-batch-call.md"
    assert result.stdout == f"title:   Retell SDK\nversion: 3.0.0\nsha256:  {spec.sha256}\npath:    {spec.path}\nsource:  {source}\n"


def test_spec_info_of_another_spec(newer: Path) -> None:
    output = run("spec", "info", "--spec", str(newer)).stdout
    assert "version: 3.1.0\n" in output
    assert output.endswith(f"source:  file {newer.resolve()} (from https://docs.retellai.com/api-references/create-batch-call.md)\n")
    plain = newer.with_name("plain.yaml")  # no `# source:` line (a new name: specs are cached by path)
    plain.write_text(newer.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    assert run("spec", "info", "--spec", str(plain)).stdout.endswith(f"source:  file {plain.resolve()}\n")


def test_spec_info_names_the_configured_spec(newer: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(f'[tool.retell-validate]\nspec = "{newer.name}"\n', encoding="utf-8")
    assert "version: 3.1.0\n" in run("spec", "info").stdout
    (tmp_path / "pyproject.toml").write_text('[tool.retell-validate]\nspec = "missing.yaml"\n', encoding="utf-8")
    result = run("spec", "info")
    assert result.exit_code == 2
    assert f"{tmp_path / 'pyproject.toml'}: spec: cannot read spec {tmp_path / 'missing.yaml'}" in result.stderr


def test_check_reads_spec_from_the_configuration_and_spec_option_wins(newer: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "batch.json").write_text(FUNDAY, encoding="utf-8")
    (tmp_path / ".retell-validate.toml").write_text(f'spec = "{newer.name}"\n', encoding="utf-8")
    assert run("check", "--now", FIXED_NOW, "batch.json").exit_code == 0
    assert run("check", "--now", FIXED_NOW, "--spec", str(bundled_spec_path()), "batch.json").exit_code == 1
    (tmp_path / ".retell-validate.toml").write_text('spec = "nowhere.yaml"\n', encoding="utf-8")
    broken = run("check", "--now", FIXED_NOW, "batch.json")
    assert broken.exit_code == 2
    assert broken.stderr.startswith(f"error: {tmp_path / '.retell-validate.toml'}: spec: cannot read spec {tmp_path / 'nowhere.yaml'}")


def test_spec_diff_against_a_base_file(newer: Path) -> None:
    result = run("spec", "diff", "--base", str(newer), str(bundled_spec_path()))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(f"--- Retell SDK 3.1.0 ({newer}, sha256 ")
    assert result.stdout.splitlines()[2] == '- enum  call_time_window.day[]: "Funday"'


def test_spec_diff_lists_added_and_removed_fields_and_enum_values(newer: Path) -> None:
    document = yaml.safe_load(newer.read_text(encoding="utf-8"))
    del document["components"]["schemas"]["BatchCallTask"]["properties"]["ignore_e164_validation"]
    newer.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    result = run("spec", "diff", str(newer))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"--- Retell SDK 3.0.0 (bundled, sha256 {load_spec().sha256[:12]})"
    assert lines[2:] == [
        '+ enum  call_time_window.day[]: "Funday"',
        "- field tasks[].ignore_e164_validation",
        "2 change(s) in request-body fields and enum values",
    ]
    as_json = json.loads(run("spec", "diff", "--format", "json", str(newer)).stdout)
    assert as_json["changes"] == [
        {"change": "added", "kind": "enum", "path": "call_time_window.day[]", "value": '"Funday"'},
        {"change": "removed", "kind": "field", "path": "tasks[].ignore_e164_validation"},
    ]
    assert (as_json["old"]["path"], as_json["new"]["version"]) == ("bundled", "3.1.0")


def test_spec_diff_of_the_same_spec_is_empty_and_exit_0() -> None:
    result = run("spec", "diff", str(bundled_spec_path()))
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (0, "0 change(s) in request-body fields and enum values")
