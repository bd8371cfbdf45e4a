"""A key the spec does not define (a typo, or a field from another endpoint).

Why it matters: the spec does not forbid extra keys and the server silently
ignores them, so ``to_numbr`` or ``ignore_e164_validaton`` is dropped without
a word and the batch runs with defaults. The hint suggests the closest known
key; for a key read elsewhere (RBV112's ``from_number`` in a task) whose place
this payload already sets, it says so: the key changes nothing. Free-form objects (``metadata``, dynamic variables, SIP headers) are not
checked.
"""

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import quote
from validator.openapi.load import Schema, iter_object_schemas
from validator.openapi.tools import branch_is_valid, did_you_mean, pick_branch
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind
from validator.rules.schema._fields import contact_fields, read_instead

CODE = "RBV111"
NAME = "unknown-key"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('{"from_number": "+14157774444", "tasks": [{"to_numbr": "+12137774445"}]}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
SPEC_SENTENCES = (
    ("tasks.*.agent_override.retell_llm", "Supported attributes -"),
    ("tasks.*.agent_override.conversation_flow", "Supported attributes -"),
)

_NO_GUESS = "the server ignores unknown keys; remove it"
_VARIABLES = "retell_llm_dynamic_variables"

# id(schema) → whether anything below it can hold keys we check; computed once per schema node.
_DESCENT: dict[int, bool] = {}
# The schema nodes of the specs checked against, by id (held here, so an id is never reused).
_SPEC_NODES: dict[int, Schema] = {}


def check(ctx: Context) -> Iterator[Finding]:
    if id(ctx.spec.request_schema) not in _SPEC_NODES:
        _SPEC_NODES.update((id(node), node) for _, node in iter_object_schemas(ctx.spec.request_schema))
    found = _walk(ctx.document, ctx.spec.request_schema, "")
    elsewhere = read_instead(ctx)  # RBV112 reports such a key unless its home is set already
    contact = contact_fields(ctx)
    for finding in found:
        home = elsewhere.get(finding.pointer)
        if home is not None:
            yield replace(finding, hint=f"the API reads {home} instead, which this payload sets: this key changes nothing; remove it")
        elif finding.pointer in contact and finding.hint == _NO_GUESS:
            yield replace(finding, hint=f"a task keeps only the fields the API knows: if the prompt uses it, put it in {_VARIABLES}")
        else:
            yield finding


def _walk(value: Any, schema: Schema, pointer: str) -> Iterator[Finding]:
    schema = _effective(value, schema)
    if isinstance(value, dict):
        unknown, below = _shape(schema, tuple(value))
        for key, hint in unknown:
            yield Finding(pointer_join(pointer, key), f"unknown key `{quote(key)}`: the API ignores it", hint, "key")
        for key, sub in below:
            child = value[key]
            if isinstance(child, (dict, list)):
                yield from _walk(child, sub, pointer_join(pointer, key))
    elif isinstance(value, list):
        items = schema.get("items")
        if isinstance(items, dict) and _needs_descent(items):
            for index, child in enumerate(value):
                if isinstance(child, (dict, list)):
                    yield from _walk(child, items, f"{pointer}/{index}")


# (id(schema), keys) → what _shape found; only for the spec's own schema nodes, whose ids are stable.
_SHAPES: dict[tuple[int, tuple[str, ...]], tuple[list[tuple[str, str]], list[tuple[str, Schema]]]] = {}


def _shape(schema: Schema, keys: tuple[str, ...]) -> tuple[list[tuple[str, str]], list[tuple[str, Schema]]]:
    """The unknown keys of an object with these keys (with hints), and the members to look into.

    Objects of one schema node mostly share their keys (100,000 tasks, a handful of shapes),
    so the answer is kept per shape for the nodes of the loaded spec (``_SPEC_NODES``).
    """
    stable = id(schema) in _SPEC_NODES
    found = _SHAPES.get((id(schema), keys)) if stable else None
    if found is not None:
        return found
    properties = schema.get("properties")
    extra = schema.get("additionalProperties")
    unknown: list[tuple[str, str]] = []
    if properties is not None and extra is None:
        for key in keys:
            if key not in properties:
                guess = did_you_mean(key, properties)
                unknown.append((key, f"did you mean `{guess}`?" if guess else _NO_GUESS))
    below = []
    for key in keys:
        sub = properties.get(key) if properties is not None and key in properties else extra
        if isinstance(sub, dict) and _needs_descent(sub):
            below.append((key, sub))
    found = (unknown, below)
    if stable and len(_SHAPES) < 4096:  # free-form keys (metadata in a checked node) must not grow it without bound
        _SHAPES[(id(schema), keys)] = found
    return found


def _effective(value: Any, schema: Schema) -> Schema:
    """The alternative of a oneOf/anyOf the value belongs to; allOf parts merged."""
    while True:
        branches = schema.get("oneOf") or schema.get("anyOf")
        if branches:
            valid = [b for b in branches if branch_is_valid(b, value)]
            if len(valid) == 1:
                schema = valid[0]
                continue
            index = pick_branch(value, branches)
            if index is None:
                return {}
            schema = branches[index]
            continue
        if "allOf" in schema:
            merged: Schema = {k: v for k, v in schema.items() if k != "allOf"}
            for part in schema["allOf"]:
                part = _effective(value, part)
                if "properties" in part:
                    merged["properties"] = {**merged.get("properties", {}), **part["properties"]}
                for key, sub in part.items():
                    merged.setdefault(key, sub)
            return merged
        return schema


def _needs_descent(schema: Schema) -> bool:
    known = _DESCENT.get(id(schema))
    if known is None:
        known = _DESCENT[id(schema)] = _computes_descent(schema)
    return known


def _computes_descent(schema: Schema) -> bool:
    if schema.get("properties") is not None:
        return True
    for key in ("items", "additionalProperties"):
        sub = schema.get(key)
        if isinstance(sub, dict) and _needs_descent(sub):
            return True
    return any(_needs_descent(b) for key in ("oneOf", "anyOf", "allOf") for b in schema.get(key, []))
