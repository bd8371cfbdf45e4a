"""GitLab Code Quality JSON (the ``codequality`` report artifact): a list of issues.

Each issue has ``description``, ``check_name`` (the code), ``fingerprint``,
``severity`` (error → major, warning → minor, info → info) and
``location.path`` (from the repository's root, as GitLab maps it) /
``location.lines.begin``. The fingerprint is the finding's identity
(:mod:`validator.reporters.identity`): the same across runs, clocks, line
moves and tasks inserted above.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from validator.diagnostics import Diagnostic, Report, Severity
from validator.reporters import RenderOptions, visible_diagnostics
from validator.reporters.identity import fingerprints, repo_path

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    issues: list[dict[str, Any]] = []
    for report in reports:
        path = repo_path(report.file)
        diagnostics = visible_diagnostics(report, options)[0]
        issues.extend(_issue(d, path, fingerprint) for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, path), strict=True))
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _issue(d: Diagnostic, path: str, fingerprint: str) -> dict[str, Any]:
    description = f"{d.code} {d.message}" + (f" ({d.pointer})" if d.pointer else "")
    return {
        "description": description,
        "check_name": d.code,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[d.severity],
        "location": {"path": path, "lines": {"begin": d.line or 1}},
    }
