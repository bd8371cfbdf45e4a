"""The phone number fields of a payload, shared by the phone rules (RBV2xx)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from validator.context import Context
from validator.rules._memo import per_document


@dataclass(frozen=True, slots=True)
class PhoneField:
    """One ``from_number`` or ``to_number``.

    ``relaxed`` is true when ``ignore_e164_validation: true`` turns the E.164
    and validity checks off for this number: a task's flag covers its own
    ``to_number``; ``from_number`` is relaxed only when every task sets it
    (the spec's wording names ``from_number``, but the flag lives on each task).
    """

    pointer: str
    name: str
    value: Any
    relaxed: bool
    task: int | None


def _relaxed(task: dict[str, Any]) -> bool:
    return task.get("ignore_e164_validation") is True


@per_document
def phone_fields(ctx: Context) -> list[PhoneField]:
    """``from_number`` first, then every task's ``to_number``, as present in the document."""
    tasks = ctx.tasks
    fields = []
    if "from_number" in ctx.document:
        every_task_relaxed = bool(tasks) and all(_relaxed(task) for _, task in tasks)
        fields.append(PhoneField("/from_number", "from_number", ctx.document["from_number"], every_task_relaxed, None))
    for pointer, task in tasks:
        if "to_number" in task:
            fields.append(PhoneField(pointer + "/to_number", "to_number", task["to_number"], _relaxed(task), int(pointer[7:])))
    return fields


@per_document
def destinations(ctx: Context) -> list[PhoneField]:
    """Every task's ``to_number`` that is a non-empty string."""
    return [f for f in phone_fields(ctx) if f.task is not None and isinstance(f.value, str) and f.value]
