"""RBV205 phone-calls-from-number: a task whose to_number is the batch's own from_number, compared in E.164."""

from __future__ import annotations

from tests.helpers import seed
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.phone import WRONG_TYPES

CODE = "RBV205"

CASES = [
    flags(
        "the task calls the from_number",
        seed(from_number="+14157774444", tasks=[{"to_number": "+14157774444"}]),
        At("/tasks/0/to_number", "warning", says="own from_number"),
    ),
    flags("spelled differently", seed(from_number="+14157774444", tasks=[{"to_number": "+1 415 777 4444"}]), "/tasks/0/to_number"),
    passes("the neighbouring number", seed(from_number="+14157774444", tasks=[{"to_number": "+14157774445"}])),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)
