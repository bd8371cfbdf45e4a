"""The same key appears twice in one object.

Why it matters: JSON parsers keep only the last occurrence, so the first
value is silently dropped (the server sees only the last). The diagnostic
points at the later key.

Fails::

    {"from_number": "+14157774444", "from_number": "+14155550100", "tasks": []}

Passes::

    {"from_number": "+14157774444", "tasks": []}
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV002"
NAME = "duplicate-key"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
