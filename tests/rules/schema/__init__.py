"""Tests of the schema rules (RBV1xx): violations of the bundled OpenAPI schema, worded one finding per problem.

Some keywords (``pattern`` outside an alternative, ``not``, ``dependentRequired``, ``contains``) are
not used by the bundled spec but may be by a newer one (``--spec``): :class:`UnderSpec` cases check
a payload against the bundled schema with such a keyword added.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from tests.rules.cases import At, Case
from validator import Report, validate
from validator.openapi.load import Spec, load_spec


def spec_with(*path: str, **keywords: Any) -> Spec:
    """The bundled spec with ``keywords`` added to the request schema below ``path`` (property names, or ``items``)."""
    bundled = load_spec()
    schema = copy.deepcopy(bundled.request_schema)
    node = schema
    for part in path:
        node = node["items"] if part == "items" else node["properties"][part]
    node.update(keywords)
    return dataclasses.replace(bundled, request_schema=schema)


@dataclasses.dataclass(frozen=True)
class UnderSpec(Case):
    """A case whose payload (a dict) is checked against ``spec``."""

    spec: Spec | None = dataclasses.field(default=None, compare=False)

    def run(self) -> Report:
        return validate(self.payload, now=self.now, settings=self.settings, spec=self.spec)


def under(spec: Spec, id: str, payload: dict[str, Any], *expect: At | str) -> UnderSpec:
    """A case checked against ``spec``: flagged when findings are expected, else a near miss."""
    return UnderSpec(id, payload, tuple(e if isinstance(e, At) else At(e) for e in expect), spec=spec)
