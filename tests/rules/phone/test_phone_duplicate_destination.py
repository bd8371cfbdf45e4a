"""RBV204 phone-duplicate-destination: a number called by two tasks, compared in E.164, at each repeat."""

from __future__ import annotations

from tests.helpers import check, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.phone import WRONG_TYPES, tasks

CODE = "RBV204"

REPEATS = tasks("+14155550123", "+12137774445", "+1 415 555 0123", "+14155550123")

CASES = [
    flags(
        "a number repeated, once spelled differently",
        REPEATS,
        At("/tasks/2/to_number", "warning", says="tasks[0] already calls it"),
        At("/tasks/3/to_number", "warning", says="tasks[0] already calls it"),
    ),
    passes("neighbouring numbers", tasks("+14155550123", "+14155550124")),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)


def test_repeat_is_named_in_e164() -> None:
    assert "+14155550123" in only(check(REPEATS), CODE)[0].message
