"""The GitHub Action (action.yml): linted by actionlint in a workflow that uses it, and its check step run as the runner would."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.docs.test_ci_docs import CI_DOC
from tests.helpers import ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXAMPLE = ROOT / "tests" / "data" / "workflow-example.yml"
ACTIONLINT = shutil.which("actionlint", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
BAD = 'from_number: "+14157774444"\n'  # RBV101 at 1:1


def actionlint(repository: Path, *files: str) -> subprocess.CompletedProcess[str]:
    assert ACTIONLINT, "actionlint is in the dev extra (pip install -e '.[dev]')"
    return subprocess.run([ACTIONLINT, "-no-color", *files], cwd=repository, capture_output=True, text=True, timeout=120)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository whose root holds this action.yml, as `uses: ./` sees it."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    shutil.copy2(ROOT / "action.yml", tmp_path / "action.yml")
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    return tmp_path


def test_the_example_workflow_passes_actionlint(repository: Path) -> None:
    shutil.copy2(EXAMPLE, repository / ".github" / "workflows" / "example.yml")
    result = actionlint(repository, ".github/workflows/example.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_checks_the_inputs_against_action_yml(repository: Path) -> None:
    """The lint is real: an input the action does not have is reported."""
    workflow = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    workflow["jobs"]["retell-validate"]["steps"][-1]["with"]["fail_on"] = "warning"  # underscore: no such input
    (repository / ".github" / "workflows" / "bad.yml").write_text(yaml.safe_dump(workflow, sort_keys=False))
    result = actionlint(repository, ".github/workflows/bad.yml")
    assert result.returncode == 1
    assert '"fail_on" is not defined' in result.stdout


def test_the_documented_action_workflow_passes_actionlint(repository: Path) -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    (text,) = [b for b in blocks if "/retell-batch-validator@" in b and "jobs:" in b]
    (step,) = [st for j in yaml.safe_load(text)["jobs"].values() for st in j["steps"] if "/retell-batch-validator@" in st.get("uses", "")]
    assert set(step["with"]) <= set(ACTION["inputs"])
    # actionlint cannot read a remote action's inputs: check them here, the rest of the workflow there.
    (repository / ".github" / "workflows" / "doc.yml").write_text(text.replace("<owner>", "example"))
    result = actionlint(repository, ".github/workflows/doc.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def run_check_step(tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """The action's check step, its script run by bash with the inputs in the environment, as the runner does."""
    (step,) = [s for s in ACTION["runs"]["steps"] if s.get("id") == "check"]
    defaults = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    given = {**defaults, **inputs}
    output = tmp_path / "github-output"
    output.write_text("")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(output),
        **{f"INPUT_{name.upper().replace('-', '_')}": value for name, value in given.items()},
    }
    for variable, expression in step["env"].items():  # the step maps each input to the variable its script reads
        name = variable.removeprefix("INPUT_").lower().replace("_", "-")
        assert expression == "${{ inputs." + name + " }}"
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    return result, output.read_text()


def test_the_check_step_reports_annotations_and_fails(tmp_path: Path) -> None:
    (tmp_path / "batch-calls").mkdir()
    (tmp_path / "batch-calls" / "march.yaml").write_text(BAD)
    result, outputs = run_check_step(tmp_path, paths="batch-calls/")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::error file=batch-calls/march.yaml,line=1,")
    assert outputs == ""  # no SARIF unless asked


def test_the_check_step_writes_sarif_when_asked(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BAD)
    (tmp_path / "b.json").write_text('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}\n')
    result, outputs = run_check_step(tmp_path, paths="a.yaml b.json", sarif="true", format="text")
    assert result.returncode == 1, result.stderr
    assert "a.yaml:1:1: RBV101 [error]" in result.stdout
    assert outputs == "sarif-file=retell-validate.sarif\n"
    sarif = json.loads((tmp_path / "retell-validate.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["RBV101"]


def test_the_check_step_passes_fail_on_and_config(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "colour": 1}\n')
    passed, _ = run_check_step(tmp_path, paths="p.json")  # an unknown key is a warning
    assert passed.returncode == 0, passed.stdout + passed.stderr
    failed, _ = run_check_step(tmp_path, paths="p.json", **{"fail-on": "warning"})
    assert failed.returncode == 1
    (tmp_path / "strict.toml").write_text('fail-on = "warning"\n')
    configured, _ = run_check_step(tmp_path, paths="p.json", config="strict.toml")
    assert configured.returncode == 1  # the configuration's fail-on holds when the input is not given
    missing, _ = run_check_step(tmp_path, paths="p.json", config="missing.toml")
    assert missing.returncode == 2
    assert "missing.toml" in missing.stderr


def test_the_check_step_passes_over_files_that_are_no_payloads_by_default(tmp_path: Path) -> None:
    """paths: "." walks the repository: package.json and an app's YAML are no payloads, as for the pre-commit hook."""
    (tmp_path / "package.json").write_text('{"name": "app", "version": "1.0.0"}\n')
    (tmp_path / "app.yaml").write_text("server:\n  port: 8080\n")
    (tmp_path / "march.yaml").write_text(BAD)
    result, _ = run_check_step(tmp_path, format="text")
    assert result.returncode == 1, result.stderr
    assert [line.split(":")[0] for line in result.stdout.splitlines() if ": RBV" in line] == ["march.yaml"]
    everything, _ = run_check_step(tmp_path, format="text", **{"only-payloads": "false"})  # near miss: every file checked
    assert sorted({line.split(":")[0] for line in everything.stdout.splitlines() if ": RBV" in line}) == [
        "app.yaml",
        "march.yaml",
        "package.json",
    ]
