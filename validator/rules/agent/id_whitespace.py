"""An id has whitespace around it, or is blank (`override_agent_id: " agent_x "`).

Why it matters: ids are looked up exactly; ``" agent_x "`` names no agent,
voice, LLM, conversation flow or knowledge base, so the API rejects the task
(or, for a fallback voice or knowledge base, the call goes on without it).
Spaces usually come from a spreadsheet cell or a copy from the dashboard.
Every ``*_id`` field and every item of an ``*_ids`` list the spec defines is
checked. The safe fix removes the surrounding whitespace.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.openapi.load import Spec, per_spec
from validator.openapi.prose import Location, schema_nodes
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import in_override, override_values, values_at

CODE = "RBV528"
NAME = "id-whitespace"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "override_agent_id": " agent_x "}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_x"}]')


def check(ctx: Context) -> Iterator[Finding]:
    task_ids, nested = _id_fields(ctx.spec)
    if task_ids:  # task-level ids: one pass over the tasks, the one loop that sees them all
        for pointer, task in ctx.tasks:
            for name in task_ids:
                value = task.get(name)
                if isinstance(value, str) and value != value.strip():
                    yield from _check(ctx, f"{pointer}/{name}", name, value)
    for location in nested:
        found = override_values(ctx, location) if in_override(location) else values_at(ctx.document, location, "")
        for pointer, value, _ in found:
            if isinstance(value, str):
                yield from _check(ctx, pointer, location[-1], value)
            elif isinstance(value, list) and location[-1].endswith("_ids"):
                for index, item in enumerate(value):
                    if isinstance(item, str):
                        yield from _check(ctx, f"{pointer}/{index}", f"{location[-1]}[{index}]", item)


def _check(ctx: Context, pointer: str, name: str, text: str) -> Iterator[Finding]:
    if text == text.strip():
        return
    if not text.strip():
        yield ctx.finding(
            pointer, f"`{name}` is blank ({preview(text)}); an id names an existing resource", "write the id, or remove the field"
        )
        return
    yield ctx.finding(
        pointer,
        f"`{name}` {preview(text)} has whitespace around it; ids are matched exactly, so it names nothing",
        f"use {preview(text.strip())}",
        fix=Fix(text.strip(), True, "remove the surrounding whitespace"),
    )


@per_spec
def _id_fields(spec: Spec) -> tuple[tuple[str, ...], tuple[Location, ...]]:
    """Every ``*_id`` field and ``*_ids`` list in the request schema: the names of a task's own, and the other locations."""
    locations = [location for location in schema_nodes(spec) if location and location[-1].endswith(("_id", "_ids"))]
    own = [loc for loc in locations if len(loc) == 3 and loc[:2] == ("tasks", "*") and loc[2].endswith("_id")]
    return tuple(loc[2] for loc in own), tuple(loc for loc in locations if loc not in own)
