"""docs/ci.md: every YAML snippet parses, and every ``retell-validate`` command in it runs as documented."""

from __future__ import annotations

import json
import re
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from tests.helpers import ROOT
from validator.cli.main import main

CI_DOC = ROOT / "docs" / "ci.md"
BAD = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n    retell_llm_dynamic_variables: 5\n'


def snippets() -> list[Any]:
    blocks = re.findall(r"```yaml\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    return [yaml.safe_load(block) for block in blocks]


def snippet(kind: str) -> Any:
    """The first snippet of a kind: a GitHub workflow (``jobs``), a pre-commit config (``repos``), GitLab jobs (``script``)."""
    for data in snippets():
        if kind in data or any(isinstance(job, dict) and kind in job for job in data.values()):
            return data
    raise AssertionError(f"no {kind} snippet in {CI_DOC}")


def commands(data: Any) -> list[str]:
    """Shell lines of a GitHub workflow (``run``) or of GitLab jobs (``script``)."""
    if "jobs" in data:
        return [step["run"] for job in data["jobs"].values() for step in job["steps"] if "run" in step]
    return [line for job in data.values() for line in job["script"]]


def our_commands() -> list[str]:
    return [
        line
        for data in snippets()
        if isinstance(data, dict) and "repos" not in data
        for line in commands(data)
        if "retell-validate" in line
    ]


def run_documented(line: str, cwd: Path) -> tuple[int, str, str | None]:
    """Run one documented command in-process: the exit code, standard output and the file it redirects to."""
    words = shlex.split(line)
    target = words[words.index(">") + 1] if ">" in words else None
    argv = words[1 : words.index(">")] if target else words[1:]
    assert words[0] == "retell-validate"
    result = CliRunner().invoke(main, argv)
    if target:
        (cwd / target).write_text(result.stdout)
    return result.exit_code, result.stdout, target


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "batch-calls").mkdir()
    (tmp_path / "batch-calls" / "march.yaml").write_text(BAD)
    return tmp_path


def test_the_snippets_are_found() -> None:
    assert len(our_commands()) >= 3  # GitHub, GitLab, JUnit (the action's own step is tested in tests/cli/test_action.py)


@pytest.mark.parametrize("line", our_commands())
def test_documented_command_runs_as_described(project: Path, line: str) -> None:
    code, out, target = run_documented(line, project)
    assert code == (0 if "--exit-zero" in line else 1), out  # the payload has an error: never a usage error
    if "--format sarif" in line:
        assert json.loads(out)["version"] == "2.1.0"
    elif "--format gitlab" in line:
        assert json.loads(out)[0]["check_name"] == "RBV102"
    elif "--format junit" in line:
        assert ET.fromstring(out).get("failures") == "1"
    elif "--format github" in line:
        assert out.startswith("::error file=batch-calls/march.yaml,line=4,")
    else:
        assert "batch-calls/march.yaml:4:" in out
    for format, path in (w.split(":", 1) for w in _report_targets(line)):
        report = json.loads((project / path).read_text())
        if format == "gitlab":
            assert report[0]["check_name"] == "RBV102"
        else:
            assert format == "sarif"
            assert report["runs"][0]["results"][0]["ruleId"] == "RBV102"
    assert target is None or (project / target).exists()


def test_github_uploads_the_file_the_sarif_step_writes() -> None:
    workflow = snippet("jobs")
    steps = workflow["jobs"]["retell-validate"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    (check,) = [s for s in steps if "retell-validate check" in s.get("run", "")]  # one run: annotations and SARIF
    (written,) = [t.removeprefix("sarif:") for t in _report_targets(check["run"]) if t.startswith("sarif:")]
    assert written == upload["with"]["sarif_file"]
    assert workflow["jobs"]["retell-validate"]["permissions"]["security-events"] == "write"
    assert upload["if"] == "always()"  # the report is uploaded when the check step failed


def _report_targets(line: str) -> list[str]:
    words = shlex.split(line)
    return [words[i + 1] for i, word in enumerate(words) if word == "--report"]


def test_gitlab_runs_the_check_once_and_keeps_the_report_it_writes() -> None:
    jobs = snippet("script")
    job = jobs["retell-validate"]
    (line,) = [line for line in job["script"] if "retell-validate check" in line]
    (written,) = [t.removeprefix("gitlab:") for t in _report_targets(line) if t.startswith("gitlab:")]
    assert job["artifacts"]["reports"]["codequality"] == written
    assert job["artifacts"]["when"] == "always"


def test_precommit_snippet_names_our_hook() -> None:
    (repo,) = [data for data in snippets() if isinstance(data, dict) and "repos" in data][1]["repos"]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in repo["hooks"]] == [h["id"] for h in hooks] == ["retell-validate"]
    assert hooks[0]["entry"] == "retell-validate check --only-payloads"
    assert hooks[0]["types_or"] == ["json", "yaml", "csv"]
    assert "files" not in hooks[0]  # payloads are recognised by content, never by name
