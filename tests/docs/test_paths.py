"""Every repository path the README and docs/ name exists: files moved leave no stale reference behind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "editors" / "vscode" / "README.md"]
# `validator/calling/law.py`, `tests/rules/cases.py`, `fixtures/clean/`: a code span that starts with a top-level folder.
_CODE_PATH = re.compile(r"`((?:validator|tests|docs|bench|fixtures|spec|editors|\.ci)/[\w./*<>{},-]*)`")
_LINK = re.compile(r"\]\(((?!https?:|mailto:|#)[^)#\s]+)(?:#[^)]*)?\)")


def _named(doc: Path) -> list[str]:
    text = doc.read_text(encoding="utf-8")
    return sorted({m for m in _CODE_PATH.findall(text)} | {str((doc.parent / m).relative_to(ROOT)) for m in _LINK.findall(text)})


def _exists(path: str) -> bool:
    if path.startswith("bench/out/"):  # where the benches write (git-ignored): made by the first run
        return True
    if any(mark in path for mark in "*<>{"):  # a pattern (`rules/<family>/`, `fixtures/*.json`): its fixed head exists
        head = re.split(r"[*<>{]", path, maxsplit=1)[0].rsplit("/", 1)[0]
        return (ROOT / head).exists()
    return (ROOT / path.rstrip(",.")).exists()


@pytest.mark.parametrize("doc", DOCS, ids=[str(d.relative_to(ROOT)) for d in DOCS])
def test_every_path_a_doc_names_exists(doc: Path) -> None:
    missing = [path for path in _named(doc) if not _exists(path)]
    assert missing == [], f"{doc.relative_to(ROOT)} names paths that do not exist: {missing}"
