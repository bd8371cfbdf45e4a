"""RBV002 duplicate-key: a key given twice with the same value, a warning at the later key (JSON and YAML)."""

from __future__ import annotations

from tests.helpers import check_text, one, summary
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.input import BESIDE_A_MERGE, EVERY_LEVEL

CODE = "RBV002"
JSON_LATER_KEY = '{"from_number": "+14157774444",\n "tasks": [{"to_number": "+12137774445"}],\n "from_number": "+14157774444"}'
YAML_HEAD = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n'
MERGE_OVERRIDE = (
    'defaults: &d {to_number: "+12137774445", metadata: {src: crm}}\n'
    'from_number: "+14157774444"\n'
    "tasks:\n"
    "  - <<: *d\n    metadata: {src: web}\n"
    "  - {<<: *d, to_number: 12}\n"
)

CASES = [
    flags("a repeated JSON key", JSON_LATER_KEY, At("/from_number", "warning", line=3), format="json"),
    flags(
        "equal repeats at every level (the differing one is RBV016)",
        EVERY_LEVEL,
        At("/from_number", line=1),
        At("/tasks/0/to_number", line=2),
        format="json",
    ),
    flags("a repeated YAML key", YAML_HEAD + 'from_number: "+14157774444"\n', At("/from_number", line=4), format="yaml"),
    flags(
        "an empty key repeated",
        'from_number: "+14157774444"\ntasks: []\nmetadata:\n  "": 1\n  "": 1\n',
        At("/metadata/", line=5),
        format="yaml",
    ),
    flags("a key written twice beside a merge", BESIDE_A_MERGE, At("/metadata/b", "warning", line=4), format="yaml"),
    passes(
        "the same key in two objects", '{"from_number": "+14157774444", "tasks": [{"to_number": "+1"}, {"to_number": "+1"}]}', format="json"
    ),
    passes("a merged key overridden", MERGE_OVERRIDE, format="yaml"),
]

test_cases = cases_test(CODE, CASES)


def test_the_position_is_the_later_key() -> None:
    d = one(check_text(JSON_LATER_KEY, "json"), CODE)
    assert (d.line, d.column) == (3, 2)


def test_merge_keys_are_applied_and_an_override_is_not_a_duplicate() -> None:
    report = check_text(MERGE_OVERRIDE, "yaml")
    assert [row for row in summary(report) if row[1] != "info" and row[0] != "RBV709"] == [  # RBV709: sent at once at 05:00 LA
        ("RBV111", "warning", "/defaults"),
        ("RBV102", "error", "/tasks/1/to_number"),
    ]
    assert one(report, "RBV102").line == 6
