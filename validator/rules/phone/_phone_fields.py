"""The phone number fields of a payload, shared by the phone rules (RBV2xx)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from validator.context import Context, per_document
from validator.knowledge.phones import PhoneInfo, Region, analyze


@dataclass(slots=True)
class PhoneField:
    """One ``from_number`` or ``to_number``, with ``analyze(value)`` when it is a string.

    ``relaxed`` is true when ``ignore_e164_validation: true`` turns the E.164
    and validity checks off for this number: a task's flag covers its own
    ``to_number``; ``from_number`` is relaxed only when every task sets it
    (the spec's wording names ``from_number``, but the flag lives on each task).
    """

    name: str
    value: Any
    relaxed: bool
    task: int | None
    info: PhoneInfo | None

    @property
    def pointer(self) -> str:
        return "/from_number" if self.task is None else f"/tasks/{self.task}/to_number"


@per_document
def phone_fields(ctx: Context) -> list[PhoneField]:
    """``from_number`` first, then every task's ``to_number``, as present in the document."""
    tasks = ctx.tasks
    fields = []
    if "from_number" in ctx.document:
        every_task_relaxed = bool(tasks) and all(task.get("ignore_e164_validation") is True for _, task in tasks)
        fields.append(_field("from_number", ctx.document["from_number"], every_task_relaxed, None))
    for pointer, task in tasks:
        if "to_number" in task:
            fields.append(_field("to_number", task["to_number"], task.get("ignore_e164_validation") is True, int(pointer[7:])))
    return fields


def _field(name: str, value: Any, relaxed: bool, task: int | None) -> PhoneField:
    return PhoneField(name, value, relaxed, task, analyze(value) if isinstance(value, str) else None)


@per_document
def not_valid_us_numbers(ctx: Context) -> list[PhoneField]:
    """The fields that are anything but a valid E.164 US number (in a batch, a few of them at most)."""
    return [f for f in phone_fields(ctx) if f.info is None or not (f.info.is_e164 and f.info.valid and f.info.is_us)]


@per_document
def destinations(ctx: Context) -> list[PhoneField]:
    """Every task's ``to_number`` that is a non-empty string."""
    return [f for f in phone_fields(ctx) if f.task is not None and f.info is not None and f.value]


@per_document
def reading_region(ctx: Context) -> Region:
    """Where numbers written nationally are read: the ``region`` setting, else the country of ``from_number``, else the default."""
    return Region.choose(ctx.settings.region, ctx.document.get("from_number"))
