"""The pre-commit hooks of docs/ci.md, run by the real ``pre-commit`` on a throwaway repository.

The first snippet (``repo: local``, ``language: system``) runs as written, with this
environment's ``retell-validate`` on ``PATH``. The second (the hook repository at a release
tag) runs with ``repo`` pointed at a git copy of this working tree's package files (so
uncommitted changes are what is tested) tagged with the documented ``rev``; pre-commit builds
the hook's environment by pip-installing the copy once (about 15 s).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.docs.test_ci_docs import snippets as all_snippets
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


def hook_repository(target: Path, tag: str) -> str:
    """Copy the package into a fresh git repository tagged ``tag``; returns the commit."""
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
    git(target, "tag", tag)
    return git(target, "rev-parse", "HEAD")


def snippets() -> list[dict[str, Any]]:
    """The documented .pre-commit-config.yaml files: the local hook, then the hook repository's."""
    return [data for data in all_snippets() if isinstance(data, dict) and "repos" in data]


def user_config(hook_repo: Path) -> str:
    """The documented hook repository's .pre-commit-config.yaml, its URL pointed at the local copy (the tag as documented)."""
    config = snippets()[1]
    config["repos"][0]["repo"] = str(hook_repo)
    return yaml.safe_dump(config)


def pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"  # retell-validate for `language: system`
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PATH": path}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--color", "never", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def work_tree(work: Path, config: str) -> None:
    """A repository with payloads among ordinary JSON, YAML and CSV files, all staged."""
    work.mkdir()
    git(work, "init", "-q")
    (work / ".pre-commit-config.yaml").write_text(config)
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


def assert_checks_payloads_only(work: Path, home: Path) -> None:
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


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_the_local_hook_runs_as_written(tmp_path: Path) -> None:
    work_tree(tmp_path / "work", yaml.safe_dump(snippets()[0]))
    assert_checks_payloads_only(tmp_path / "work", tmp_path / "pre-commit-home")


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_the_hook_repository_at_its_release_tag(tmp_path: Path) -> None:
    (repo,) = snippets()[1]["repos"]
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert repo["rev"] == f"v{version}"  # the tag docs/releasing.md makes
    hook_repository(tmp_path / "hook", repo["rev"])
    work_tree(tmp_path / "work", user_config(tmp_path / "hook"))
    assert_checks_payloads_only(tmp_path / "work", tmp_path / "pre-commit-home")


def test_the_local_hook_is_the_published_one() -> None:
    """The `repo: local` snippet and .pre-commit-hooks.yaml say the same."""
    (local,) = snippets()[0]["repos"][0]["hooks"]
    (published,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {key: local[key] for key in ("id", "name", "entry", "types_or")} == {
        key: published[key] for key in ("id", "name", "entry", "types_or")
    }
