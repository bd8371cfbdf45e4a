"""Helpers for the agent-override rules (RBV5xx): find a spec location in every override.

Prose constraints (:mod:`validator.openapi.prose`) are keyed by document paths such as
``("tasks", "*", "agent_override", "agent", "custom_stt_config", "endpointing_ms")``.
These helpers walk only ``ctx.override_sections(...)``, never every task.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeGuard

from validator.context import Context
from validator.json_values import is_finite_number
from validator.openapi.load import Spec, per_spec
from validator.openapi.prose import Location, Range, prose_constraints
from validator.openapi.tools import discriminator_tags
from validator.pointer import join as pointer_join

OVERRIDE: Location = ("tasks", "*", "agent_override")


def in_override(location: Location) -> bool:
    """True for locations inside an override section (``agent``, ``retell_llm``, …)."""
    return len(location) > len(OVERRIDE) + 1 and location[: len(OVERRIDE)] == OVERRIDE


def label(location: Location) -> str:
    """```custom_stt_config.endpointing_ms``` for messages: the path below the override section."""
    return "`" + ".".join(part for part in location[len(OVERRIDE) + 1 :] if part != "*") + "`"


def override_values(ctx: Context, location: Location) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """``(pointer, value, parent object)`` for each override that sets the field at ``location``."""
    section, path = location[len(OVERRIDE)], location[len(OVERRIDE) + 1 :]
    for pointer, obj in ctx.override_sections(section):
        yield from values_at(obj, path, pointer)


def values_at(obj: dict[str, Any], path: Location, pointer: str) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """``(pointer, value, parent object)`` for each value at ``path`` below ``obj`` (at ``pointer``); ``*``: each object item."""
    name, rest = path[0], path[1:]
    if name not in obj:
        return
    value = obj[name]
    here = pointer_join(pointer, name)
    if not rest:
        yield here, value, obj
    elif rest[0] == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                if rest[1:] and isinstance(item, dict):
                    yield from values_at(item, rest[1:], pointer_join(here, index))
    elif isinstance(value, dict):
        yield from values_at(value, rest, here)


def outside_prose_ranges(ctx: Context, *, implied: bool) -> Iterator[tuple[Range, str, float]]:
    """``(bound, pointer, value)`` for each override number outside a range the prose states (``implied``: or only implies).

    Ranges the schema enforces are the schema pass's; a range only implied by a unit ("in
    milliseconds") is RBV530's, a stated one RBV504's.
    """
    if not ctx.agent_overrides:
        return
    for bound in prose_constraints(ctx.spec).unchecked_by_schema:
        if bound.implied is not implied or not in_override(bound.location):
            continue
        for pointer, value, _ in override_values(ctx, bound.location):
            if is_number(value) and not bound.admits(value):
                yield bound, pointer, value


def is_number(value: Any) -> TypeGuard[float]:
    """A finite JSON number (booleans are not; NaN and infinities are the input rules' finding)."""
    return is_finite_number(value)


# Override sections that configure one kind of response engine, with that engine's `type`.
ENGINE_SECTIONS = {"retell_llm": "retell-llm", "conversation_flow": "conversation-flow"}


def engine_type(override: dict[str, Any], spec: Spec) -> str | None:
    """``agent.response_engine.type`` of an override, when it names an engine the spec knows."""
    agent = override.get("agent")
    engine = agent.get("response_engine") if isinstance(agent, dict) else None
    kind = engine.get("type") if isinstance(engine, dict) else None
    return kind if isinstance(kind, str) and kind in _engine_types(spec) else None


@per_spec
def _engine_types(spec: Spec) -> frozenset[str]:
    schema = spec.subschema("tasks", "items", "agent_override", "agent", "response_engine")
    return frozenset(t for t in discriminator_tags(schema) or () if isinstance(t, str))
