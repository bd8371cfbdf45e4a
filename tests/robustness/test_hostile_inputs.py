"""Broken and hostile file contents across codes: each gets its diagnostic (code, severity, position), never an exception.

What each input rule reports is tested in tests/rules/input/.
"""

from __future__ import annotations

import pytest

from tests.helpers import check_text, one
from validator.diagnostics import Report


def codes(report: Report) -> list[tuple[str, str]]:
    return [(d.code, d.severity.value) for d in report.diagnostics]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", [("RBV005", "error")]),
        (b" \n\t\r\n", [("RBV005", "error")]),
        (b"\xef\xbb\xbf", [("RBV004", "warning"), ("RBV005", "error")]),
        (b'{"a": "caf\xe9"}', [("RBV007", "error")]),
        (b'{"a": "x\x00y"}', [("RBV007", "error")]),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", [("RBV007", "error")]),
    ],
    ids=["empty", "whitespace", "only-bom", "latin-1", "nul-byte", "png"],
)
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_not_a_text_payload(data: bytes, expected: list[tuple[str, str]], fmt: str) -> None:
    report = check_text(data, fmt)
    assert codes(report) == expected
    assert all(d.line == 1 for d in report.diagnostics)


def test_a_key_spelled_like_the_locators_own_marker_is_located() -> None:
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "\\u0000want": 1}]}'
    d = one(check_text(text, "json"), "RBV111")
    assert (d.pointer, d.line, d.column) == ("/tasks/0/\x00want", 1, 73)
