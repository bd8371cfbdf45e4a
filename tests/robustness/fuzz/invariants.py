"""What must hold for every input, however broken: checked by the fuzz tests and the long run."""

from __future__ import annotations

import contextlib
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from validator import Report, validate, validate_text
from validator.config import ConfigError, load_config
from validator.diagnostics import Severity
from validator.readers.decode import decode
from validator.readers.json import read_json
from validator.readers.python import read_python
from validator.readers.yaml import read_yaml

NOW = "2026-06-01T12:00:00Z"
_CODE = re.compile(r"^RBV\d{3}$")
_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # every line break a YAML or JSON reader may count


def resolves(data: Any, pointer: str) -> bool:
    """True when the JSON pointer names a place in ``data`` (a key that exists, an index in range)."""
    if pointer == "":
        return True
    if not pointer.startswith("/"):
        return False
    node = data
    for raw in pointer[1:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False
    return True


def problems(report: Report, data: Any, text: str | None) -> list[str]:
    """Every broken invariant of one report (empty when all hold)."""
    found = []
    lines = len(_BREAKS.findall(text)) + 1 if text is not None else None
    for d in report.diagnostics:
        where = f"{d.code} {d.pointer!r} line {d.line}: {d.message[:160]}"
        if d.code == "RBV000":
            found.append(f"internal error: {where}")
        if not _CODE.match(d.code) or not isinstance(d.severity, Severity) or not d.message:
            found.append(f"malformed diagnostic: {where}")
        if not resolves(data, d.pointer):
            found.append(f"pointer not in the document: {where}")
        if lines is not None and d.line is not None and not (1 <= d.line <= lines and (d.column or 1) >= 1):
            found.append(f"line outside the file ({lines} lines): {where}")
    return found


def check_bytes(fmt: str, data: bytes) -> list[str]:
    """Validate raw bytes as ``fmt``; the invariants, with pointers resolved in what the reader parsed."""
    report = validate_text(data, fmt, file=f"fuzz.{fmt}", now=NOW)  # type: ignore[arg-type]
    text, _ = decode(data)
    parsed = None
    if text is not None:
        parsed = (read_json(text) if fmt == "json" else read_yaml(text)).data
    return problems(report, parsed, text)


def check_csv(data: bytes) -> list[str]:
    """A contact list: the invariants, with pointers that name a task (``/tasks/N/…``) or the batch (``""``)."""
    report = validate_text(data, "csv", file="fuzz.csv", now=NOW)
    text = data.decode("utf-8", "replace")
    tasks: dict[str, list[dict[str, Any]]] = {"tasks": [{}] * (len(_BREAKS.findall(text)) + 1)}  # at most one task per line
    found = []
    for problem in problems(report, None, text):
        if not problem.startswith("pointer not in the document"):
            found.append(problem)
    for d in report.diagnostics:
        head = "/".join(d.pointer.split("/")[:3])
        if d.pointer and not resolves(tasks, head):
            found.append(f"pointer outside the rows: {d.code} {d.pointer!r}")
    return found


def check_payload(payload: Any) -> list[str]:
    """Validate a Python payload; also compare with the same payload sent as JSON text."""
    report = validate(payload, now=NOW)
    found = problems(report, read_python(payload).data, None)
    try:
        text = json.dumps(payload)
    except (TypeError, ValueError, RecursionError):
        return found
    as_text = validate_text(text, "json", now=NOW)
    by_dict = sorted((d.code, d.pointer) for d in report.diagnostics)
    by_text = sorted((d.code, d.pointer) for d in as_text.diagnostics)
    if by_dict != by_text:
        found.append(f"validate() and validate_text() disagree: {by_dict} vs {by_text}")
    return found


def check_config(name: str, data: bytes) -> list[str]:
    """A configuration file loads, or is a ConfigError (exit 2 with a message); nothing else escapes."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / name
        path.write_bytes(data)
        with contextlib.suppress(ConfigError):  # any other exception escapes: the test, or the run's tally, sees it
            load_config(path).settings_for(path)
    return []
