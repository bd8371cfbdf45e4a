"""What the spec says about a place in the payload: for hover (description, constraints) and completion (keys, enums).

Reads the exported JSON Schema (:func:`validator.openapi.export.export_schema`), which
carries the spec's descriptions and the ranges it states only in prose. A path
may lead into several alternatives (``oneOf``/``anyOf``/``allOf``): all of them
are followed, and their keys and values offered together.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from validator.openapi.export import export_schema
from validator.openapi.load import Schema, Spec, per_spec
from validator.openapi.tools import branches, describe_schema, enum_values, schema_types

_CONSTRAINTS = (
    ("minimum", "minimum"),
    ("exclusiveMinimum", "greater than"),
    ("maximum", "maximum"),
    ("exclusiveMaximum", "less than"),
    ("minLength", "min length"),
    ("maxLength", "max length"),
    ("pattern", "pattern"),
    ("minItems", "min items"),
    ("maxItems", "max items"),
    ("default", "default"),
)


@per_spec
def editor_schema(spec: Spec) -> Schema:
    return export_schema(spec)


def nodes_at(schema: Schema, path: Sequence[str]) -> list[Schema]:
    """The schema nodes that describe the value at ``path`` (pointer tokens; any digit string indexes an array)."""
    nodes = [schema]
    for token in path:
        found: list[Schema] = []
        for node in nodes:
            for branch in branches(node):
                properties = branch.get("properties", {})
                if token in properties:
                    found.append(properties[token])
                elif isinstance(branch.get("additionalProperties"), dict):
                    found.append(branch["additionalProperties"])
                if token.isascii() and token.isdigit() and isinstance(branch.get("items"), dict):
                    found.append(branch["items"])
        nodes = found
    return nodes


def keys_at(nodes: Sequence[Schema]) -> dict[str, tuple[Schema, bool]]:
    """The properties the object described by ``nodes`` may have: name → (schema, required)."""
    keys: dict[str, tuple[Schema, bool]] = {}
    for node in nodes:
        for branch in branches(node):
            required = set(branch.get("required", ()))
            for name, sub in branch.get("properties", {}).items():
                if name not in keys or name in required:
                    keys[name] = (sub, name in required)
    return keys


def values_at(nodes: Sequence[Schema]) -> list[Any]:
    """The values the spec lists for this place: enum members, else ``true``/``false`` for a boolean."""
    values: list[Any] = []
    for node in nodes:
        values.extend(v for v in enum_values(node) if v not in values)
    if not values and any("boolean" in (schema_types(n) or ()) for n in nodes):
        values = [True, False]
    return values


def is_object(nodes: Sequence[Schema]) -> bool:
    return any("properties" in branch for node in nodes for branch in branches(node))


def describe(name: str, nodes: Sequence[Schema], required: bool) -> str | None:
    """Markdown for hovering a key: its type and constraints, then the spec's description."""
    if not nodes:
        return None
    node = next((n for n in nodes if n.get("description")), nodes[0])
    lines = [f"**{name}**{' (required)' if required else ''}: {describe_schema(node)}"]
    constraints = [
        f"{label} `{json.dumps(branch[key], ensure_ascii=False)}`"
        for branch in branches(node)
        for key, label in _CONSTRAINTS
        if key in branch
    ]
    if constraints:
        lines.append(" · ".join(dict.fromkeys(constraints)))
    description = node.get("description")
    if isinstance(description, str) and description.strip():
        lines.append(description.strip())
    return "\n\n".join(lines)


def required_at(schema: Schema, container: Sequence[str], name: str) -> bool:
    return any(name in branch.get("required", ()) for node in nodes_at(schema, container) for branch in branches(node))
