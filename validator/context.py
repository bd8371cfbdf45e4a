"""What a rule sees: the parsed document, the spec, the settings, and shared views.

Views that several rules need (the tasks, every agent override) are computed
once per document here, so each rule walks only the part it checks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, wraps
from typing import Any, TypeVar, cast, overload

from validator.diagnostics import Finding, Fix
from validator.openapi.load import Spec
from validator.settings import Settings

JSON = Any
Pair = tuple[str, dict[str, JSON]]


class Pairs(Sequence[Pair]):
    """``(pointer, object)`` pairs, kept as two lists: a 100,000-task view is two containers, not 100,000 tuples.

    Tuples that hold a task are containers the garbage collector tracks for as long as the
    view lives; the pairs are made as they are read, and freed at once.
    """

    __slots__ = ("_objects", "_pointers")

    def __init__(self, pointers: list[str], objects: list[dict[str, JSON]]) -> None:
        self._pointers = pointers
        self._objects = objects

    def __len__(self) -> int:
        return len(self._objects)

    def __iter__(self) -> Iterator[Pair]:
        return zip(self._pointers, self._objects, strict=True)

    @overload
    def __getitem__(self, index: int) -> Pair: ...

    @overload
    def __getitem__(self, index: slice) -> Pairs: ...

    def __getitem__(self, index: int | slice) -> Pair | Pairs:
        if isinstance(index, slice):
            return Pairs(self._pointers[index], self._objects[index])
        return self._pointers[index], self._objects[index]


@dataclass
class Context:
    """One document under check. Rules must not mutate ``document``."""

    document: dict[str, JSON]
    spec: Spec
    settings: Settings
    source_format: str = "python"
    task_offset: int = 0  # tasks[0] of this document is tasks[task_offset] of the input (a CSV read in chunks)
    # Tasks a rule does not see: those a suppression comment took out of one of its grouped findings.
    excluded_tasks: frozenset[int] = frozenset()
    task_rows: Sequence[int] | None = None  # a contact list: the spreadsheet row each task came from
    # per_document's values, by the view that computed them: they go when the context goes
    _views: dict[Callable[[Context], Any], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def task_ref(self, index: int) -> str:
        """How a message names the task at ``index`` of this document: ``tasks[N]`` in the input's numbering, ``row N`` in a contact list's."""
        if self.task_rows is not None and index < len(self.task_rows):
            return f"row {self.task_rows[index]}"
        return f"tasks[{index + self.task_offset}]"

    @cached_property
    def tasks(self) -> Pairs:
        """``(pointer, task)`` for every task that is an object."""
        tasks = self.document.get("tasks")
        if not isinstance(tasks, list):
            return Pairs([], [])
        excluded = self.excluded_tasks
        if not excluded and all(isinstance(task, dict) for task in tasks):
            return Pairs([f"/tasks/{i}" for i in range(len(tasks))], tasks)
        kept = [i for i, task in enumerate(tasks) if isinstance(task, dict) and i not in excluded]
        return Pairs([f"/tasks/{i}" for i in kept], [tasks[i] for i in kept])

    @cached_property
    def agent_overrides(self) -> Pairs:
        """``(pointer, agent_override)`` for every task that carries one as an object."""
        found = [(ptr, task["agent_override"]) for ptr, task in self.tasks if isinstance(task.get("agent_override"), dict)]
        return Pairs([f"{ptr}/agent_override" for ptr, _ in found], [override for _, override in found])

    def override_sections(self, section: str) -> Iterator[tuple[str, dict[str, JSON]]]:
        """``(pointer, obj)`` for ``agent``, ``retell_llm`` or ``conversation_flow`` of each override."""
        for ptr, override in self.agent_overrides:
            value = override.get(section)
            if isinstance(value, dict):
                yield f"{ptr}/{section}", value

    @cached_property
    def call_time_window(self) -> dict[str, JSON] | None:
        window = self.document.get("call_time_window")
        return window if isinstance(window, dict) else None

    @staticmethod
    def finding(
        pointer: str,
        message: str,
        hint: str | None = None,
        *,
        key: bool = False,
        fix: Fix | None = None,
        members: Collection[str] = (),
        cause: str | None = None,
    ) -> Finding:
        """``members`` and ``cause``: a grouped finding's tasks and what they share (see :class:`Finding`)."""
        return Finding(pointer, message, hint, "key" if key else "value", fix, members, cause)


T = TypeVar("T")


def per_document(view: Callable[[Context], T]) -> Callable[[Context], T]:
    """``view(ctx)``, computed once per context and kept by it (freed with it, as ``cached_property`` would be)."""

    @wraps(view)
    def cached(ctx: Context) -> T:
        try:
            return cast(T, ctx._views[view])
        except KeyError:
            value = ctx._views[view] = view(ctx)
            return value

    return cached
