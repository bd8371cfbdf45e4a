"""The schema pass: jsonschema errors → findings, one readable finding per problem.

Every violation is reported, not only the first. Each jsonschema error is
handed to the schema rule registered for its keyword (``required`` →
RBV101, ``oneOf`` → RBV107 …), which words it and picks the deepest useful
pointer; combinator errors recurse into the alternative that was meant.

Speed: python-jsonschema words every error, but walking 100,000 valid tasks
with it takes seconds. jsonschema-rs answers "is this valid?" for the same
schema in milliseconds, so it screens the document and then each task; only
what it rejects is walked by python-jsonschema. The errors, and so the
diagnostics, are python-jsonschema's either way (tests/engine/test_schema_fast_path.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from validator.document import Issue
from validator.engine.registry import Rule, get_rule, schema_rule_for_keyword
from validator.openapi.load import SchemaNode, Spec
from validator.pointer import unescape

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


def schema_errors(document: Any, spec: Spec, dropped: Collection[tuple[str, str]] = ()) -> Iterator[ValidationError]:
    """python-jsonschema's errors for the document, walking only the parts the screen rejects.

    ``dropped``: (code, pointer) of findings another rule supersedes. A member whose only
    error would be a wrong type worded as such a finding is not walked at all.

    The validators and schema variants used are the spec's (:class:`SchemaNode`): built once
    per spec, freed with it.
    """
    root = spec.root
    if root.passes(document):
        return
    tasks = document.get("tasks") if isinstance(document, dict) else None
    listed = root.properties.get("tasks")
    items = listed.items if listed is not None and isinstance(listed.schema, dict) else None
    if not isinstance(tasks, list) or items is None:
        yield from root.validator.iter_errors(document)
        return
    untyped = _superseded_types(dropped)
    # The top level with `tasks` emptied (its items are walked below), then the list's own bounds on the real list.
    top, bounds = _split_tasks(root)
    yield from _object_errors(top, {**document, "tasks": []}, untyped.get("", ()))
    if bounds is not None and not bounds.passes(tasks):
        for error in bounds.validator.iter_errors(tasks):
            error.path.appendleft("tasks")
            yield error
    by_task = [untyped.get(f"/tasks/{index}", ()) for index in range(len(tasks))] if untyped else []
    skippable = _skippable(items, tasks, by_task)
    for index, task in enumerate(tasks):
        if index in skippable:
            continue
        superseded = by_task[index] if by_task else ()
        # A superseded member of the wrong type fails the task: the screen need not say so.
        if not (superseded and _wrong_type(items.schema, task, superseded)) and items.passes(task):
            continue
        if superseded and _only_superseded_fail(items, task, superseded):
            continue  # 100,000 numbers written as JSON numbers: no generator, no error objects
        for error in _object_errors(items, task, superseded):
            error.path.extendleft((index, "tasks"))  # as if found from the document root
            yield error


# Keywords on the `tasks` array itself; checked on the real list, not on the emptied one.
_LIST_KEYWORDS = frozenset({"minItems", "maxItems", "uniqueItems", "contains", "minContains", "maxContains"})


def _split_tasks(root: SchemaNode) -> tuple[SchemaNode, SchemaNode | None]:
    """The request schema without bounds on the number of tasks, and those bounds as a schema (``None``: there are none); kept on the node."""
    found: tuple[SchemaNode, SchemaNode | None] | None = root.memo.get(_split_tasks)
    if found is None:
        schema = root.schema
        tasks = schema["properties"]["tasks"]
        listed = {k: v for k, v in tasks.items() if k in _LIST_KEYWORDS}
        if listed:
            unbounded = {k: v for k, v in tasks.items() if k not in _LIST_KEYWORDS}
            top = SchemaNode({**schema, "properties": {**schema["properties"], "tasks": unbounded}})
            found = (top, SchemaNode({"type": "array", **listed}))
        else:
            found = (root, None)
        root.memo[_split_tasks] = found
    return found


def _skippable(items: SchemaNode, tasks: list[Any], by_task: Sequence[Collection[str]]) -> set[int]:
    """Tasks that :func:`_only_superseded_fail` would skip, proven for many tasks at once.

    Tasks with the same superseded members are screened together: their members without
    the type keyword, and the tasks without those members, as two arrays (two calls instead
    of two per task). When a group fails, its tasks are screened one by one.
    """
    if not by_task or not _plain_object(items):
        return set()
    groups: dict[frozenset[str], list[int]] = {}
    for index, names in enumerate(by_task):
        if names:
            groups.setdefault(frozenset(names), []).append(index)
    properties = items.properties
    out: set[int] = set()
    for names, indexes in groups.items():
        members = tuple(sorted(names))
        if not all(n in properties and isinstance(properties[n].schema, dict) and "type" in properties[n].schema for n in members):
            continue
        group = [tasks[i] for i in indexes]
        if not all(isinstance(task, dict) and names <= task.keys() for task in group):
            continue
        if all(properties[n].untyped.array.passes([task[n] for task in group]) for n in members) and items.without(members).array.passes(
            group
        ):
            out.update(indexes)
    return out


def _superseded_types(dropped: Collection[tuple[str, str]]) -> dict[str, set[str]]:
    """Object pointer → names of its members whose wrong-type finding (RBV102) is superseded."""
    rule = schema_rule_for_keyword().get("type")
    found: dict[str, set[str]] = {}
    for code, pointer in dropped:
        if rule is not None and code == rule.code and pointer:
            parent, _, name = pointer.rpartition("/")
            found.setdefault(parent, set()).add(unescape(name))
    return found


# What python-jsonschema does with these keywords is known: type and required look at the object
# itself, properties descends into each member the object has, in schema order.
_PLAIN_OBJECT_KEYWORDS = frozenset({"type", "required", "properties", "description", "title", "default", "examples"})


def _object_errors(node: SchemaNode, instance: Any, superseded: Collection[str]) -> Iterator[ValidationError]:
    """``iter_errors`` of the schema, descending only into the members the screen rejects.

    A rejected task usually has one bad member (a number written as a JSON number) beside
    valid variables, metadata and overrides that python-jsonschema would walk for nothing.
    The errors are those of a copy of the schema whose ``properties`` keep the rejected
    members only; where an error belongs to the object itself (``required``, ``type``), its
    ``schema`` is set back to the original, as python-jsonschema would have set it.
    ``superseded`` members are left out when their only error is their type.
    """
    if not isinstance(instance, dict) or not _plain_object(node):
        yield from node.validator.iter_errors(instance)
        return
    skipped = _skipped(node, instance, superseded)
    if skipped and node.without(skipped).passes(instance):
        return  # nothing else is wrong with the object
    rejected = tuple(n for n, sub in node.properties.items() if n in instance and n not in skipped and not sub.passes(instance[n]))
    narrowed = node.narrowed(rejected)
    for error in narrowed.validator.iter_errors(instance):
        if error.schema is narrowed.schema:
            error.schema = node.schema
        yield error


def _wrong_type(schema: dict[str, Any], instance: Any, members: Collection[str]) -> bool:
    """True only when a member is certain to fail its ``"type": "string"``, so the object fails its schema."""
    properties = schema.get("properties")
    if not isinstance(instance, dict) or not isinstance(properties, dict):
        return False
    for name in members:
        sub = properties.get(name)
        if isinstance(sub, dict) and sub.get("type") == "string" and name in instance and not isinstance(instance[name], str):
            return True
    return False


def _only_superseded_fail(node: SchemaNode, instance: Any, superseded: Collection[str]) -> bool:
    """Nothing is wrong with the object but superseded members' types (then it has no errors to report)."""
    if not isinstance(instance, dict) or not _plain_object(node):
        return False
    skipped = _skipped(node, instance, superseded)
    return bool(skipped) and node.without(skipped).passes(instance)


