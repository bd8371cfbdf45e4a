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
from validator.openapi.load import SchemaNode, Spec, per_spec
from validator.openapi.tools import did_you_mean, pick_branch
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
Shape = tuple[list[tuple[str, str]], list[tuple[str, SchemaNode]]]
Shapes = dict[tuple[SchemaNode, tuple[str, ...]], Shape]
MAX_SHAPES = 4096  # per spec: free-form keys (metadata in a checked node) must not grow it without bound


def check(ctx: Context) -> Iterator[Finding]:
    found = _walk(ctx.document, ctx.spec.root, "", _shapes(ctx.spec))
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


@per_spec
def _shapes(spec: Spec) -> Shapes:
    """What :func:`_shape` found, per (schema node, object keys): kept by the spec, as its nodes are."""
    return {}


def _walk(value: Any, node: SchemaNode, pointer: str, shapes: Shapes) -> Iterator[Finding]:
    effective = _effective(value, node)
    if effective is None:
        return
    if isinstance(value, dict):
        unknown, below = _shape(effective, tuple(value), shapes)
        for key, hint in unknown:
            yield Finding(pointer_join(pointer, key), f"unknown key `{quote(key)}`: the API ignores it", hint, "key")
        for key, sub in below:
            child = value[key]
            if isinstance(child, (dict, list)):
                yield from _walk(child, sub, pointer_join(pointer, key), shapes)
    elif isinstance(value, list):
        items = effective.items
        if items is not None and _needs_descent(items):
            for index, child in enumerate(value):
                if isinstance(child, (dict, list)):
                    yield from _walk(child, items, f"{pointer}/{index}", shapes)


def _shape(node: SchemaNode, keys: tuple[str, ...], shapes: Shapes) -> Shape:
    """The unknown keys of an object with these keys (with hints), and the members to look into.

    Objects of one schema node mostly share their keys (100,000 tasks, a handful of shapes),
    so the answer is kept per (node, shape).
    """
    found = shapes.get((node, keys))
    if found is not None:
        return found
    properties = node.schema.get("properties")
    extra = node.schema.get("additionalProperties")
    unknown: list[tuple[str, str]] = []
    if properties is not None and extra is None:
        for key in keys:
            if key not in properties:
                guess = did_you_mean(key, properties)
                unknown.append((key, f"did you mean `{guess}`?" if guess else _NO_GUESS))
    below = []
    for key in keys:
        sub = node.properties.get(key) if properties is not None and key in properties else node.additional
        if sub is not None and isinstance(sub.schema, dict) and _needs_descent(sub):
            below.append((key, sub))
    found = (unknown, below)
    if len(shapes) < MAX_SHAPES:
        shapes[(node, keys)] = found
    return found


def _effective(value: Any, node: SchemaNode) -> SchemaNode | None:
    """The alternative of a oneOf/anyOf the value belongs to (``None``: none fits); allOf parts merged."""
    while True:
        alternatives = node.branches("oneOf") or node.branches("anyOf")
        if alternatives:
            valid = [b for b in alternatives if b.is_valid(value)]
            if len(valid) == 1:
                node = valid[0]
                continue
            index = pick_branch(value, [b.schema for b in alternatives])
            if index is None:
                return None
            node = alternatives[index]
            continue
        if "allOf" in node.schema:
            return _merged(node, tuple(_effective(value, part) for part in node.branches("allOf")))
        return node


def _merged(node: SchemaNode, parts: tuple[SchemaNode | None, ...]) -> SchemaNode:
    """``node`` with the parts of its allOf that apply merged in (kept on the node, per choice of parts)."""
    merges: dict[tuple[SchemaNode | None, ...], SchemaNode] = node.memo.setdefault(_merged, {})
    found = merges.get(parts)
    if found is None:
        merged = {k: v for k, v in node.schema.items() if k != "allOf"}
        for part in parts:
            if part is None:
                continue
            if "properties" in part.schema:
                merged["properties"] = {**merged.get("properties", {}), **part.schema["properties"]}
            for key, sub in part.schema.items():
                merged.setdefault(key, sub)
        found = merges[parts] = SchemaNode(merged)
    return found


def _needs_descent(node: SchemaNode) -> bool:
    """Whether anything at or below the node can hold keys we check (kept on the node)."""
    known = node.memo.get(_needs_descent)
    if known is None:
        known = node.memo[_needs_descent] = _computes_descent(node)
    return bool(known)


def _computes_descent(node: SchemaNode) -> bool:
    if node.schema.get("properties") is not None:
        return True
    for sub in (node.items, node.additional):
        if sub is not None and _needs_descent(sub):
            return True
    return any(_needs_descent(b) for key in ("oneOf", "anyOf", "allOf") for b in node.branches(key))
