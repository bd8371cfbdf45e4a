"""A string does not match the pattern the schema requires.

Why it matters: the API checks these patterns server-side; for example an
agent version tag must be ``latest`` or start with a lower-case letter and must
not look like ``v3`` (write the number ``3`` instead).

Fails::

    "override_agent_version": "Prod"

Passes::

    "override_agent_version": "prod"
"""

from collections.abc import Iterator
from typing import Any

from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.openapi.tools import error_pointer, field_label
from validator.rules import Kind

CODE = "RBV106"
NAME = "pattern-mismatch"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
KEYWORDS = ("pattern",)


def describe(error: Any, explain: Any) -> Iterator[Finding]:
    yield Finding(
        error_pointer(error),
        f"{field_label(error)} must match {error.validator_value}, found {preview(error.instance)}",
    )
