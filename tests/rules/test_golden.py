"""Golden fixtures: every payload under fixtures/ has an expected-diagnostics file beside it.

``fixtures/<group>/<name>.json|yaml`` is checked with the fixed clock and its
diagnostics compared with ``<name>.expected.json`` (code, severity, path,
line, column). After an intended change, regenerate with
``python -m tests.rules.test_golden --update fixtures/<group>/<name>.json`` and review the diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FIXED_NOW, ROOT
from validator import validate_file

FIXTURES = ROOT / "fixtures"
PAYLOAD_SUFFIXES = (".json", ".yaml", ".yml", ".csv")


def payload_files() -> list[Path]:
    return sorted(
        p
        for p in FIXTURES.rglob("*")
        if p.suffix in PAYLOAD_SUFFIXES
        and not p.name.endswith(".expected.json")
        and p.relative_to(FIXTURES).parts[0] != "fix"  # fix pairs: test_fix_golden
    )


def expected_path(payload: Path) -> Path:
    return payload.with_name(payload.stem + ".expected.json")


def actual(payload: Path) -> list[dict[str, Any]]:
    report = validate_file(payload, now=FIXED_NOW)
    return [
        {"code": d.code, "severity": d.severity.value, "path": d.pointer, "line": d.line, "column": d.column, "message": d.message}
        for d in report.diagnostics
    ]


@pytest.mark.parametrize("payload", payload_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_golden(payload: Path) -> None:
    expected_file = expected_path(payload)
    assert expected_file.exists(), f"{expected_file.name} missing: run python -m tests.rules.test_golden --update"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert actual(payload) == expected


def test_fixture_groups_are_meaningful() -> None:
    # clean/ fixtures must stay clean; invalid/ fixtures must each fail.
    for payload in payload_files():
        diagnostics = actual(payload)
        if payload.parent.name == "clean":
            assert diagnostics == [], payload
        elif payload.parent.name == "invalid":
            assert any(d["severity"] == "error" for d in diagnostics), payload


def update(only: list[str]) -> None:
    wanted = {Path(p).resolve() for p in only}
    for payload in payload_files():
        if wanted and payload.resolve() not in wanted:
            continue
        expected_path(payload).write_text(json.dumps(actual(payload), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print("wrote", expected_path(payload).relative_to(FIXTURES))


if __name__ == "__main__" and "--update" in sys.argv:
    # --update [PAYLOAD ...]: only the named fixtures when given (others' work stays untouched).
    update([a for a in sys.argv[1:] if a != "--update"])
