"""RBV014 payload-too-large: input over the byte limit (each format's default, or ``max_bytes``) is refused unread."""

from __future__ import annotations

import json

import pytest

from tests.helpers import FIXED_NOW, SEED, summary
from tests.rules.cases import At, Case, cases_test, flags, passes
from validator import validate_text

CODE = "RBV014"
YAML_LIMIT = 20 * 2**20
VALID = json.dumps(SEED, indent=2)


def yaml_of(size: int) -> str:
    """A YAML payload of exactly ``size`` bytes."""
    head = "from_number: '+14157774444'\nnote: "
    return head + "x" * (size - len(head) - 1) + "\n"


CASES = [
    flags(
        "YAML one byte over its 20 MiB default",
        yaml_of(YAML_LIMIT + 1),
        At("", "error", line=1, says="20,971,521 bytes, over the 20,971,520-byte limit"),
        format="yaml",
    ),
    passes("YAML at exactly its default limit", yaml_of(YAML_LIMIT), format="yaml"),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize("case", [c for c in CASES if c.expect], ids=[c.id for c in CASES if c.expect])
def test_an_input_over_the_limit_is_not_read(case: Case) -> None:
    assert case.run().codes == [CODE]


def test_the_same_size_of_json_is_read() -> None:
    filler = "x" * (21 * 2**20)
    json_report = validate_text(f'{{"from_number": "+14157774444", "tasks": [], "note": "{filler}"}}', now=FIXED_NOW)
    assert CODE not in {d.code for d in json_report.diagnostics}


def test_an_explicit_limit_counts_utf8_bytes_and_none_lifts_it() -> None:
    report = validate_text(VALID.encode(), "json", max_bytes=10)
    assert summary(report) == [(CODE, "error", "")]
    assert f"{len(VALID.encode()):,} bytes" in report.diagnostics[0].message
    assert validate_text(VALID, "json", max_bytes=len(VALID)).diagnostics == ()
    assert validate_text("é" * 6, "yaml", max_bytes=11).codes == [CODE]  # counted in UTF-8 bytes
    assert validate_text(VALID, "json", max_bytes=None).diagnostics == ()
