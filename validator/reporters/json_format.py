"""A stable JSON document: ``{"schema_version": 1, "files": [...], "diagnostics": [...], "summary": {...}}``.

Each diagnostic has ``file``, ``code``, ``name``, ``severity``, ``message``,
``path`` (the JSON pointer), ``line``, ``column``, ``end_line``,
``end_column`` and ``hint``. Fields are added, never renamed, within one
``schema_version``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from validator.diagnostics import Report, Severity
from validator.reporters import RenderOptions

SCHEMA_VERSION = 1


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    diagnostics = [d.to_dict() for r in reports for d in r.diagnostics]
    summary = {s.value: sum(1 for r in reports for d in r.diagnostics if d.severity is s) for s in Severity}
    payload = {
        "schema_version": SCHEMA_VERSION,
        "files": [r.file for r in reports],
        "diagnostics": diagnostics,
        "summary": {"files": len(reports), **summary},
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
