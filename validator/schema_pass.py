"""The schema pass: jsonschema errors → findings, one readable finding per problem.

Every violation is reported, not only the first. Each jsonschema error is
handed to the schema rule registered for its keyword (``required`` →
RBV101, ``oneOf`` → RBV107 …), which words it and picks the deepest useful
pointer; combinator errors recurse into the alternative that was meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from validator.document import Issue
from validator.registry import Rule, get_rule, schema_rule_for_keyword
from validator.spec import Schema, Spec

_VALIDATORS: dict[int, Any] = {}


def _validator(schema: Schema) -> Any:
    """A validator per schema node, built once (the spec is loaded once per process)."""
    found = _VALIDATORS.get(id(schema))
    if found is None:
        found = _VALIDATORS[id(schema)] = Draft202012Validator(schema)
    return found


def branch_is_valid(schema: Schema, value: Any) -> bool:
    return bool(_validator(schema).is_valid(value))


def schema_issues(document: Any, spec: Spec) -> Iterator[Issue]:
    """Every schema violation in ``document`` as issues carrying their rule code."""
    for error in _validator(spec.request_schema).iter_errors(document):
        yield from explain(error)


def explain(error: ValidationError) -> Iterator[Issue]:
    rule = schema_rule_for_keyword().get(str(error.validator)) or _fallback()
    assert rule.describe is not None
    for item in rule.describe(error, explain):
        yield item if isinstance(item, Issue) else Issue(rule.code, item)


def _fallback() -> Rule:
    rule = get_rule("schema-violation")
    assert rule is not None
    return rule
