"""RBV109 duplicate-items: a repeated value in a list declared ``uniqueItems``, at the first repeat."""

from __future__ import annotations

from tests.helpers import check, one, seed, with_agent
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.schema import spec_with
from validator import validate

CODE = "RBV109"
CATEGORIES = "/tasks/0/agent_override/agent/pii_config/categories"


def categories(*names: str) -> dict[str, object]:
    return with_agent(pii_config={"mode": "post_call", "categories": list(names)})


CASES = [
    flags("a category twice", categories("email", "email"), At(f"{CATEGORIES}/1", "error", says='repeats "email"')),
    flags("the repeat after another item", categories("email", "ssn", "email"), f"{CATEGORIES}/2"),
    passes("distinct categories", categories("email", "ssn")),
]

test_cases = cases_test(CODE, CASES)


def test_the_hint_says_to_remove_the_repeat() -> None:
    assert one(check(categories("email", "email")), CODE).hint == "remove the repeat"


def test_a_task_listed_twice_breaks_unique_tasks() -> None:
    task = {"to_number": "+12137774445"}
    spec = spec_with("tasks", uniqueItems=True)
    report = validate(seed(tasks=[task, {"to_number": "+12137774446"}, dict(task)]), spec=spec)
    assert [(d.code, d.pointer) for d in report.diagnostics if d.code == CODE] == [(CODE, "/tasks/2")]
    assert [d for d in validate(seed(tasks=[task, {"to_number": "+12137774446"}]), spec=spec).diagnostics if d.code == CODE] == []
