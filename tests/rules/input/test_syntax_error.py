"""RBV001 syntax-error: JSON or YAML the parser cannot read, located where it stopped, with the usual culprit as hint."""

from __future__ import annotations

import json

import pytest

from tests.helpers import SEED, check_text, one
from tests.rules.cases import At, cases_test, flags, passes
from validator import validate_text

CODE = "RBV001"
VALID = json.dumps(SEED, indent=2)
HEAD = 'from_number: "+14157774444"\n'

CASES = [
    flags("a trailing comma", '{"from_number": "+14157774444", "tasks": [],}', At("", "error", line=1), format="json"),
    passes("the same object without it", '{"from_number": "+14157774444", "tasks": []}', format="json"),
    flags("an unclosed YAML flow list", "from_number: [1\n", At("", line=2), format="yaml"),
    passes("the flow list closed", "from_number: [1]\n", format="yaml"),
    flags("a lone surrogate escape in YAML", HEAD + 'tasks: []\nname: "\\ud800"\n', At("", line=3), format="yaml"),
    passes("the character escaped whole in YAML", HEAD + 'tasks: []\nname: "\\U0001F600"\n', format="yaml"),
    flags(
        "tagged and resolved values that cannot be read",
        HEAD + 'tasks: [{to_number: "+12137774445"}]\nmetadata: {a: !!int abc, b: 2024-02-30, c: !!bool maybe}\n',
        At("/metadata/a", line=3),
        At("/metadata/b", line=3),
        At("/metadata/c", line=3),
        format="yaml",
    ),
    passes(
        "tagged and resolved values that can",
        HEAD + 'tasks: [{to_number: "+12137774445"}]\nmetadata: {a: !!int 12, b: 2024-02-29, c: !!bool yes}\n',
        format="yaml",
    ),
    flags("an empty explicitly tagged integer", HEAD + "tasks: [!!int ]\n", At("/tasks/0", line=2), format="yaml"),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize(
    ("text", "line", "column", "hint"),
    [
        ('{"from_number": "+14157774444",\n "tasks": [],\n}', 3, 1, "trailing comma"),
        ('{"tasks": [1, 2,]}', 1, 17, "trailing comma"),
        ('{"tasks": [] // no calls\n}', 1, 14, "no comments"),
        ('{"tasks": [/* none */]}', 1, 12, "no comments"),
        ("{'tasks': []}", 1, 2, "double quotes"),
        ('{"tasks": []} {"tasks": []}', 1, 15, "more than one JSON value"),
    ],
    ids=["trailing-comma-object", "trailing-comma-array", "line-comment", "block-comment", "single-quotes", "two-values"],
)
def test_json_lookalikes_are_located_with_a_hint(text: str, line: int, column: int, hint: str) -> None:
    d = one(check_text(text, "json"), CODE)
    assert (d.severity.value, d.line, d.column) == ("error", line, column)
    assert d.hint is not None and hint in d.hint


def test_json_truncated_at_every_byte_is_a_syntax_error_at_a_real_position() -> None:
    data = VALID.encode("utf-8")
    lines = VALID.count("\n") + 1
    for cut in range(1, len(data)):
        report = validate_text(data[:cut], "json")
        d = one(report, CODE)
        assert (d.severity.value, d.pointer) == ("error", ""), cut
        assert d.line is not None and 1 <= d.line <= lines, cut
        assert report.codes == [CODE], cut


def test_yaml_error_at_end_of_input_stays_inside_the_file() -> None:
    d = one(check_text("[.", "yaml"), CODE)
    assert (d.line, d.column) == (1, 3)
