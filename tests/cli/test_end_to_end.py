"""The command as a user runs it: exit codes, JSON output, stdin, and the installed wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import ROOT
from validator.cli.main import main

SEED = ROOT / "fixtures" / "clean" / "seed-example.json"


def run(*args: str, input: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.output


def test_clean_seed_exits_0() -> None:
    code, out = run("check", str(SEED))
    assert code == 0
    assert "1 file, 0 errors, 0 warnings" in out


def test_findings_exit_1_and_bad_files_do_not_stop_others(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"from_number": "+14157774444", "tasks": [}')
    code, out = run("check", str(bad), str(SEED))
    assert code == 1
    assert f"{bad}:1:43: RBV001 [error]" in out
    assert "2 files, " in out


def test_missing_file_exits_2_after_checking_the_rest(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope.json"), str(SEED)])
    assert result.exit_code == 2
    assert "nope.json: no such file or directory" in result.output
    assert "1 file, " in result.output


def test_usage_errors_exit_2() -> None:
    assert run("check")[0] == 2
    assert run("check", "--select", "XYZ9", str(SEED))[0] == 2
    assert run("check", "--now", "yesterday", str(SEED))[0] == 2
    assert run("explain", "RBV999")[0] == 2


def test_fail_on_warning(tmp_path: Path) -> None:
    payload = tmp_path / "typo.json"
    payload.write_text('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "metdata": {}}]}')
    assert run("check", str(payload))[0] == 0
    assert run("check", "--fail-on", "warning", str(payload))[0] == 1
    assert run("check", "--ignore", "RBV111", "--fail-on", "warning", str(payload))[0] == 0


def test_json_output_shape(tmp_path: Path) -> None:
    payload = tmp_path / "p.json"
    payload.write_text('{"from_number": 1,\n "tasks": []}')
    code, out = run("check", "--format", "json", "--select", "RBV1", str(payload))
    assert code == 1
    document = json.loads(out)
    assert document["schema_version"] == 1
    [d] = document["diagnostics"]
    assert {k: d[k] for k in ("file", "code", "severity", "path", "line", "column")} == {
        "file": str(payload),
        "code": "RBV102",
        "severity": "error",
        "path": "/from_number",
        "line": 1,
        "column": 17,
    }


def test_stdin_and_directories(tmp_path: Path) -> None:
    code, out = run("check", "--input-format", "yaml", "-", input=b"from_number: '+14157774444'\ntasks: []\n")
    assert "<stdin>" not in out or code in (0, 1)
    (tmp_path / "a.json").write_text(SEED.read_text())
    (tmp_path / "notes.txt").write_text("not a payload")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yaml").write_text("tasks: []\n")
    code, out = run("check", str(tmp_path))
    assert code == 1
    assert "2 files, " in out
    assert "b.yaml:1:1: RBV101" in out


def test_rules_and_explain() -> None:
    code, out = run("rules")
    assert code == 0
    assert "RBV101  required-field" in out
    code, out = run("explain", "unknown-key")
    assert code == 0
    assert out.startswith("RBV111 unknown-key (default severity: warning")
    assert "\nFails (JSON)::\n" in out


def test_main_job_on_bundled_fixtures_runs() -> None:
    clean = sorted(p for p in (ROOT / "fixtures" / "clean").glob("*.json") if not p.name.endswith(".expected.json"))
    code, out = run("check", *map(str, clean))
    assert code == 0, out


@pytest.mark.skipif(os.environ.get("RBV_SKIP_WHEEL") == "1", reason="wheel test disabled")
def test_installed_wheel_works_outside_the_repo(tmp_path: Path) -> None:
    """Build the wheel, install it in a fresh venv (deps from this one), run the CLI elsewhere."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = dist.glob("retell_batch_validator-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # Dependencies come from this environment (no network); a plain path entry, so the editable
    # install's own .pth here is not processed and `validator` can only come from the wheel.
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], capture_output=True, text=True)
    Path(site.stdout.strip(), "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "batch.json").write_text('{"from_number": 1, "tasks": []}')
    cli = env_dir / "bin" / "retell-validate"
    clean_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([str(cli), "check", "batch.json"], cwd=elsewhere, capture_output=True, text=True, env=clean_env)
    assert result.returncode == 1, result.stderr
    assert "batch.json:1:17: RBV102" in result.stdout
    where = subprocess.run(
        [str(python), "-c", "import validator.openapi.load as s; print(s.bundled_spec_path())"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=clean_env,
    )
    assert "_spec" in where.stdout and str(ROOT) not in where.stdout
