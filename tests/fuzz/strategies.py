"""Hypothesis strategies: payloads shaped by the spec's own request schema, mutated, and raw text/bytes.

Valid skeletons come from ``load_spec().request_schema``: every object keeps its required
keys most of the time, draws a few optional ones, sometimes loses a key or gains an
unknown one, and any value may be swapped for a value of the wrong type.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import yaml
from hypothesis import strategies as st

from validator.spec.load import load_spec

MAX_DEPTH = 6
PHONES = ["+14157774444", "+12137774445", "+442071838750", "+1415777", "14157774444", "+1 415 777 4444", ""]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(PHONES),
)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12
)


def _leaf(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "const" in schema:
        return st.just(schema["const"])
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) and kind else kind
    if kind == "string":
        return st.sampled_from(PHONES) | st.text(max_size=16)
    if kind == "integer":
        return st.integers(min_value=-10, max_value=2_000_000_000_000)
    if kind == "number":
        return st.integers(min_value=0, max_value=2_000_000_000_000) | st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return json_values


@cache
def _for(schema_json: str, depth: int) -> st.SearchStrategy[Any]:
    schema: dict[str, Any] = json.loads(schema_json)
    branches = schema.get("oneOf") or schema.get("anyOf")
    if branches:
        base = st.one_of([from_schema(b, depth) for b in branches])
    elif depth >= MAX_DEPTH:
        base = json_values
    elif schema.get("type") == "object" or "properties" in schema:
        base = _objects(schema, depth)
    elif schema.get("type") == "array":
        base = st.lists(from_schema(schema.get("items", {}), depth + 1), max_size=3)
    else:
        base = _leaf(schema)
    # one value in seven is of an arbitrary (usually wrong) type
    return st.one_of(base, base, base, base, base, base, json_values)


def from_schema(schema: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    if not isinstance(schema, dict):
        return json_values
    return _for(json.dumps(schema, sort_keys=True, default=str), depth)


def _objects(schema: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    properties: dict[str, Any] = schema.get("properties", {})
    required = [k for k in schema.get("required", []) if k in properties]
    optional = sorted(set(properties) - set(required))

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in required:
            if draw(st.integers(0, 9)):  # one in ten: missing
                out[key] = draw(from_schema(properties[key], depth + 1))
        if optional:
            for key in draw(st.lists(st.sampled_from(optional), max_size=3, unique=True)):
                out[key] = draw(from_schema(properties[key], depth + 1))
        if not draw(st.integers(0, 9)):  # one in ten: an unknown key
            out[draw(st.text(max_size=10))] = draw(json_values)
        return out

    return build()


def payloads() -> st.SearchStrategy[dict[str, Any]]:
    """Request bodies built from the spec, mutated; always an object at the root."""
    return _objects(load_spec().request_schema, 0)


def _yaml(payload: Any) -> str:
    return yaml.safe_dump(payload, allow_unicode=True, sort_keys=False)


@st.composite
def mutated_texts(draw: st.DrawFn) -> tuple[str, bytes]:
    """A payload written as JSON or YAML (any of several styles), then cut, spliced or corrupted."""
    payload = draw(payloads())
    fmt = draw(st.sampled_from(["json", "yaml"]))
    if fmt == "json":
        text = json.dumps(payload, indent=draw(st.sampled_from([None, 2])), ensure_ascii=draw(st.booleans()))
    else:
        text = _yaml(payload)
    data = text.encode("utf-8")
    action = draw(st.sampled_from(["keep", "truncate", "insert", "delete", "replace"]))
    if action != "keep" and data:
        at = draw(st.integers(0, len(data) - 1))
        if action == "truncate":
            data = data[:at]
        elif action == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=4) | st.sampled_from(TRAPS)) + data[at:]
        elif action == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 8)) :]
        else:
            data = data[:at] + draw(st.binary(min_size=1, max_size=2)) + data[at + 1 :]
    return fmt, data


# Fragments that exercise reader paths random bytes rarely reach.
TRAPS = [
    b"NaN",
    b"-Infinity",
    b"1e400",
    b"9" * 400,
    b'"\\ud800"',
    b"\xef\xbb\xbf",
    b",",
    b"//c\n",
    b"'x'",
    b"&a ",
    b"*a",
    b"<<: ",
    b"!!python/object:os.system ",
    b"!!binary ",
    b"!!int ",
    b"---\n",
    b"? ",
    b"yes",
    b"0o17",
    b"2024-02-30",
    b"[[[[[[",
    b"\t",
]

yamlish = st.text(alphabet="{}[]:,-?&*!|>'\"#%@ \n\tab01yn~.<\\u", max_size=60)
