"""GitLab Code Quality JSON (the ``codequality`` report artifact): a list of issues.

Each issue has ``description``, ``check_name`` (the code), ``fingerprint``,
``severity`` (error → major, warning → minor, info → info) and
``location.path`` / ``location.lines.begin``. The fingerprint hashes the path,
code, JSON pointer and message, not the line, so it stays the same across
runs and when unrelated lines move; repeats get a counter so each is unique.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from validator.diagnostics import Diagnostic, Report, Severity
from validator.reporters import RenderOptions, display_path, shown

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    seen: Counter[str] = Counter()
    issues = []
    for report in reports:
        for d in shown(report, options)[0]:
            identity = "\0".join((display_path(d.file), d.code, d.pointer, d.message))
            seen[identity] += 1
            issues.append(_issue(d, fingerprint(identity, seen[identity])))
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def fingerprint(identity: str, occurrence: int) -> str:
    return hashlib.sha256(f"{identity}\0{occurrence}".encode()).hexdigest()


def _issue(d: Diagnostic, fingerprint: str) -> dict[str, Any]:
    description = f"{d.code} {d.message}" + (f" ({d.pointer})" if d.pointer else "")
    return {
        "description": description,
        "check_name": d.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[d.severity],
        "location": {"path": display_path(d.file), "lines": {"begin": d.line or 1}},
    }
