"""What changed in the request body between two specs: fields and enum values added or removed.

Fields are named by path: ``tasks[].agent_override.agent.voice_id`` (``[]``
for array items, ``{}`` for the values of a free-form map). Alternatives
(``anyOf``/``oneOf``/``allOf``) add their fields and enum values to the same
path, so a field that moved between alternatives is not reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from validator.openapi.load import Schema, Spec


@dataclass(frozen=True, order=True)
class Change:
    path: str
    kind: Literal["field", "enum"]
    change: Literal["added", "removed"]
    value: str = ""  # the enum value as JSON text

    def to_dict(self) -> dict[str, str]:
        out = {"change": self.change, "kind": self.kind, "path": self.path}
        if self.kind == "enum":
            out["value"] = self.value
        return out

    def __str__(self) -> str:
        sign = "+" if self.change == "added" else "-"
        return f"{sign} {self.kind:<5} {self.path}" + (f": {self.value}" if self.kind == "enum" else "")


def diff_specs(old: Spec, new: Spec) -> list[Change]:
    """Fields and enum values of the request body in one spec and not the other, sorted by path."""
    before, after = request_fields(old.request_schema), request_fields(new.request_schema)
    changes: list[Change] = []
    for path in before.keys() - after.keys():
        changes.append(Change(path, "field", "removed"))
    for path in after.keys() - before.keys():
        changes.append(Change(path, "field", "added"))
    for path in before.keys() & after.keys():
        changes.extend(Change(path, "enum", "removed", v) for v in before[path] - after[path])
        changes.extend(Change(path, "enum", "added", v) for v in after[path] - before[path])
    return sorted(changes)


def request_fields(schema: Schema) -> dict[str, set[str]]:
    """Every field path below ``schema`` with the enum values (as JSON text) allowed there."""
    out: dict[str, set[str]] = {}
    _collect(schema, "", out)
    out.pop("", None)
    return out


def _collect(schema: Any, path: str, out: dict[str, set[str]]) -> None:
    if not isinstance(schema, dict):
        return
    values = out.setdefault(path, set())
    values.update(json.dumps(v) for v in schema.get("enum", ()))
    if "const" in schema:
        values.add(json.dumps(schema["const"]))
    for name, sub in schema.get("properties", {}).items():
        _collect(sub, f"{path}.{name}" if path else name, out)
    if isinstance(schema.get("items"), dict):
        _collect(schema["items"], f"{path}[]", out)
    if isinstance(schema.get("additionalProperties"), dict):
        _collect(schema["additionalProperties"], f"{path}{{}}", out)
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, ()):
            _collect(sub, path, out)
