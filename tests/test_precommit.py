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

from tests.test_cli_docs import snippet

ROOT = Path(__file__).resolve().parent.parent
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
def test_hook_fails_on_a_bad_payload_and_passes_on_a_good_one(tmp_path: Path) -> None:
    rev = hook_repository(tmp_path / "hook")
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q")
    (work / ".pre-commit-config.yaml").write_text(user_config(tmp_path / "hook", rev))
    (work / "batch-calls").mkdir()
    (work / "batch-calls" / "bad.yaml").write_text(BAD)
    (work / "batch-calls" / "good.json").write_text(GOOD)
    (work / "package.json").write_text('{"name": "not a payload"}\n')  # outside the hook's `files:`
    git(work, "add", ".")
    home = tmp_path / "pre-commit-home"

    staged = pre_commit(work, home)
    assert staged.returncode == 1, staged.stdout + staged.stderr
    assert "batch-calls/bad.yaml:1:1: RBV101 [error]" in staged.stdout
    assert "2 files, 1 error, 0 warnings" in staged.stdout  # bad.yaml and good.json, not package.json
    assert "good.json:" not in staged.stdout
    assert "package.json" not in staged.stdout

    good = pre_commit(work, home, "--files", "batch-calls/good.json")
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"retell-validate.*Passed", good.stdout)
