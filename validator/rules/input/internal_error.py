"""A check failed unexpectedly; the rest of the file was still checked.

This should never appear. When it does, the message names the rule that
failed; please report it with the payload that triggers it. The run exits
with status 1 like any error, so a CI gate does not pass silently.
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV000"
NAME = "internal-error"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
NO_EXAMPLES = "No payload should reach it: it reports a failure of the checker itself."
