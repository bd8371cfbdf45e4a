"""A context keeps the views computed for it (``per_document``, ``tasks``), and they go when it goes."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import pytest

from validator.context import Context, per_document
from validator.openapi.load import load_spec
from validator.settings import Settings


def test_per_document_views_are_kept_by_their_context() -> None:
    class View:
        pass

    calls: list[Context] = []

    @per_document
    def view(ctx: Context) -> View:
        calls.append(ctx)
        return View()

    ctx = Context({"tasks": []}, load_spec(), Settings())
    first = view(ctx)
    assert view(ctx) is first and len(calls) == 1
    other = Context({"tasks": []}, load_spec(), Settings())
    assert view(other) is not first and view(ctx) is first  # one value per context, not the last one only
    ref = weakref.ref(first)
    del ctx, first, calls[:]
    gc.collect()
    assert ref() is None


@pytest.mark.parametrize("tasks", [[], [{"to_number": "+12137774445"}, "not a task", {"to_number": "+12137774446"}]])
def test_context_tasks_pair_pointers_with_the_task_objects(tasks: list[Any]) -> None:
    ctx = Context({"tasks": tasks}, load_spec(), Settings())
    expected = [(f"/tasks/{i}", task) for i, task in enumerate(tasks) if isinstance(task, dict)]
    assert list(ctx.tasks) == expected
    assert len(ctx.tasks) == len(expected)
    assert [ctx.tasks[i] for i in range(len(expected))] == expected
    assert list(ctx.tasks[1:]) == expected[1:]


def test_context_tasks_leave_out_the_excluded_tasks() -> None:
    tasks = [{"to_number": f"+1213777444{i}"} for i in range(4)]
    ctx = Context({"tasks": tasks}, load_spec(), Settings(), excluded_tasks=frozenset({0, 2}))
    assert list(ctx.tasks) == [("/tasks/1", tasks[1]), ("/tasks/3", tasks[3])]
