"""Dynamic variables set to blank strings, and the placeholders that show a variable is spoken.

RBV603 (info) and RBV611 (warning) split the blank values by that evidence: a ``{{name}}``
in some task's ``agent_override`` shows the agent speaks ``name``; without it a blank value
is the usual default for optional context (email, notes) and may never be spoken.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from validator.context import Context, per_document
from validator.diagnostics import Members
from validator.pointer import join as pointer_join
from validator.rules.tasks._variables import FIELD, variables

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")  # spaces inside the braces are ignored, as Retell does


@dataclass(slots=True)
class Blank:
    """One variable name and the tasks (pointers) where its value is blank."""

    key: str
    tasks: list[str] = field(default_factory=list)

    @property
    def pointer(self) -> str:
        return pointer_join(self.tasks[0], FIELD, self.key)

    def members(self) -> Members:
        """The blank values' pointers, one per task (what a suppression comment may name)."""
        return Members.spelled(self.tasks, lambda task: pointer_join(task, FIELD, self.key))


@per_document
def blanks(ctx: Context) -> list[Blank]:
    """Every variable blank in some task, in the order first seen."""
    found: dict[str, Blank] = {}
    for pointer, task in ctx.tasks:
        for key, value in (variables(task) or {}).items():
            if isinstance(value, str) and (not value or value.isspace()):  # isspace: no copy, unlike strip()
                found.setdefault(key, Blank(key)).tasks.append(pointer)
    return list(found.values())


@per_document
def spoken(ctx: Context) -> dict[str, str]:
    """Variable name → the first task whose agent override uses it as ``{{name}}`` in a string."""
    out: dict[str, str] = {}
    seen: set[str] = set()  # batches repeat one override: its text is scanned once
    for pointer, override in ctx.agent_overrides:
        try:
            text = json.dumps(override, ensure_ascii=False, default=str)
        except (TypeError, ValueError):  # keys JSON cannot write (YAML oddities): nothing to read
            continue
        if "{{" not in text or text in seen:
            continue
        seen.add(text)
        for name in _names(override):
            out.setdefault(name, pointer.removesuffix("/agent_override"))
    return out


def _names(node: Any) -> list[str]:
    stack = [node]
    names: list[str] = []
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            names += [n for n in PLACEHOLDER.findall(value) if n] if "{{" in value else []
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return names


def more(count: int) -> str:
    return f" and {count:,} more task{'s' if count > 1 else ''}" if count else ""
