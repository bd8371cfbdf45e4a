"""RBV009 yaml-implicit-conversion: YAML 1.1 guessed another type where the schema takes anything (a warning)."""

from __future__ import annotations

from tests.helpers import check_text, summary
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV009"
HEAD = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n'
CONVERTED = HEAD + "    metadata: {zip: 01234, seen: 2024-01-01}\n"
QUOTED = "from_number: '+14157774444'\ntasks:\n  - to_number: \"+12137774445\"\n    metadata: {zip: '01234', ok: true}\n"

CASES = [
    flags(
        "an octal zip code and a date in metadata",
        CONVERTED,
        At("/tasks/0/metadata/zip", "warning", line=4, says="integer 668"),
        At("/tasks/0/metadata/seen", "warning", line=4),
        format="yaml",
    ),
    flags(
        "no as a boolean",
        HEAD + "    metadata: {answer: no}\n",
        At("/tasks/0/metadata/answer", line=4, says="boolean false"),
        format="yaml",
    ),
    passes("quoted values and a real boolean", QUOTED, format="yaml"),
    passes("a plain integer", HEAD + "    metadata: {zip: 1234}\n", format="yaml"),
]

test_cases = cases_test(CODE, CASES)


def test_conversions_are_the_only_findings_and_quoting_clears_them() -> None:
    assert sorted(summary(check_text(CONVERTED, "yaml"))) == [
        (CODE, "warning", "/tasks/0/metadata/seen"),
        (CODE, "warning", "/tasks/0/metadata/zip"),
    ]
    assert check_text(QUOTED, "yaml").diagnostics == ()
