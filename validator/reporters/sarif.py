"""SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``).

One run. The driver lists the rules the run reported: id, name, summary, the summary
and why it matters as description, the full rule documentation as help, a
``helpUri`` to its section of ``docs/rules.md``, default level. Code scanning shows
a rule's documentation with its alerts and needs none for a rule without results;
every rule's documentation would be a quarter of a megabyte in a report of a few
findings. Each result points at its file and region and carries
``partialFingerprints`` (the finding's identity, see
:mod:`validator.reporters.identity`), by which code scanning tracks an alert
across commits. GitHub maps results by their path from the repository root:
file URIs are relative to ``%SRCROOT%``, the git root of the first file checked
(else the working directory), given in ``originalUriBaseIds``; a file outside
it gets an absolute ``file:`` URI. The run's ``properties`` carry the verdict (``ready``,
``verdict``: :func:`validator.diagnostics.judge`). Columns count Unicode code points
(``columnKind``); the end column is exclusive, as SARIF wants.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from validator.diagnostics import DOCS_BASE, Diagnostic, Report, RuleInfo, Severity
from validator.reporters import TOOL_NAME, RenderOptions, verdict_of, visible_diagnostics
from validator.reporters.identity import fingerprints, repo_path, source_root

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT = "retellValidate/v1"  # the version changes if the identity's recipe does


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    shown_diagnostics = [(report, visible_diagnostics(report, options)[0]) for report in reports]
    rules = _reported_rules([d for _, diagnostics in shown_diagnostics for d in diagnostics], options.rules)
    index = {rule.code: i for i, rule in enumerate(rules)}
    files = [r.file for r in reports if r.file and not r.file.startswith("<")]
    root = source_root(files[0]) if files else Path.cwd()
    root_uri = root.as_uri()
    results: list[dict[str, Any]] = []
    for report, diagnostics in shown_diagnostics:
        location = _artifact_location(report.file, root)
        identities = fingerprints(diagnostics, repo_path(report.file))
        results.extend(_result(d, index, location, identity) for d, identity in zip(diagnostics, identities, strict=True))
    driver = {
        "name": TOOL_NAME,
        "version": options.version,
        "semanticVersion": options.version,
        "informationUri": DOCS_BASE,
        "rules": [_rule(r) for r in rules],
    }
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": root_uri if root_uri.endswith("/") else root_uri + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    properties: dict[str, Any] = verdict_of(reports, options).to_dict()  # whether the batch is ready to send
    if options.spec:  # which OpenAPI document the run checked against
        properties["spec"] = dict(options.spec)
    run["properties"] = properties
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _reported_rules(diagnostics: Sequence[Diagnostic], table: Sequence[RuleInfo]) -> list[RuleInfo]:
    """The rules of these diagnostics, by code: from the registry's table, else (a library caller's renderer) from the diagnostics."""
    known = {rule.code: rule for rule in table}
    seen = {d.code: known.get(d.code) or RuleInfo(d.code, d.name, d.severity, d.name, d.name, "") for d in diagnostics}
    return [seen[code] for code in sorted(seen)]


def _rule(rule: RuleInfo) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _description(rule.doc)},
        "help": {"text": rule.doc},
        "helpUri": rule.url,
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.family]},
    }


def _description(doc: str) -> str:
    """The summary and the paragraph after it ("Why it matters: …"): the top of an alert; ``help`` holds the rest."""
    return "\n\n".join(doc.split("\n\n")[:2])


def _result(d: Diagnostic, index: dict[str, int], artifact: dict[str, str] | None, identity: str) -> dict[str, Any]:
    text = d.message + (f" ({d.pointer})" if d.pointer else "") + (f"\nhint: {d.hint}" if d.hint else "")
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index[d.code],
        "level": LEVELS[d.severity],
        "message": {"text": text},
        "partialFingerprints": {FINGERPRINT: identity},
        "properties": {"pointer": d.pointer},
    }
    if artifact is not None:
        location: dict[str, Any] = {"artifactLocation": artifact}
        if d.line is not None:
            region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column}
            location["region"] = {key: value for key, value in region.items() if value is not None}
        result["locations"] = [{"physicalLocation": location}]
    return result


def _artifact_location(file: str | None, root: Path) -> dict[str, str] | None:
    """A URI under ``%SRCROOT%`` for a file below ``root`` (or a name like ``<stdin>``), else an absolute ``file:`` URI."""
    if not file:
        return None
    if file.startswith("<"):
        return {"uri": quote(file), "uriBaseId": SRCROOT}
    absolute = Path(os.path.abspath(file))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": SRCROOT}
