"""RBV016 duplicate-key-conflict: a key given twice with different values, an error at the later key."""

from __future__ import annotations

from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.input import BESIDE_A_MERGE, EVERY_LEVEL

CODE = "RBV016"

CASES = [
    flags(
        "a repeated JSON key with another value",
        '{"from_number": "+14157774444",\n "from_number": "+14155550100", "tasks": []}',
        At("/from_number", "error", line=2),
        format="json",
    ),
    flags("the differing repeat among equal ones", EVERY_LEVEL, At("/tasks/0/metadata/a/b", line=3), format="json"),
    flags(
        "a key written twice beside a merge", BESIDE_A_MERGE.replace("b: 1}", "b: 2}"), At("/metadata/b", "error", line=4), format="yaml"
    ),
    passes(
        "the repeat with the same value (RBV002)",
        '{"from_number": "+14157774444",\n "from_number": "+14157774444", "tasks": []}',
        format="json",
    ),
    passes("equal values beside a merge (RBV002)", BESIDE_A_MERGE, format="yaml"),
]

test_cases = cases_test(CODE, CASES)
