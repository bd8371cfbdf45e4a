"""A ``# retell-validate: ignore`` comment that names no rule code, or an unknown one.

Why it matters: such a comment suppresses nothing, so the finding it was meant
to silence is still reported, and a blanket suppression would hide problems
nobody has looked at. Name the codes: ``# retell-validate: ignore[RBV111]``.
JSON has no comments; use ``per-file-ignores`` in the configuration instead.

Fails::

    legacy_field: 1  # retell-validate: ignore

Passes::

    legacy_field: 1  # retell-validate: ignore[RBV111]
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV090"
NAME = "invalid-suppression"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
