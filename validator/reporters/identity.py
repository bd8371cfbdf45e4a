"""A finding's identity from one run to the next, for CI systems that track findings.

GitLab Code Quality (``fingerprint``) and GitHub code scanning
(``partialFingerprints``) match a finding with the one of an earlier run by
this identity: when it changes, the old finding shows as fixed and a new one
appears. So it must not depend on what moves when the payload is edited
elsewhere or the check runs at another time: not the line, not array
positions (a task inserted above shifts ``/tasks/N``), not the message (RBV402
words the current time). It is made of the file's path from its repository's
root, the code, the JSON pointer with array indices written ``*`` and, when
the check was asked for it (``CheckOptions.subjects``), the offending value; the
n-th finding with the same key in a file gets ``n`` as well, so each is unique.
With the value, a finding keeps its identity when a task with another bad value
is inserted above it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from validator.diagnostics import Diagnostic, display_path

_INDEX = re.compile(r"(?<=/)\d+(?=/|$)")


def fingerprint_key(diagnostic: Diagnostic, path: str) -> str:
    """What the finding is about: the file (``path``, from :func:`repo_path`), the code, the pointer without indices, the value."""
    return "\0".join((path, diagnostic.code, _INDEX.sub("*", diagnostic.pointer), diagnostic.subject or ""))


def fingerprints(diagnostics: Iterable[Diagnostic], path: str) -> list[str]:
    """One hex digest per diagnostic of one file, in order; repeats of a key are told apart by their count."""
    seen: Counter[str] = Counter()
    out = []
    for d in diagnostics:
        key = fingerprint_key(d, path)
        seen[key] += 1
        out.append(hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest())
    return out


def source_root(file: str) -> Path:
    """The root of the git work tree holding ``file``, else the working directory."""
    return _git_root(Path(os.path.abspath(file)).parent) or Path.cwd()


def repo_path(file: str | None) -> str:
    """``file`` as a forward-slash path from :func:`source_root`; as given when it is outside it or not a file."""
    shown = display_path(file)
    if file is None or shown.startswith("<"):
        return shown
    absolute = Path(os.path.abspath(file))
    try:
        return absolute.relative_to(source_root(file)).as_posix()
    except ValueError:
        return shown


@lru_cache(maxsize=1024)
def _git_root(directory: Path) -> Path | None:
    # A ``.git`` directory, or a ``.git`` file in a linked worktree or submodule.
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
