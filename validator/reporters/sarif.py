"""SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``).

One run; the driver lists every rule (id, name, summary, the full rule
documentation as help, default level), and each result points at its file
(a relative URI under ``%SRCROOT%``) and region. Columns count Unicode code
points (``columnKind``); the end column is exclusive, as SARIF wants.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from validator import __version__
from validator.diagnostics import Diagnostic, Report, Severity
from validator.registry import Rule, all_rules
from validator.reporters import TOOL_NAME, RenderOptions, display_path, shown

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [_result(d, index) for report in reports for d in shown(report, options)[0]]
    driver = {"name": TOOL_NAME, "version": __version__, "semanticVersion": __version__, "rules": [_rule(r) for r in rules]}
    run: dict[str, Any] = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    if options.spec:  # which OpenAPI document the run checked against (issue 17)
        run["properties"] = {"spec": options.spec.to_dict()}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.family]},
    }


def _result(d: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    text = d.message + (f" ({d.pointer})" if d.pointer else "") + (f"\nhint: {d.hint}" if d.hint else "")
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index[d.code],
        "level": LEVELS[d.severity],
        "message": {"text": text},
        "properties": {"pointer": d.pointer},
    }
    if d.file is not None:
        result["locations"] = [{"physicalLocation": _physical_location(d)}]
    return result


def _physical_location(d: Diagnostic) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": artifact_location(d.file)}
    if d.line is not None:
        region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
        location["region"] = {key: value for key, value in region.items() if value is not None}
    return location


def artifact_location(file: str | None) -> dict[str, str]:
    """A relative path becomes a URI under ``%SRCROOT%`` (the checkout); an absolute one a ``file://`` URI."""
    path = display_path(file)
    if PurePath(path).is_absolute():
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}
