"""The jsonschema-rs screen changes speed, never verdicts: diagnostics equal the python-only pass.

The screen skips valid tasks, and in a rejected object descends only into the members it
rejects; the errors, and the findings the schema rules word from them, must be the same.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from tests.helpers import ROOT
from validator.engine.schema_pass import explain, schema_errors
from validator.openapi.load import load_spec

FULL = json.loads((ROOT / "fixtures" / "clean" / "full-featured.json").read_text())

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["", "v3", "prod", "Monday", "monday", "eleven_v3", "+14157774444", "multi", "retell-llm"]),
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found.extend(_paths(child, (*prefix, key)))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found.extend(_paths(child, (*prefix, index)))
    return found


PATHS = [p for p in _paths(FULL) if p]


def _mutated(path: tuple[Any, ...], value: Any, delete: bool) -> dict[str, Any]:
    doc: dict[str, Any] = copy.deepcopy(FULL)
    parent: Any = doc
    for part in path[:-1]:
        parent = parent[part]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


def _signature(errors: Any) -> list[tuple[str, ...]]:
    """The errors, and the findings explained from them (which read the error's schema, context, …)."""
    found: list[tuple[str, ...]] = []
    for error in errors:
        found.append((str(error.validator), "/".join(map(str, error.absolute_path)), error.message))
        found.extend((i.code, i.finding.pointer, i.finding.message, str(i.finding.hint)) for i in explain(error))
    return sorted(found)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(PATHS), value=values, delete=st.booleans())
def test_screened_errors_equal_python_only_errors(path: tuple[Any, ...], value: Any, delete: bool) -> None:
    doc = _mutated(path, value, delete)
    spec = load_spec()
    expected = _signature(Draft202012Validator(spec.request_schema).iter_errors(doc))
    assert _signature(schema_errors(doc, spec)) == expected


def test_clean_document_yields_nothing_and_errors_keep_absolute_paths() -> None:
    spec = load_spec()
    assert list(schema_errors(FULL, spec)) == []
    doc = copy.deepcopy(FULL)
    doc["tasks"][1]["agent_override"]["agent"]["voice_speed"] = 9
    [error] = list(schema_errors(doc, spec))
    assert list(error.absolute_path) == ["tasks", 1, "agent_override", "agent", "voice_speed"]


TASK_MEMBERS = sorted(load_spec().subschema("tasks", "items")["properties"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    changes=st.lists(st.tuples(st.integers(0, 5), st.sampled_from([*TASK_MEMBERS, "unknown"]), values, st.booleans()), max_size=8),
    drop_to_number=st.booleans(),
)
def test_several_tasks_with_several_bad_members(changes: list[tuple[int, str, Any, bool]], drop_to_number: bool) -> None:
    doc: dict[str, Any] = copy.deepcopy(FULL)
    doc["tasks"] = [copy.deepcopy(doc["tasks"][i % len(doc["tasks"])]) for i in range(6)]
    for index, member, value, delete in changes:
        if delete:
            doc["tasks"][index].pop(member, None)
        else:
            doc["tasks"][index][member] = value
    if drop_to_number:
        doc["tasks"][0].pop("to_number", None)
    spec = load_spec()
    expected = _signature(Draft202012Validator(spec.request_schema).iter_errors(doc))
    assert _signature(schema_errors(doc, spec)) == expected


def test_required_error_of_a_narrowed_task_keeps_the_task_schema() -> None:
    spec = load_spec()
    doc = copy.deepcopy(FULL)
    doc["tasks"][0] = {"to_number": 14157774444}
    del doc["tasks"][1]["to_number"]
    errors = list(schema_errors(doc, spec))
    assert sorted(e.validator for e in errors) == ["required", "type"]
    required = next(e for e in errors if e.validator == "required")
    assert required.schema is spec.subschema("tasks", "items")
    assert _signature(errors) == _signature(Draft202012Validator(spec.request_schema).iter_errors(doc))


def _with_and_without_dropping(payload: dict[str, Any], monkeypatch: Any) -> tuple[list[Any], list[Any]]:
    from tests.helpers import check
    from validator.engine import pipeline as engine
    from validator.engine import schema_pass

    fast = list(check(payload).diagnostics)
    monkeypatch.setattr(engine, "schema_issues", lambda document, spec, dropped=(): schema_pass.schema_issues(document, spec))
    return fast, list(check(payload).diagnostics)


def test_superseded_type_errors_are_not_worded_and_nothing_else_changes(monkeypatch: Any) -> None:
    tasks = [
        {"to_number": 12137774445},  # RBV201 supersedes RBV102: the schema pass skips it
        {"to_number": 12137774446, "override_agent_id": 5},  # and still reports the other member
        {"to_number": 1234},  # not a phone number: RBV102 stays
        {"to_number": 12137774447.0},
        {"to_number": 12137774448, "ignore_e164_validation": True},  # relaxed: RBV201 silent, RBV102 stays
        {"to_number": True},
        {"to_number": "+12137774449"},
    ]
    payload = {"from_number": 14157774444, "tasks": tasks}
    fast, slow = _with_and_without_dropping(payload, monkeypatch)
    assert fast == slow
    codes = {(d.code, d.pointer) for d in fast}
    assert {("RBV201", "/tasks/0/to_number"), ("RBV102", "/tasks/1/override_agent_id"), ("RBV102", "/tasks/2/to_number")} <= codes
    assert ("RBV102", "/tasks/0/to_number") not in codes and ("RBV102", "/tasks/4/to_number") in codes
