"""A stable JSON document: ``{"schema_version": 1, "files": [...], "diagnostics": [...], "summary": {...}}``.

Each diagnostic has ``file``, ``code``, ``name``, ``severity``, ``message``,
``path`` (the JSON pointer), ``line``, ``column``, ``end_line``,
``end_column`` and ``hint``. ``summary`` has ``files``, ``error``,
``warning``, ``info`` (all diagnostics found) and ``omitted`` (those left out
by an explicit ``--max-diagnostics``). Fields are added, never renamed, within
one ``schema_version``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from validator.diagnostics import Report
from validator.reporters import RenderOptions, counts, shown

SCHEMA_VERSION = 1


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    diagnostics: list[dict[str, object]] = []
    omitted = 0
    for report in reports:
        kept, hidden = shown(report, options)
        diagnostics.extend(d.to_dict() for d in kept)
        omitted += hidden
    totals = {severity.value: count for severity, count in counts(reports).items()}
    payload = {
        "schema_version": SCHEMA_VERSION,
        "files": [r.file for r in reports],
        "diagnostics": diagnostics,
        "summary": {"files": len(reports), **totals, "omitted": omitted},
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
