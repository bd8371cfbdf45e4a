"""``validate()`` of deeply nested Python data: pointers are built only for findings, so the walk is linear in the depth."""

from __future__ import annotations

from typing import Any

import pytest

from validator.pointer import join as pointer_join
from validator.readers import python as python_reader


def nested(depth: int, bottom: Any) -> dict[str, Any]:
    root: dict[str, Any] = {}
    current = root
    for _ in range(depth - 1):
        current["a"] = current = {}
    current["a"] = bottom
    return root


def test_deep_walk_builds_one_pointer_per_finding_not_per_level(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = pointer_join

    def counting(base: str, *parts: str | int) -> str:
        calls.append(base)
        return original(base, *parts)

    monkeypatch.setattr(python_reader, "pointer_join", counting)
    _, issues = python_reader._json_shaped(nested(100_000, {1: {3}}))
    assert len(calls) == 2  # one per finding; a pointer string per level made a deep walk quadratic
    assert [(i.code, i.finding.pointer) for i in issues] == [
        ("RBV013", "/a" * 100_000 + "/1"),
        ("RBV015", "/a" * 100_000 + "/1"),
    ]
