"""A list has fewer or more items than the schema allows.

Why it matters: ``call_time_window.windows`` needs at least one window; an
empty list is rejected by the API.
"""

from collections.abc import Iterator

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding, Severity
from validator.openapi.tools import error_pointer, field_label
from validator.rules import Example, Explain, Kind

CODE = "RBV108"
NAME = "item-count"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
FAILS = Example('"call_time_window": {"windows": []}')
PASSES = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020}]}')
KEYWORDS = ("minItems", "maxItems")


def describe(error: ValidationError, explain: Explain) -> Iterator[Finding]:
    bound = "at least" if error.validator == "minItems" else "at most"
    yield Finding(
        error_pointer(error),
        f"{field_label(error)} must have {bound} {error.validator_value} item(s), found {len(error.instance)}",
    )
