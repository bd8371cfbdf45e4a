"""A value has the wrong JSON type (a number where a string is expected, and so on).

Why it matters: the API validates types strictly. Phone numbers must be
strings (``"+14157774444"``, not ``14157774444``; a number written as a JSON
number is reported as RBV201, with its E.164 string), minutes and timestamps
numbers, flags booleans (``true``, not ``"true"``). ``null`` is accepted
only where the spec marks a field nullable.
"""

from collections.abc import Iterator

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding, Severity
from validator.json_values import preview, type_name
from validator.openapi.tools import error_pointer, field_label
from validator.rules import Example, Explain, Kind

CODE = "RBV102"
NAME = "wrong-type"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
FAILS = Example('"tasks": [{"to_number": "+12137774445", "ignore_e164_validation": "true"}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "ignore_e164_validation": true}]')
KEYWORDS = ("type",)

_ARTICLES = {"integer": "an integer", "object": "an object", "array": "a list", "null": "null", "boolean": "a boolean"}


def _noun(kind: str) -> str:
    return _ARTICLES.get(kind, f"a {kind}")


def describe(error: ValidationError, explain: Explain) -> Iterator[Finding]:
    expected = error.validator_value
    kinds = [expected] if isinstance(expected, str) else list(expected)
    wanted = " or ".join(_noun(k) for k in kinds)
    found = type_name(error.instance)
    hint = None
    if "string" in kinds and found in ("integer", "number", "boolean"):
        hint = f'quote it: "{preview(error.instance)}"'
    elif found == "string" and ("integer" in kinds or "number" in kinds):
        hint = "remove the quotes around the number"
    elif found == "string" and "boolean" in kinds and error.instance.lower() in ("true", "false"):
        hint = f"use the literal {error.instance.lower()} without quotes"
    elif found == "null":
        hint = "remove the field to use the default"
    shown = found if found == "null" else f"{found} {preview(error.instance)}"
    yield Finding(error_pointer(error), f"{field_label(error)} must be {wanted}, found {shown}", hint)
