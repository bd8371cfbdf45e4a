"""The phone number fields of a payload, shared by the phone rules (RBV2xx)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from validator.context import Context


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


def phone_fields(ctx: Context) -> Iterator[PhoneField]:
    """``from_number`` first, then every task's ``to_number``, as present in the document."""
    tasks = ctx.tasks
    if "from_number" in ctx.document:
        every_task_relaxed = bool(tasks) and all(_relaxed(task) for _, task in tasks)
        yield PhoneField("/from_number", "from_number", ctx.document["from_number"], every_task_relaxed, None)
    for pointer, task in tasks:
        if "to_number" in task:
            yield PhoneField(pointer + "/to_number", "to_number", task["to_number"], _relaxed(task), int(pointer.rsplit("/", 1)[1]))


def destinations(ctx: Context) -> Iterator[PhoneField]:
    """Every task's ``to_number`` that is a non-empty string."""
    for field in phone_fields(ctx):
        if field.task is not None and isinstance(field.value, str) and field.value:
            yield field
