"""The JSON and SARIF reports say which OpenAPI document the run checked against."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.helpers import FIXED_NOW, ROOT
from tests.reporters.test_reporters import schema_errors
from validator.cli.main import main
from validator.openapi.load import bundled_spec_path, load_spec

PAYLOAD = "fixtures/invalid/ci-error-and-warning.yaml"
BUNDLED = {
    "source": "bundled",
    "title": "Retell SDK",
    "version": "3.0.0",
    "sha256": load_spec().sha256,
    "origin": "https://docs.retellai.com/api-references/create-batch-call.md",
}


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def report(fmt: str, *options: str) -> Any:
    result = CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--format", fmt, *options, PAYLOAD])
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


@pytest.fixture
def other_spec(tmp_path: Path) -> Path:
    path = tmp_path / "retell.yaml"
    path.write_text(bundled_spec_path().read_text(encoding="utf-8").replace("  version: 3.0.0\n", "  version: 3.2.0\n"), encoding="utf-8")
    return path


def test_json_report_records_the_bundled_spec() -> None:
    document = report("json")
    assert document["spec"] == BUNDLED
    assert list(document) == ["schema_version", "files", "diagnostics", "summary", "spec"]  # existing keys unchanged, in place


def test_json_report_records_a_spec_file(other_spec: Path) -> None:
    recorded = report("json", "--spec", str(other_spec))["spec"]
    assert recorded == {**BUNDLED, "source": str(other_spec.resolve()), "version": "3.2.0", "sha256": load_spec(other_spec).sha256}


def test_sarif_run_records_the_spec_and_stays_valid(other_spec: Path) -> None:
    log = report("sarif", "--spec", str(other_spec))
    assert log["runs"][0]["properties"]["spec"]["source"] == str(other_spec.resolve())
    assert log["runs"][0]["properties"]["spec"]["version"] == "3.2.0"
    assert schema_errors(log) == []
    assert report("sarif")["runs"][0]["properties"] == {
        "ready": False,
        "verdict": "Not ready to send: 1 task with other errors",
        "spec": BUNDLED,
    }
