"""A ``# retell-validate: ignore`` comment that names no rule code, or an unknown one.

Why it matters: such a comment suppresses nothing, so the finding it was meant
to silence is still reported, and a blanket suppression would hide problems
nobody has looked at. Name the codes: ``# retell-validate: ignore[RBV111]``.
JSON has no comments; use ``per-file-ignores`` in the configuration instead.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV090"
NAME = "invalid-suppression"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
FAILS = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        metadata_typo: 1  # retell-validate: ignore
    """,
    format="yaml",
)
PASSES = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        metadata_typo: 1  # retell-validate: ignore[RBV111]
    """,
    format="yaml",
)
