"""The phone number fields of a payload, shared by the phone rules (RBV2xx).

One pass per document reads every ``from_number`` and ``to_number``. What it keeps for a
100,000-task batch is two containers of plain values (the destinations as ``(task, key)``
tuples of an int and a string, which the garbage collector stops tracking), plus a
:class:`PhoneField` for each number that is not a valid E.164 US number (a few at most): the
collector of the process traverses what a check keeps alive, again and again while it grows.
"""

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


@dataclass(frozen=True, slots=True)
class _Fields:
    not_valid_us: list[PhoneField]  # ``from_number`` first, then the tasks', in order
    destinations: list[tuple[int, str]]  # (task index, PhoneInfo.key) of every to_number that is a non-empty string


@per_document
def _fields(ctx: Context) -> _Fields:
    tasks = ctx.tasks
    unusual: list[PhoneField] = []
    destinations: list[tuple[int, str]] = []
    if "from_number" in ctx.document:
        value = ctx.document["from_number"]
        info = analyze(value) if isinstance(value, str) else None
        if _unusual(info):
            every_task_relaxed = bool(tasks) and all(task.get("ignore_e164_validation") is True for _, task in tasks)
            unusual.append(PhoneField("from_number", value, every_task_relaxed, None, info))
    for pointer, task in tasks:
        if "to_number" not in task:
            continue
        value = task["to_number"]
        index = int(pointer[7:])
        info = analyze(value) if isinstance(value, str) else None
        if _unusual(info):
            unusual.append(PhoneField("to_number", value, task.get("ignore_e164_validation") is True, index, info))
        if info is not None and value:
            destinations.append((index, info.key))
    return _Fields(unusual, destinations)


def _unusual(info: PhoneInfo | None) -> bool:
    return info is None or not (info.is_e164 and info.valid and info.is_us)


def not_valid_us_numbers(ctx: Context) -> list[PhoneField]:
    """The fields that are anything but a valid E.164 US number (in a batch, a few of them at most), ``from_number`` first."""
    return _fields(ctx).not_valid_us


def destinations(ctx: Context) -> list[tuple[int, str]]:
    """``(task index, what the number compares by)`` for every task's ``to_number`` that is a non-empty string (:attr:`PhoneInfo.key`)."""
    return _fields(ctx).destinations


@per_document
def reading_region(ctx: Context) -> Region:
    """Where numbers written nationally are read: the ``region`` setting, else the country of ``from_number``, else the default."""
    return Region.choose(ctx.settings.region, ctx.document.get("from_number"))
