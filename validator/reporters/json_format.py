"""A stable JSON document: ``{"schema_version": 1, "files": [...], "diagnostics": [...], "summary": {...}, "spec": {...}}``.

Each diagnostic has ``file``, ``code``, ``name``, ``severity``, ``message``,
``path`` (the JSON pointer), ``line``, ``column``, ``end_line``,
``end_column``, ``hint`` and ``url`` (the rule's documentation). ``summary``
has ``files``, ``error``, ``warning``, ``info`` (all diagnostics found) and
``omitted`` (those left out by an explicit ``--max-diagnostics``), ``ready`` (whether the batch
is ready to send), ``verdict`` (the sentence that says so) and ``reasons`` (what stands in the way:
``{"reason", "count"}`` each). ``spec`` names
the OpenAPI document checked against: ``source`` (``"bundled"`` or the file's
path), ``title``, ``version``, ``sha256`` and ``origin`` (the address it was
taken from, or null); it is null when the caller did not say. Fields are added,
never renamed, within one ``schema_version``; ``docs/json-report.schema.json``
is the JSON Schema of the document.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from validator.diagnostics import Report, counts, rule_url
from validator.reporters import RenderOptions, verdict_of, visible_diagnostics

SCHEMA_VERSION = 1
# Diagnostics are written by the C encoder: json.dumps(indent=2) would use the pure-Python one,
# seconds for 100,000 diagnostics. A raw newline never occurs inside an encoded string, so with
# ",\n" between members the layout of indent=2 is restored by replacing separators (flat dicts only).
_FLAT = json.JSONEncoder(ensure_ascii=False, separators=(",\n", ": "))
_MARK = "\x00"  # never occurs in encoded JSON (written \u0000)


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    diagnostics: list[dict[str, object]] = []
    omitted = 0
    for report in reports:
        kept, hidden = visible_diagnostics(report, options)
        for d in kept:
            item = d.to_dict()
            item["url"] = rule_url(d.code, d.name)
            diagnostics.append(item)
        omitted += hidden
    totals = {severity.value: count for severity, count in counts(reports).items()}
    verdict = verdict_of(reports, options)
    reasons = [{"reason": words, "count": count} for words, count in verdict.reasons]
    payload = {
        "schema_version": SCHEMA_VERSION,
        "files": [r.file for r in reports],
        "diagnostics": _MARK,
        "summary": {"files": len(reports), **totals, "omitted": omitted, **verdict.to_dict(), "reasons": reasons},
        "spec": dict(options.spec) if options.spec else None,
    }
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    return text.replace(f'"diagnostics": {json.dumps(_MARK)}', f'"diagnostics": {indented(diagnostics)}', 1) + "\n"


def indented(items: list[dict[str, object]]) -> str:
    """``json.dumps(items, indent=2, ensure_ascii=False)`` one level deep, for dicts of scalars only."""
    if not items:
        return "[]"
    members = _FLAT.encode(items)[2:-2]  # without the outer [{ and }]
    body = members.replace("},\n{", _MARK).replace(",\n", ",\n      ").replace(_MARK, "\n    },\n    {\n      ")
    return "[\n    {\n      " + body + "\n    }\n  ]"
