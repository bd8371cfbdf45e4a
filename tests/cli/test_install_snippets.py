"""Every install line in the docs works as written for someone who installs from the repository: from a clone (``pip install
.``), or from the project's repository at its release tag, which pip installs here from a tagged git copy of this tree (the
URL is the only thing changed: the repository is not public yet, and docs/ci.md says so)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.cli.test_precommit import hook_repository
from tests.helpers import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RELEASE = f"v{PROJECT['version']}"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# An install line in a code block: `pip install` and what follows, up to a comment or the line's end.
INSTALL = re.compile(r"""^\s*(?:-\s+)?(?:run:\s+)?(?:.*&&\s+)?pip install ([^#\n]*?)(?:\s+#.*|\s+&&.*)?$""", re.M)
CODE = re.compile(r"```[a-z]*\n(.*?)```", re.S)


def install_lines() -> list[tuple[str, str]]:
    return [
        (doc.name, match) for doc in DOCS for block in CODE.findall(doc.read_text(encoding="utf-8")) for match in INSTALL.findall(block)
    ]


def test_the_install_lines_are_found() -> None:
    found = install_lines()
    assert len(found) >= 6, found
    assert {name for name, _ in found} >= {"README.md", "ci.md", "editor.md", "spec.md"}


@pytest.mark.parametrize(("doc", "requirement"), install_lines())
def test_every_install_line_installs_from_the_repository(doc: str, requirement: str) -> None:
    """From a clone (`.`, `'.[extra]'`, `-e '.[dev]'`), or `retell-batch-validator[extra] @ git+<Source URL>@<release tag>`."""
    if requirement.strip("'\" ").lstrip("-e ").strip("'\" ").startswith("."):
        return
    match = re.fullmatch(r'"retell-batch-validator(\[[a-z,]+\])? @ git\+(\S+)@(\S+)"', requirement.strip())
    assert match, f"{doc}: {requirement} installs from an index that does not have the package"
    assert (match[2], match[3]) == (PROJECT["urls"]["Source"], RELEASE), doc


@pytest.mark.slow
def test_pip_installs_the_documented_requirement_from_a_tagged_copy(tmp_path: Path) -> None:
    hook_repository(tmp_path / "copy", RELEASE)
    requirements = {requirement.strip().strip('"') for _, requirement in install_lines() if "git+" in requirement}
    for requirement in sorted(requirements):
        # file://localhost/…: pip's requirement parser wants a host in a git+file URL
        local = requirement.replace(PROJECT["urls"]["Source"], f"file://localhost{(tmp_path / 'copy').as_posix()}")
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--dry-run",
                "--no-deps",
                "--disable-pip-version-check",
                "--quiet",
                "--report",
                "-",
                local,
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr
        installed = [(item["metadata"]["name"], item["metadata"]["version"]) for item in json.loads(result.stdout)["install"]]
        assert installed == [("retell-batch-validator", PROJECT["version"])]
