"""A key that the spec explicitly forbids (an object with ``additionalProperties: false``).

Why it matters: unlike most objects, some (``call_screening_option``) are
closed: the API rejects any key it does not define. The hint names the closest
allowed key.
"""

from collections.abc import Iterator

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding, Severity
from validator.json_values import quote
from validator.openapi.patterns import search
from validator.openapi.tools import did_you_mean, error_pointer
from validator.pointer import join as pointer_join
from validator.rules import Example, Explain, Kind

CODE = "RBV110"
NAME = "closed-object"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"call_screening_option": {"agent_identity": "Acme", "call_purpose": "reminder", "tone": "warm"}}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"call_screening_option": {"agent_identity": "Acme", "call_purpose": "reminder"}}}}]'
)
KEYWORDS = ("additionalProperties",)


def describe(error: ValidationError, explain: Explain) -> Iterator[Finding]:
    pointer = error_pointer(error)
    known = error.schema.get("properties", {})
    patterns = error.schema.get("patternProperties", {})
    for key in error.instance:
        if key in known or any(search(pattern, key) for pattern in patterns):  # the spec's engine: bounded time
            continue
        guess = did_you_mean(key, known)
        hint = f"did you mean `{guess}`?" if guess else f"allowed keys: {', '.join(known)}"
        yield Finding(pointer_join(pointer, key), f"`{quote(key)}` is not allowed here", hint, "key")
