"""The request's fields by place, read from the spec, and the keys of a payload that are none of them.

A place is a JSON pointer template: ``""`` the document, ``/tasks/*`` every task,
``/tasks/*/agent_override/agent`` every task's agent override. Alternatives
(``oneOf``/``anyOf``) and ``allOf`` parts add their fields to the place; objects
with ``additionalProperties`` (metadata, dynamic variables, SIP headers) are
free-form and never walked; a closed object (``additionalProperties: false``) is
walked, its unknown keys being RBV110's. RBV112 (misplaced keys) and RBV113 (fields newer
than the spec) walk the same unknown keys, found once per document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from validator.context import Context, per_document
from validator.knowledge.misplaced import alias_for
from validator.openapi.load import Schema, Spec, per_spec
from validator.pointer import join as pointer_join

MAX_SHAPES = 4096  # per place: free-form keys in a walked object must not grow the memo without bound


@dataclass
class FieldIndex:
    """The spec's fields: the keys each place's objects may have, and the places each key is a field of."""

    fields: dict[str, frozenset[str]] = field(default_factory=dict)
    homes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key → templates of its field (…/key)
    schemas: dict[str, Schema] = field(default_factory=dict)  # template of a field → its schema
    walked: frozenset[str] = frozenset()  # the places with fields at or below them: where the walk goes
    # (place, keys) → the unknown keys and the known members to walk into
    shapes: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)

    def parent_fields(self, template: str) -> frozenset[str]:
        return self.fields.get(template, frozenset())


@per_spec
def field_index(spec: Spec) -> FieldIndex:
    """The index of ``spec``'s request schema, built once per loaded spec and kept by it."""
    return _build(spec.request_schema)


def _build(root: Schema) -> FieldIndex:
    fields: dict[str, set[str]] = {}
    homes: dict[str, list[str]] = {}
    schemas: dict[str, Schema] = {}
    stack: list[tuple[str, Schema]] = [("", root)]
    seen: set[tuple[str, int]] = set()
    while stack:
        place, schema = stack.pop()
        if (place, id(schema)) in seen or not isinstance(schema, dict):
            continue
        seen.add((place, id(schema)))
        for key in ("oneOf", "anyOf", "allOf"):
            stack.extend((place, part) for part in schema.get(key, ()) if isinstance(part, dict))
        items = schema.get("items")
        if isinstance(items, dict):
            stack.append((f"{place}/*", items))
        properties = schema.get("properties")
        if isinstance(properties, dict) and schema.get("additionalProperties") in (None, False):  # not free-form
            own = fields.setdefault(place, set())
            for name, sub in properties.items():
                own.add(name)
                home = child_place(place, name)
                if home not in homes.setdefault(name, []):
                    homes[name].append(home)
                schemas.setdefault(home, sub)
                stack.append((home, sub))
    walked = {"/".join(t.split("/")[:n]) for t in fields for n in range(1, t.count("/") + 2)}
    return FieldIndex({k: frozenset(v) for k, v in fields.items()}, {k: tuple(v) for k, v in homes.items()}, schemas, frozenset(walked))


@dataclass(frozen=True, slots=True)
class Unknown:
    """A key the spec does not define where it is written."""

    parent: str  # pointer of the object holding it
    template: str  # that object's place
    key: str
    value: Any

    @property
    def pointer(self) -> str:
        return pointer_join(self.parent, self.key)


@per_document
def unknown_keys(ctx: Context) -> list[Unknown]:
    """Every key of the document that its place does not define, in document order."""
    index = field_index(ctx.spec)
    return list(_walk(ctx.document, "", "", index))


def _walk(value: Any, pointer: str, place: str, index: FieldIndex) -> Iterator[Unknown]:
    if isinstance(value, list):
        inner = f"{place}/*"
        if inner in index.walked:
            for i, item in enumerate(value):
                if isinstance(item, dict | list):
                    yield from _walk(item, f"{pointer}/{i}", inner, index)
        return
    if not isinstance(value, dict) or place not in index.fields:
        return
    unknown, walked = _shape(index, place, tuple(value))
    for key in unknown:
        yield Unknown(pointer, place, key, value[key])
    for key in walked:
        child = value[key]
        if isinstance(child, dict | list):
            yield from _walk(child, pointer_join(pointer, key), child_place(place, key), index)


def child_place(place: str, key: str) -> str:
    """The place of member ``key`` of an object at ``place``."""
    return pointer_join(place, key) if place else f"/{key}"


def _shape(index: FieldIndex, place: str, keys: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The unknown keys of an object with these keys, and its members with fields at or below them (kept per shape)."""
    found = index.shapes.get((place, keys))
    if found is None:
        known = index.fields[place]
        walked = tuple(k for k in keys if k in known and child_place(place, k) in index.walked)
        found = (tuple(k for k in keys if k not in known), walked)
        if len(index.shapes) < MAX_SHAPES:
            index.shapes[(place, keys)] = found
    return found


def read_instead(ctx: Context) -> dict[str, str]:
    """Unknown keys whose name says where the API reads them (pointer → that place, as ``tasks[].override_agent_id``).

    The alias table's home, else the one place the spec has a field of that name.
    """
    index = field_index(ctx.spec)
    out: dict[str, str] = {}
    for unknown in unknown_keys(ctx):
        alias = alias_for(unknown.template, unknown.key)
        homes = index.homes.get(unknown.key, ())
        home = alias.home if alias is not None else homes[0] if len(homes) == 1 and homes[0].rsplit("/", 1)[0] != unknown.template else None
        if home is not None:
            out[unknown.pointer] = ".".join(home.strip("/").split("/")).replace(".*", "[]")
    return out


def contact_fields(ctx: Context) -> set[str]:
    """Unknown keys of a task holding text (``"first_name": "Ann"``): contact data meant for the prompt, most likely."""
    return {u.pointer for u in unknown_keys(ctx) if u.template == "/tasks/*" and isinstance(u.value, str)}
