"""RBV106 pattern-mismatch: a string that does not match the schema's pattern.

The bundled spec's one pattern (an agent version tag) sits inside an alternative, which RBV107 words;
the cases add a pattern to ``name`` as a newer spec could.
"""

from __future__ import annotations

import pytest

from tests.helpers import check, seed, with_task
from tests.rules.cases import At, cases_test
from tests.rules.schema import spec_with, under
from validator import Settings

CODE = "RBV106"
LOWER_CASE_NAME = spec_with("name", pattern="^[a-z]+$")

CASES = [
    under(LOWER_CASE_NAME, "a name with a capital", seed(name="Abc"), At("/name", "error", says='must match ^[a-z]+$, found "Abc"')),
    under(LOWER_CASE_NAME, "a name in lower case", seed(name="abc")),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.xfail(
    strict=True,
    reason="RBV107 words the bundled spec's only pattern (an alternative of override_agent_version), so RBV106 never fires on it",
)
def test_the_documented_example_is_a_pattern_mismatch() -> None:
    report = check(with_task(override_agent_version="Prod"), settings=Settings(ignore=frozenset({"RBV501"})))
    assert CODE in report.codes
