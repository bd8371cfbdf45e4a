"""The sentences of the spec that state a constraint, and which of them the prose reader turns into checks.

Every description reachable from the create-batch-call request body is split into
sentences, following ``$ref`` s (a description beside a ``$ref`` and the one of the
schema it names are both kept: the latter may be the only place a rule is stated,
as for ``AgentVersionReference``). A sentence states a constraint when it uses
one of the words in :data:`CONSTRAINT`. Which rule checks each one, or why none
can, is joined in :mod:`validator.engine.coverage`: this module knows no rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from validator.openapi.load import REQUEST_POINTER, Spec
from validator.openapi.prose import Location, Prose, Range, prose_constraints, sentences
from validator.pointer import tokens

# Words that make a sentence a constraint: a bound, a condition, an exclusion, something ignored.
CONSTRAINT = re.compile(
    r"\b(?:must|only|minimum|maximum|range|ranging|between|at least|at most|positive|non[- ]negative|not both|"
    r"ignored|no-op|required|not allowed|valid|supported|unique|cannot)\b|\bif\b.*\bthen\b",
    re.I,
)


@dataclass(frozen=True, order=True)
class Sentence:
    """A sentence of a description, at the document location of the field it describes (``tasks.*.to_number``)."""

    field: str
    text: str


def dotted(location: Location) -> str:
    return ".".join(location)


def all_sentences(spec: Spec) -> list[Sentence]:
    """Every sentence of every description, in schema order, each once."""
    found: dict[Sentence, None] = {}
    for location, text in _descriptions(spec.openapi):
        for sentence in sentences(" ".join(text.split())):
            found.setdefault(Sentence(dotted(location), sentence), None)
    return list(found)


def states_constraint(sentence: Sentence) -> bool:
    return CONSTRAINT.search(sentence.text) is not None


def prose_sentences(spec: Spec) -> dict[str, list[tuple[str, str]]]:
    """``(field, text)`` of the constraints :mod:`validator.openapi.prose` reads, by the kind a rule declares in ``SPEC_PROSE``.

    Kinds: the :class:`~validator.openapi.prose.Prose` fields (``prerequisites``, ``ranges`` …),
    ``stated_unchecked_by_schema`` / ``implied_unchecked_by_schema``: the ranges left
    to check once the schema's own bounds are removed, stated in words or implied by a unit,
    and ``checked_by_schema``: the stated ranges whose every bound the schema enforces.
    """
    prose = prose_constraints(spec)
    kinds: dict[str, list[tuple[str, str]]] = {}
    for name in Prose.__dataclass_fields__:
        items = getattr(prose, name)
        kinds[name] = [(dotted(getattr(item, "stated_at", None) or item.location), item.text) for item in items]
    unchecked: tuple[Range, ...] = prose.unchecked_by_schema
    kinds["stated_unchecked_by_schema"] = [(dotted(r.location), r.text) for r in unchecked if not r.implied]
    kinds["implied_unchecked_by_schema"] = [(dotted(r.location), r.text) for r in unchecked if r.implied]
    left = {r.location for r in unchecked}
    kinds["checked_by_schema"] = [(dotted(r.location), r.text) for r in prose.ranges if r.location not in left and not r.implied]
    return kinds


def _descriptions(openapi: Mapping[str, Any]) -> Iterator[tuple[Location, str]]:
    node: Any = openapi
    for key in REQUEST_POINTER:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    yield from _walk(openapi, node, (), frozenset())


def _walk(openapi: Mapping[str, Any], node: Any, location: Location, active: frozenset[str]) -> Iterator[tuple[Location, str]]:
    if not isinstance(node, dict):
        return
    text = node.get("description")
    if isinstance(text, str):
        yield location, text
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/") and ref not in active:
        target: Any = openapi
        for part in tokens(ref[1:]):
            target = target.get(part) if isinstance(target, dict) else None
        yield from _walk(openapi, target, location, active | {ref})
    for name, sub in (node.get("properties") or {}).items():
        yield from _walk(openapi, sub, (*location, name), active)
    yield from _walk(openapi, node.get("items"), (*location, "*"), active)
    for key in ("oneOf", "anyOf", "allOf"):
        for sub in node.get(key) or ():
            yield from _walk(openapi, sub, location, active)
