"""The field corpus (tests/corpus/README.md): every payload gives what it must, none of what it must not, and the right gate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.corpus.measure import HERE, expected, payloads, run


@pytest.mark.parametrize("path", payloads(), ids=lambda p: p.name)
def test_the_payload_gives_what_it_must_and_nothing_it_must_not(path: Path) -> None:
    result = run(path)
    assert result.misses == [], f"missed: {result.misses}"
    assert result.false_alarms == [], f"false alarms: {result.false_alarms}"
    assert not result.gate_wrong, f"the default gate {'fails' if result.fails_gate else 'passes'}, expected {result.gate}"


def test_every_payload_is_described_with_where_its_shape_was_seen() -> None:
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`([\w.-]+\.(?:json|yaml|csv))`", readme))
    assert {p.name for p in payloads()} <= listed


def test_every_expectation_names_a_class_and_a_gate() -> None:
    for path in payloads():
        want = expected(path)
        assert want["class"] and want["gate"] in ("fail", "pass"), path.name
        assert want["must"] or want["must_not"], path.name
