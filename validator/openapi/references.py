"""What a spec document may hold before anything reads it: references inside itself only, and a bounded expansion.

A ``$ref`` to ``file:///etc/passwd`` makes openapi-spec-validator open that file and quote it
in its error; one to ``http://…`` makes an offline check fetch it (python-jsonschema follows a
``$dynamicRef`` the same way, jsonschema-rs a nested ``$schema``). So every reference that is not
``#/…`` is refused here, naming the reference and never what it points to, before any validator
sees the document. The converted schema is a tree whose shared nodes (a ``$ref`` used twice, a
YAML alias) every rule walks as copies: :func:`expanded_size` counts that walk without making it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from validator.escape import visible
from validator.json_values import preview, quote
from validator.pointer import join

# Keywords whose value a validator resolves as an address (JSON Schema and OpenAPI).
REFERENCE_KEYS = ("$ref", "$dynamicRef", "$recursiveRef")
LOCAL_PREFIX = "#/"

# What to walk below a mapping: (value, its pointer) pairs.
Children = Callable[[Mapping[str, Any], str], Iterator[tuple[Any, str]]]


def external_reference(document: Mapping[str, Any]) -> str | None:
    """Words for the first reference that is not ``#/…`` (with where it is), else ``None``."""
    for node, pointer in mappings(document):
        for key in REFERENCE_KEYS:
            if key in node and not (isinstance(node[key], str) and node[key].startswith(LOCAL_PREFIX)):
                return (
                    f"{key} {visible(preview(node[key], 200))} at {visible(quote(join(pointer, key), 200))}: only references inside "
                    "the document (#/…) are followed; nothing was read or fetched"
                )
    return None


def _values(node: Mapping[str, Any], pointer: str) -> Iterator[tuple[Any, str]]:
    return ((value, join(pointer, str(name))) for name, value in node.items())


def mappings(root: Any, children: Children = _values) -> Iterator[tuple[Mapping[str, Any], str]]:
    """Each mapping under ``root`` with its pointer, once however often YAML aliases share it.

    A shared node cannot hold something different the second time, so once is enough; an explicit
    stack, so no recursion limit. ``children`` says which of a mapping's values to walk (default: all).
    """
    seen: set[int] = set()
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        node, pointer = stack.pop()
        if not isinstance(node, dict | list) or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, list):
            stack.extend((item, join(pointer, index)) for index, item in enumerate(node))
            continue
        yield node, pointer
        stack.extend(children(node, pointer))


def expanded_size(schema: Any, limit: int) -> int:
    """How many nodes a walk of ``schema`` that copies its shared nodes visits, counted once per node; stops past ``limit``."""
    sizes: dict[int, int] = {}
    # Post-order with an explicit stack: a node's size is known once its children's are.
    stack: list[tuple[Any, bool]] = [(schema, False)]
    while stack:
        node, ready = stack.pop()
        if not isinstance(node, dict | list) or (id(node) in sizes and not ready):
            continue
        children = list(node.values()) if isinstance(node, dict) else node
        if not ready:
            sizes[id(node)] = 0  # a node met again before it is counted is inside itself: counted as one
            stack.append((node, True))
            stack.extend((child, False) for child in children)
            continue
        total = 1 + sum((sizes.get(id(child)) or 1) if isinstance(child, dict | list) else 1 for child in children)
        sizes[id(node)] = total
        if total > limit:
            return total
    return sizes.get(id(schema), 1)
