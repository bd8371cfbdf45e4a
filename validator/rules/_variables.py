"""Tasks' ``retell_llm_dynamic_variables`` as the task rules (RBV6xx) see them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from validator.context import Context
from validator.rules._memo import per_document

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


@per_document
def task_variables(ctx: Context) -> list[TaskVariables]:
    out = []
    for pointer, task in ctx.tasks:
        index = int(pointer[7:])  # ctx.tasks pointers are /tasks/<index>
        if FIELD not in task:
            out.append(TaskVariables(index, pointer, {}, False))
        elif isinstance(task[FIELD], dict):
            out.append(TaskVariables(index, pointer, task[FIELD], True))
    return out


def tasks_word(count: int) -> str:
    return f"{count:,} task" + ("" if count == 1 else "s")
