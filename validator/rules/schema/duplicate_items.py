"""A list that must hold distinct values has a repeated one.

Why it matters: ``pii_config.categories`` and the guardrail topic lists are
declared ``uniqueItems``; the API rejects repeats.
"""

from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.openapi.tools import error_pointer, field_label
from validator.rules import Example, Explain, Kind

CODE = "RBV109"
NAME = "duplicate-items"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"pii_config": {"mode": "post_call", "categories": ["email", "email"]}}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"pii_config": {"mode": "post_call", "categories": ["email", "ssn"]}}}}]'
)
KEYWORDS = ("uniqueItems",)


def describe(error: ValidationError, explain: Explain) -> Iterator[Finding]:
    pointer = error_pointer(error)
    seen: list[Any] = []
    for index, item in enumerate(error.instance):
        if item in seen:
            yield Finding(f"{pointer}/{index}", f"{field_label(error)} repeats {preview(item)}; items must be unique", "remove the repeat")
            return
        seen.append(item)
    yield Finding(pointer, f"{field_label(error)} has repeated items; items must be unique")