def _plain_object(node: SchemaNode) -> bool:
    """``properties`` is a dict and every keyword is one of _PLAIN_OBJECT_KEYWORDS (asked once per task: kept on the node)."""
    found = node.memo.get(_plain_object)
    if found is None:
        schema = node.schema
        found = node.memo[_plain_object] = isinstance(schema.get("properties"), dict) and schema.keys() <= _PLAIN_OBJECT_KEYWORDS
    return bool(found)


def _skipped(node: SchemaNode, instance: dict[str, Any], superseded: Collection[str]) -> tuple[str, ...]:
    properties = node.properties
    return tuple(n for n in superseded if n in properties and n in instance and _only_type_fails(properties[n], instance[n]))


def _only_type_fails(node: SchemaNode, value: Any) -> bool:
    return "type" in node.schema and node.untyped.passes(value)


def schema_issues(document: Any, spec: Spec, dropped: Collection[tuple[str, str]] = ()) -> Iterator[Issue]:
    """Every schema violation in ``document`` as issues carrying their rule code, each once (see :func:`schema_errors`).

    jsonschema raises one ``required`` error per missing key, and a rule words the
    whole object at once; the same finding must not be reported twice.
    """
    seen: set[tuple[str, str, str]] = set()
    for error in schema_errors(document, spec, dropped):
        for issue in explain(error):
            key = (issue.code, issue.finding.pointer, issue.finding.message)
            if key not in seen:
                seen.add(key)
                yield issue


def explain(error: ValidationError) -> Iterator[Issue]:
    rule = schema_rule_for_keyword().get(str(error.validator)) or _fallback()
    assert rule.describe is not None
    for item in rule.describe(error, explain):
        yield item if isinstance(item, Issue) else Issue(rule.code, item)


def _fallback() -> Rule:
    rule = get_rule("schema-violation")
    assert rule is not None
    return rule
