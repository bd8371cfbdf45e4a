"""RBV602 tasks-variable-missing: tasks lacking a dynamic variable that more than half of the tasks set, with a typo named."""

from __future__ import annotations

from tests.helpers import check, one, seed
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.tasks import WRONG_TYPES, task

CODE = "RBV602"

TYPO = seed(tasks=[task(1, customer_name="A"), task(2, customer_name="B"), task(3, customer_nmae="C")])

CASES = [
    flags("two of three, the third without variables", seed(tasks=[task(1, a="1"), task(2, a="1"), task(3)]), At("/tasks/2", "warning")),
    flags(
        "two of three, the third with other variables",
        seed(tasks=[task(1, a="1", b="2"), task(2, a="1", b="2"), task(3, a="1")]),
        At("/tasks/2/retell_llm_dynamic_variables", "warning", says="`b`, which 2 of 3 tasks set"),
    ),
    flags("a typo of the key", TYPO, "/tasks/2/retell_llm_dynamic_variables"),
    passes("half is no majority", seed(tasks=[task(1, customer_name="A"), task(2)])),
    passes("every task sets it", seed(tasks=[task(1, customer_name="A"), task(2, customer_name="B")])),
    *(passes(name, payload) for name, payload in WRONG_TYPES.items()),
]

test_cases = cases_test(CODE, CASES)


def test_missing_majority_key_is_one_finding_at_the_first_task_lacking_it() -> None:
    tasks = [task(i, customer_name=f"N{i}") for i in range(10_000)]
    tasks[3] = task(3)
    tasks[7] = task(7, other="x")
    d = one(check(seed(tasks=tasks)), CODE)
    assert (d.pointer, d.severity.value) == ("/tasks/3", "warning")
    assert "no dynamic variable `customer_name`, which 9,998 of 10,000 tasks set" in d.message
    assert "renders blank in the 2 tasks without it" in d.message


def test_typo_of_the_missing_key_is_named() -> None:
    assert one(check(TYPO), CODE).hint == "tasks[2] has `customer_nmae`: rename it to `customer_name`"
