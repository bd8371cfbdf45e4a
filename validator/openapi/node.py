"""A schema node of a loaded spec, and what is derived from it: validators, variants, per-node answers.

The spec owns its root node (:attr:`validator.openapi.load.Spec.root`), and each node owns
its children and the variants made from it, all built on first use: when the spec is
dropped, everything derived from it goes with it. A node is reached by the keywords that
lead to it (``properties``/name, ``items``, ``oneOf``/index …), never looked up by ``id()``.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import cached_property
from typing import Any

from validator.openapi.patterns import safe_validator_class

Schema = dict[str, Any]


class SchemaNode:
    """One JSON Schema node (a dict of the spec's converted request schema, or a variant of one)."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        # What a pass derives from this node, under the pass's own keys (a function, a tuple of names):
        # answers that depend only on the node are computed once per node, and freed with the spec.
        self.memo: dict[Hashable, Any] = {}
        self._branches: dict[str, tuple[SchemaNode, ...]] = {}
        self._narrowed: dict[tuple[str, ...], SchemaNode] = {}
        self._without: dict[tuple[str, ...], SchemaNode] = {}

    def __repr__(self) -> str:
        return f"SchemaNode({sorted(self.schema) if isinstance(self.schema, dict) else self.schema!r})"

    # ---- the nodes below -------------------------------------------------------------------

    @cached_property
    def properties(self) -> dict[str, SchemaNode]:
        """``properties``, each member as a node (empty when the schema declares none)."""
        found = self.schema.get("properties")
        return {name: SchemaNode(sub) for name, sub in found.items()} if isinstance(found, dict) else {}

    @cached_property
    def items(self) -> SchemaNode | None:
        return _node(self.schema.get("items"))

    @cached_property
    def additional(self) -> SchemaNode | None:
        """``additionalProperties`` when it is a schema (not ``true``/``false`` or absent)."""
        return _node(self.schema.get("additionalProperties"))

    def branches(self, keyword: str) -> tuple[SchemaNode, ...]:
        """The schemas listed under ``oneOf``, ``anyOf`` or ``allOf``, as nodes (empty when absent)."""
        found = self._branches.get(keyword)
        if found is None:
            found = self._branches[keyword] = tuple(SchemaNode(sub) for sub in self.schema.get(keyword, ()))
        return found

    # ---- validators ------------------------------------------------------------------------

    @cached_property
    def validator(self) -> Any:
        """python-jsonschema's validator: it words every error; the spec's regular expressions run in bounded time."""
        return safe_validator_class()(self.schema)

    def is_valid(self, instance: Any) -> bool:
        """python-jsonschema's verdict."""
        return bool(self.validator.is_valid(instance))

    @cached_property
    def screen(self) -> Any:
        """jsonschema-rs's validator (milliseconds for what python-jsonschema takes seconds on), or None without its wheel."""
        try:
            import jsonschema_rs
        except ImportError:  # pragma: no cover - a platform without its wheel: python only
            return None
        return jsonschema_rs.Draft202012Validator(self.schema)

    def passes(self, instance: Any) -> bool:
        """True only when jsonschema-rs is sure the instance is valid."""
        screen = self.screen
        if screen is None:
            return False
        try:
            return bool(screen.is_valid(instance))
        except (ValueError, TypeError, OverflowError):  # non-JSON values (YAML dates, sets): let python decide
            return False

    # ---- variants --------------------------------------------------------------------------

    @cached_property
    def array(self) -> SchemaNode:
        """An array of this schema: many values screened in one call."""
        return SchemaNode({"type": "array", "items": self.schema})

    @cached_property
    def untyped(self) -> SchemaNode:
        """This schema without its ``type`` keyword."""
        return SchemaNode({key: value for key, value in self.schema.items() if key != "type"})

    def narrowed(self, members: tuple[str, ...]) -> SchemaNode:
        """This schema with only these ``properties`` (one node per set of members, kept with its validators)."""
        found = self._narrowed.get(members)
        if found is None:
            properties = self.schema["properties"]
            found = self._narrowed[members] = SchemaNode({**self.schema, "properties": {name: properties[name] for name in members}})
        return found

    def without(self, members: tuple[str, ...]) -> SchemaNode:
        """This schema without these ``properties`` (asked per task: the answer is kept per tuple)."""
        found = self._without.get(members)
        if found is None:
            found = self._without[members] = self.narrowed(tuple(name for name in self.schema["properties"] if name not in members))
        return found


def _node(schema: Any) -> SchemaNode | None:
    return SchemaNode(schema) if isinstance(schema, dict) else None
