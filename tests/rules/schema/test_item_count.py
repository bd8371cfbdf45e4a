"""RBV108 item-count: a list with fewer or more items than the schema allows."""

from __future__ import annotations

from tests.helpers import check, pointers, seed
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.schema import spec_with, under
from validator import validate

CODE = "RBV108"

CASES = [
    flags(
        "no windows", seed(call_time_window={"windows": []}), At("/call_time_window/windows", "error", says="at least 1 item(s), found 0")
    ),
    passes("one window", seed(call_time_window={"windows": [{"start": 540, "end": 1020}], "timezone": "America/Los_Angeles"})),
    under(
        spec_with("call_time_window", "windows", maxItems=1),
        "two windows where one is allowed",
        seed(call_time_window={"windows": [{"start": 540, "end": 600}, {"start": 700, "end": 800}]}),
        At("/call_time_window/windows", says="at most 1 item(s), found 2"),
    ),
]

test_cases = cases_test(CODE, CASES)


def test_no_windows_is_one_schema_finding_only() -> None:
    report = check(seed(call_time_window={"windows": [], "timezone": "America/New_York"}))
    assert [(d.code, d.pointer) for d in report.diagnostics] == [(CODE, "/call_time_window/windows")]
    assert report.diagnostics[0].message == "`windows` must have at least 1 item(s), found 0"


TWO_TASKS = seed(tasks=[{"to_number": "+12137774445"}, {"to_number": "+12137774446"}])


def test_a_bound_on_the_number_of_tasks_counts_the_tasks() -> None:
    report = validate(TWO_TASKS, spec=spec_with("tasks", maxItems=1))
    assert [(d.pointer, d.message) for d in report.diagnostics if d.code == CODE] == [
        ("/tasks", "`tasks` must have at most 1 item(s), found 2")
    ]


def test_a_lower_bound_on_the_number_of_tasks_counts_the_tasks() -> None:
    assert pointers(validate(TWO_TASKS, spec=spec_with("tasks", minItems=2)), CODE) == []
    assert pointers(validate(TWO_TASKS, spec=spec_with("tasks", minItems=3)), CODE) == ["/tasks"]
