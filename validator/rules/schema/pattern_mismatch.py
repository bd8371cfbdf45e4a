"""A string does not match the pattern the schema requires.

Why it matters: the API checks these patterns server-side. The bundled spec
has one, the agent version tag (``latest``, or a lower-case letter first and
nothing like ``v3``), and RBV501 reports it in its own words; this rule words
the patterns a newer spec (``--spec``) brings.
"""

from collections.abc import Iterator

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.openapi.tools import error_pointer, field_label
from validator.rules import Explain, Kind

CODE = "RBV106"
NAME = "pattern-mismatch"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
NO_EXAMPLES = (
    "With the bundled spec no payload reaches it: its one pattern is at ``override_agent_version``, where RBV501 supersedes this rule."
)
KEYWORDS = ("pattern",)


def describe(error: ValidationError, explain: Explain) -> Iterator[Finding]:
    yield Finding(
        error_pointer(error),
        f"{field_label(error)} must match {error.validator_value}, found {preview(error.instance)}",
    )
