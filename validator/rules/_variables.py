"""Tasks' ``retell_llm_dynamic_variables`` as the task rules (RBV6xx) see them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from validator.context import Context

FIELD = "retell_llm_dynamic_variables"


@dataclass(frozen=True, slots=True)
class TaskVariables:
    """One task's variables (empty when it sets none); tasks whose field is not an object are left to the schema."""

    index: int
    task_pointer: str
    values: dict[str, Any]
    present: bool

    @property
    def pointer(self) -> str:
        return f"{self.task_pointer}/{FIELD}" if self.present else self.task_pointer


def task_variables(ctx: Context) -> Iterator[TaskVariables]:
    for pointer, task in ctx.tasks:
        index = int(pointer.rsplit("/", 1)[1])  # ctx.tasks pointers are /tasks/<index>
        if FIELD not in task:
            yield TaskVariables(index, pointer, {}, False)
        elif isinstance(task[FIELD], dict):
            yield TaskVariables(index, pointer, task[FIELD], True)


def tasks_word(count: int) -> str:
    return f"{count:,} task" + ("" if count == 1 else "s")
