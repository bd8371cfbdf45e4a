"""RBV601 tasks-empty: an empty ``tasks`` list places no calls."""

from __future__ import annotations

from tests.helpers import seed
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.tasks import WRONG_TYPES

CODE = "RBV601"

CASES = [
    flags("no tasks", seed(tasks=[]), At("/tasks", "warning", says="the batch would place no calls")),
    passes("one task", seed()),
    *(passes(name, payload) for name, payload in WRONG_TYPES.items()),
]

test_cases = cases_test(CODE, CASES)
