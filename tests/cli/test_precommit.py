"""The pre-commit hook, run by the real ``pre-commit`` on a throwaway repository.

The hook repository is a git copy of this working tree's package files (so
uncommitted changes are what is tested, and an sdist works too). The user's
``.pre-commit-config.yaml`` is the snippet from docs/ci.md with ``repo`` and
``rev`` pointed at that copy. pre-commit builds the hook's environment by
pip-installing the copy once (about 15 s); both runs reuse it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.docs.test_ci_docs import snippet
from tests.helpers import ROOT
from tests.readers.test_recognize import CORPUS

PACKAGE_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "validator", "spec")
GOOD = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}\n'
BAD = 'from_number: "+14157774444"\n'  # no tasks: RBV101 at 1:1

pytestmark = pytest.mark.slow


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


def hook_repository(target: Path) -> str:
    """Copy the package into a fresh git repository; returns the commit to pin."""
    target.mkdir()
    for name in PACKAGE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target / name)
    git(target, "init", "-q")
    git(target, "add", ".")
    git(target, "commit", "-q", "-m", "hook")
    return git(target, "rev-parse", "HEAD")


def user_config(hook_repo: Path, rev: str) -> str:
    """The documented .pre-commit-config.yaml, pointed at the local hook repository."""
    config = snippet("repos")
    config["repos"][0].update(repo=str(hook_repo), rev=rev)
    return yaml.safe_dump(config)


def pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--color", "never", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_hook_checks_payloads_by_content_and_passes_over_other_files(tmp_path: Path) -> None:
    rev = hook_repository(tmp_path / "hook")
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q")
    (work / ".pre-commit-config.yaml").write_text(user_config(tmp_path / "hook", rev))
    (work / "campaign.json").write_text('{"from_number": "+14157774444",\n  "tasks": [}\n')  # no batch-call name, broken
    (work / "batch-calls").mkdir()
    (work / "batch-calls" / "bad.yaml").write_text(BAD)
    (work / "batch-calls" / "good.json").write_text(GOOD)
    (work / "contacts.csv").write_text("phone number,name\n12137774445,Ann\n")  # a lost `+`: RBV8xx
    (work / "package.json").write_text('{"name": "not a payload", "version": "1.0.0"}\n')
    (work / "config").mkdir()
    (work / "config" / "app.yaml").write_text("server:\n  port: 8080\n")
    (work / "prices.csv").write_text("sku,price\n1,2\n")
    (work / "legacy.json").write_text("{'from_number': '+14157774444', 'tasks': [{'to_number': '+12137774445'}]}\n")  # single quotes
    shutil.copytree(CORPUS, work / "ops")  # Taskfile.yml, .vscode/tasks.json, workflows, compose, manifests …: no payloads
    git(work, "add", ".")
    home = tmp_path / "pre-commit-home"

    staged = pre_commit(work, home)
    assert staged.returncode == 1, staged.stdout + staged.stderr
    assert re.search(r"^campaign\.json:2:\d+: RBV001 \[error\]", staged.stdout, re.M), staged.stdout
    assert "batch-calls/bad.yaml:1:1: RBV101 [error]" in staged.stdout
    assert re.search(r"^contacts\.csv:2:\d+: RBV8\d\d ", staged.stdout, re.M), staged.stdout
    assert re.search(r"^legacy\.json:1:\d+: RBV001 \[error\]", staged.stdout, re.M), staged.stdout
    # pre-commit splits the files over parallel runs, each with its summary: campaign, bad, good, contacts, legacy
    assert sum(int(n) for n in re.findall(r"^(\d+) files?, ", staged.stdout, re.M)) == 5, staged.stdout
    for passed_over in ("package.json", "app.yaml", ".pre-commit-config.yaml", "prices.csv", "good.json:", "ops/"):
        assert passed_over not in staged.stdout

    good = pre_commit(work, home, "--files", "batch-calls/good.json", "package.json", "config/app.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"retell-validate.*Passed", good.stdout)
