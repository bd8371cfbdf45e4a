"""A number is outside the range the schema allows.

Why it matters: the API rejects out-of-range values such as
``voice_speed`` outside [0.5, 2], ``ring_duration_ms`` outside
[5000, 300000] or a negative ``reserved_concurrency``. (Ranges stated only in
prose are checked by the ``documented-range`` rule.)
"""

from collections.abc import Iterator

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.openapi.tools import error_pointer, field_label
from validator.rules import Example, Explain, Kind

CODE = "RBV104"
NAME = "out-of-range"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
FAILS = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_speed": 3}}}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_speed": 1.5}}}]')
SPEC_PROSE = ("checked_by_schema",)
KEYWORDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")

_WORDS = {
    "minimum": "at least",
    "maximum": "at most",
    "exclusiveMinimum": "greater than",
    "exclusiveMaximum": "less than",
    "multipleOf": "a multiple of",
}


def describe(error: ValidationError, explain: Explain) -> Iterator[Finding]:
    schema = error.schema
    low, high = schema.get("minimum"), schema.get("maximum")
    allowed = f"[{low}, {high}]" if low is not None and high is not None else None
    bound = f"{_WORDS[error.validator]} {error.validator_value}"
    message = f"{field_label(error)} must be {bound}, found {preview(error.instance)}"
    hint = f"allowed range: {allowed}" if allowed else None
    yield Finding(error_pointer(error), message, hint)
