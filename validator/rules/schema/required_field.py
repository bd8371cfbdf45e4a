"""A required field is missing.

Why it matters: the API rejects the whole batch (400) when ``from_number`` or
``tasks`` is missing, or any task lacks ``to_number``; nested objects have
required fields too (``windows`` in ``call_time_window``, ``llm_id`` in a
``retell-llm`` response engine). The diagnostic points at the object that
lacks the field and the hint says what the field is for.
"""

from collections.abc import Iterator

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding, Severity
from validator.openapi.tools import error_pointer, first_sentence
from validator.rules import Example, Explain, Kind

CODE = "RBV101"
NAME = "required-field"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
FAILS = Example('{"from_number": "+14157774444"}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
KEYWORDS = ("required",)


def describe(error: ValidationError, explain: Explain) -> Iterator[Finding]:
    pointer = error_pointer(error)
    instance = error.instance if isinstance(error.instance, dict) else {}
    properties = error.schema.get("properties", {})
    for name in error.validator_value:
        if name in instance:
            continue
        about = first_sentence(properties.get(name, {}).get("description"))
        if about and not about[1:2].isupper():  # "ID of …", "LLM websocket url" keep their capitals
            about = about[0].lower() + about[1:]
        hint = f"add `{name}`" + (f": {about}" if about else "")
        yield Finding(pointer, f"missing required field `{name}`", hint)
