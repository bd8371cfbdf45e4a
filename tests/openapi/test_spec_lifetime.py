"""What is derived from a spec lives as long as the spec: dropping it frees its schema nodes, validators and tables.

Nothing is kept per process by ``id()``: two specs are checked against, one is dropped, and
weak references show that it and everything the checks derived from it are gone, while the
other still answers the same.
"""

from __future__ import annotations

import gc
import os
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.helpers import FIXED_NOW, with_agent, with_task
from validator import validate
from validator.lsp.schema_help import editor_schema
from validator.openapi.load import SchemaNode, Spec, bundled_spec_path, load_spec
from validator.openapi.prose import prose_constraints, schema_nodes

# Payloads that make the checks derive what they keep: every task valid (the screens), numbers
# written as JSON numbers (untyped, array and narrowed variants), a wrong type in an override
# (python-jsonschema validators), unknown keys under oneOf (unknown-key's shapes and branches).
PAYLOADS: list[dict[str, Any]] = [
    with_task(metadata={"crm": 1}),
    {"from_number": "+14157774444", "tasks": [{"to_number": 12137774445}, {"to_number": 12137774446}]},
    with_agent(voice_speed="fast", voice_id="11labs-Adrian", unknown_setting=1),
    with_task(override_agent_version="v3", agent_override={"retell_llm": {"model": "gpt-4.1", "modle_temperature": 0.2}}),
]


def _copy_of_bundled(path: Path) -> Path:
    path.write_text(bundled_spec_path().read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _derived(spec: Spec) -> list[Any]:
    """The spec and what it holds of ours (schema nodes, per-spec tables) or python-jsonschema's (validators).

    Walks containers and our own objects only: functions, modules and classes lead to what the
    whole process shares.
    """
    found: list[Any] = []
    seen: set[int] = set()
    stack: list[Any] = [spec]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        module = type(obj).__module__
        if isinstance(obj, (dict, list, tuple, set, frozenset)):
            stack.extend(gc.get_referents(obj))
        elif module.startswith("validator.") and not isinstance(obj, type):
            found.append(obj)
            stack.extend(gc.get_referents(obj))
        elif module.startswith("jsonschema.") and type(obj).__name__.endswith("Validator"):
            found.append(obj)  # not walked: it refers to format checkers and registries every validator shares
    return found


def _nodes(found: list[Any]) -> Iterator[SchemaNode]:
    return (obj for obj in found if isinstance(obj, SchemaNode))


def _derive_everything(spec: Spec) -> list[Any]:
    for payload in PAYLOADS:
        validate(payload, now=FIXED_NOW, spec=spec)
    prose_constraints(spec)
    schema_nodes(spec)
    editor_schema(spec)
    return [d.code for payload in PAYLOADS for d in validate(payload, now=FIXED_NOW, spec=spec).diagnostics]


def test_a_dropped_spec_is_freed_with_everything_derived_from_it(tmp_path: Path) -> None:
    kept = load_spec(_copy_of_bundled(tmp_path / "kept.yaml"))
    dropped = load_spec(_copy_of_bundled(tmp_path / "dropped.yaml"))
    codes = _derive_everything(kept)
    assert _derive_everything(dropped) == codes
    assert {"RBV111", "RBV201"} <= set(codes)  # the payloads reached the schema pass and unknown-key

    derived = _derived(dropped)
    nodes = list(_nodes(derived))
    # The root, its members, the tasks' item schema and the variants made for the rejected tasks.
    assert len(nodes) > 20
    assert any(type(obj).__name__.endswith("Validator") for obj in derived)  # python-jsonschema's, built on the way
    refs = [weakref.ref(obj) for obj in derived]
    del dropped, derived, nodes
    gc.collect()

    alive = [ref() for ref in refs if ref() is not None]
    assert alive == []
    assert any(True for _ in _nodes(_derived(kept)))
    assert _derive_everything(kept) == codes


def test_the_bundled_spec_is_one_per_process() -> None:
    assert load_spec() is load_spec()
    assert load_spec(bundled_spec_path()) is load_spec()


def test_a_spec_file_is_read_again_once_its_spec_is_gone_or_the_file_changed(tmp_path: Path) -> None:
    path = _copy_of_bundled(tmp_path / "spec.yaml")
    first = load_spec(path)
    assert load_spec(path) is first  # held: shared
    ref = weakref.ref(first)
    del first
    gc.collect()
    assert ref() is None  # nothing but its users kept it
    second = load_spec(path)
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert load_spec(path) is not second
