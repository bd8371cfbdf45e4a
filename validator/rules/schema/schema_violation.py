"""Any other schema violation (keywords without a dedicated rule).

Why it matters: the OpenAPI schema is the contract the API enforces; this
rule reports violations of keywords the other schema rules do not cover, using
jsonschema's own message. The bundled spec uses no such keyword; a newer spec
(``--spec``) may.
"""

from collections.abc import Iterator

from jsonschema.exceptions import ValidationError

from validator.diagnostics import Finding, Severity
from validator.openapi.tools import error_pointer
from validator.rules import Explain, Kind

CODE = "RBV199"
NAME = "schema-violation"
SEVERITY = Severity.ERROR
KIND = Kind.SCHEMA
NO_EXAMPLES = "With the bundled spec no payload reaches it: the spec uses no keyword that lacks a dedicated rule."
KEYWORDS = ("not", "dependentRequired", "dependentSchemas", "propertyNames", "contains", "format")


def describe(error: ValidationError, explain: Explain) -> Iterator[Finding]:
    yield Finding(error_pointer(error), str(error.message))
