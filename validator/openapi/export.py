"""The request body as a standalone JSON Schema, for editors (autocomplete, hover docs, live errors).

Derived from the loaded spec's request schema (``$ref``s already inlined,
OpenAPI ``nullable`` already turned into JSON Schema): it keeps descriptions,
enums and defaults, and adds ``markdownDescription`` (VS Code renders it on
hover) and the ranges the descriptions state in prose ("Value ranging from
[0,2]", read by :mod:`validator.openapi.prose`) as ``minimum``/``maximum``. Objects
with listed properties are closed (``additionalProperties: false``) where RBV111
reports unknown keys, so an editor marks ``trigger_timestamps`` as it types;
free-form objects (``metadata``, dynamic variables) stay open. Draft-07 is the
default because every editor supports it; the converted schema uses no keyword
that draft-07 lacks, which is checked.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any, Literal

from validator.openapi.load import Schema, Spec, SpecError, iter_object_schemas
from validator.openapi.prose import Location, prose_constraints
from validator.openapi.tools import branches

Draft = Literal["07", "2020-12"]
DRAFTS: dict[Draft, str] = {
    "07": "http://json-schema.org/draft-07/schema#",
    "2020-12": "https://json-schema.org/draft/2020-12/schema",
}
# Keywords draft-07 does not know: a schema using one must be exported as 2020-12.
_NEWER_KEYWORDS = frozenset(
    {
        "$defs",
        "$anchor",
        "$dynamicRef",
        "$dynamicAnchor",
        "prefixItems",
        "dependentRequired",
        "dependentSchemas",
        "unevaluatedItems",
        "unevaluatedProperties",
    }
)


def export_schema(spec: Spec, draft: Draft = "07") -> Schema:
    """A JSON Schema document for the create-batch-call request body of ``spec``."""
    body = copy.deepcopy(spec.request_schema)
    _add_prose_ranges(body, spec)
    nodes = list(iter_object_schemas(body))
    # An allOf part closed on its own would refuse its siblings' properties (draft-07 has no unevaluatedProperties).
    for location, node in nodes:
        part = location.rpartition("/")[0].endswith("/allOf")
        if "properties" in node and "additionalProperties" not in node and not part:
            node["additionalProperties"] = False  # what RBV111 reports as an unknown key
        if draft == "07":
            newer = _NEWER_KEYWORDS.intersection(node)
            if newer:
                raise SpecError(f"the request schema uses {', '.join(sorted(newer))} at {location or '/'}: export it with --draft 2020-12")
        if isinstance(node.get("description"), str):
            node["markdownDescription"] = node["description"]
    return {
        "$schema": DRAFTS[draft],
        "title": f"{spec.title} {spec.version}: POST /create-batch-call request body",
        **body,
    }


def _add_prose_ranges(body: Schema, spec: Spec) -> None:
    """Stated prose ranges as bounds on the numeric schema nodes they describe (schema bounds win)."""
    for stated in prose_constraints(spec).ranges:
        if stated.implied:  # derived from a unit such as _ms, not stated by the spec
            continue
        for node in _nodes_at(body, stated.location):
            if not _numeric(node):
                continue
            if stated.low is not None:
                node.setdefault("exclusiveMinimum" if stated.low_exclusive else "minimum", _tidy(stated.low))
            if stated.high is not None:
                node.setdefault("maximum", _tidy(stated.high))


def _nodes_at(node: Schema, location: Location) -> Iterator[Schema]:
    """The schema nodes (alternatives included) at a prose location such as ``("tasks", "*", "name")``."""
    for branch in branches(node):
        if not location:
            yield branch
            continue
        sub = branch.get("items") if location[0] == "*" else branch.get("properties", {}).get(location[0])
        if isinstance(sub, dict):
            yield from _nodes_at(sub, location[1:])


def _numeric(node: Schema) -> bool:
    kind = node.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "number" in kinds or "integer" in kinds


def _tidy(value: float) -> Any:
    return int(value) if float(value).is_integer() else value
