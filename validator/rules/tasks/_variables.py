"""Tasks' ``retell_llm_dynamic_variables`` as the task rules (RBV6xx) see them."""

from __future__ import annotations

from typing import Any

FIELD = "retell_llm_dynamic_variables"
_EMPTY: dict[str, Any] = {}


def variables(task: dict[str, Any]) -> dict[str, Any] | None:
    """The task's variables: empty when it sets none, ``None`` when the field is not an object (a schema error)."""
    value = task.get(FIELD, _EMPTY)
    return value if isinstance(value, dict) else None


def variables_pointer(task_pointer: str, task: dict[str, Any]) -> str:
    """Where to report about a task's variables: the object when present, else the task."""
    return f"{task_pointer}/{FIELD}" if FIELD in task else task_pointer


def task_index(task_pointer: str) -> int:
    return int(task_pointer[7:])  # ctx.tasks pointers are /tasks/<index>


def tasks_word(count: int) -> str:
    return f"{count:,} task" + ("" if count == 1 else "s")
