"""A string is shorter or longer than the schema allows.

Why it matters: empty ``from_number``/``to_number``/``override_agent_id``
strings are rejected (``minLength: 1``); prompts such as
``analysis_summary_prompt`` are capped at 2,000 characters.
"""

from collections.abc import Iterator

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding, Severity
from validator.openapi.tools import error_pointer, field_label
from validator.rules import Example, Explain, Kind

CODE = "RBV105"
NAME = "string-length"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
FAILS = Example('{"from_number": "", "tasks": [{"to_number": "+12137774445"}]}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
KEYWORDS = ("minLength", "maxLength")


def describe(error: ValidationError, explain: Explain) -> Iterator[Finding]:
    length = len(error.instance)
    if error.validator == "minLength":
        message = f"{field_label(error)} must have at least {error.validator_value} character(s), found {length}"
        hint = "remove the field if it has no value" if length == 0 else None
    else:
        message = f"{field_label(error)} must have at most {error.validator_value} characters, found {length}"
        hint = f"shorten it by {length - error.validator_value} characters"
    yield Finding(error_pointer(error), message, hint)
