"""Helpers shared by the schema pass and the rules that walk the schema beside the document."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from validator.json_values import preview, type_name
from validator.openapi.load import Schema
from validator.pointer import join
from validator.spelling import did_you_mean as did_you_mean  # the rules' import; it lives below every layer that suggests


def schema_types(schema: Schema) -> set[str] | None:
    """The JSON types a schema admits, ``None`` when it does not say."""
    kind = schema.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return set(kind)
    branches = schema.get("oneOf") or schema.get("anyOf")
    if branches:
        found: set[str] = set()
        for branch in branches:
            sub = schema_types(branch)
            if sub is None:
                return None
            found |= sub
        return found
    if "allOf" in schema:
        for branch in schema["allOf"]:
            sub = schema_types(branch)
            if sub is not None:
                return sub
    if "enum" in schema:
        return {type_name(v) for v in schema["enum"]}
    return None


def accepts_type(schema: Schema, value: Any) -> bool:
    types = schema_types(schema)
    if types is None:
        return True
    name = type_name(value)
    return name in types or (name == "integer" and "number" in types)


def discriminator_tags(schema: Schema) -> set[Any] | None:
    """Values of a ``type`` property that select this alternative, through nested oneOf/anyOf."""
    branches = schema.get("oneOf") or schema.get("anyOf")
    if branches:
        tags: set[Any] = set()
        for branch in branches:
            sub = discriminator_tags(branch)
            if sub is None:
                return None
            tags |= sub
        return tags
    enum = schema.get("properties", {}).get("type", {}).get("enum")
    return set(enum) if isinstance(enum, list) else None


def pick_branch(value: Any, branches: Sequence[Schema]) -> int | None:
    """The alternative a value was most likely meant for: by its ``type`` tag, else by JSON type."""
    if isinstance(value, dict):
        tags = [discriminator_tags(b) for b in branches]
        if all(t is not None for t in tags):
            tag = value.get("type")
            if isinstance(tag, (dict, list)):  # unhashable: it cannot name an alternative
                return None
            for index, tag_set in enumerate(tags):
                if tag_set is not None and tag in tag_set:
                    return index
            return None
    candidates = [i for i, b in enumerate(branches) if accepts_type(b, value)]
    return candidates[0] if len(candidates) == 1 else None


def describe_schema(schema: Schema) -> str:
    """Words for what a (scalar) schema accepts, for "must be X or Y" messages."""
    branches = schema.get("oneOf") or schema.get("anyOf")
    if branches:
        return " or ".join(describe_schema(b) for b in branches)
    if "enum" in schema:
        return "one of " + enum_list(schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return " or ".join(describe_schema({**schema, "type": k}) for k in kind)
    if kind == "integer" or kind == "number":
        noun = "integer" if kind == "integer" else "number"
        low, high = schema.get("minimum"), schema.get("maximum")
        if low == 0 and high is None:
            return f"a non-negative {noun}"
        if low is not None and high is not None:
            return f"{'an' if noun == 'integer' else 'a'} {noun} from {low} to {high}"
        if low is not None:
            return f"{'an' if noun == 'integer' else 'a'} {noun} ≥ {low}"
        return "an integer" if noun == "integer" else "a number"
    if kind == "string":
        parts = ["a string"]
        if "pattern" in schema:
            parts.append(f"matching {schema['pattern']}")
        low, high = schema.get("minLength"), schema.get("maxLength")
        if high is not None:
            parts.append(f"({low or 0}-{high} characters)")
        return " ".join(parts)
    return {"object": "an object", "array": "a list", "boolean": "true or false", "null": "null"}.get(str(kind), "a value")


def enum_list(values: Sequence[Any], limit: int = 12) -> str:
    shown = ", ".join(preview(v) for v in values[:limit])
    if len(values) > limit:
        shown += f", … ({len(values)} values)"
    return f"[{shown}]"


def error_pointer(error: Any) -> str:
    """JSON pointer of a jsonschema error's instance."""
    return join("", *error.absolute_path)


def field_label(error: Any) -> str:
    """``to_number`` for an error at /tasks/0/to_number; ``item 3`` in a list; ``the payload`` at the root."""
    path = list(error.absolute_path)
    if not path:
        return "the payload"
    last = path[-1]
    if isinstance(last, int):
        parent = next((p for p in reversed(path) if isinstance(p, str)), None)
        return f"{parent}[{last}]" if parent else f"item {last}"
    return f"`{last}`"


def first_sentence(text: str | None) -> str | None:
    if not text:
        return None
    sentence = " ".join(text.split()).split(". ")[0].rstrip(".")
    return sentence or None


def enum_values(schema: Schema) -> list[Any]:
    """Every ``enum`` value a schema lists, through ``oneOf``/``anyOf``/``allOf``."""
    values = list(schema.get("enum", []))
    for key in ("oneOf", "anyOf", "allOf"):
        for sub in schema.get(key, []):
            if isinstance(sub, dict):
                values.extend(enum_values(sub))
    return values


def branches(node: Schema) -> Iterator[Schema]:
    """A schema node and its alternatives and parts (oneOf, anyOf, allOf), recursively."""
    yield node
    for key in ("oneOf", "anyOf", "allOf"):
        for sub in node.get(key, ()):
            if isinstance(sub, dict):
                yield from branches(sub)
