"""YAML 1.1 read an unquoted value as another type where the schema accepts anything.

Why it matters: in free-form places (``metadata``) nothing rejects the value,
so ``zip: 01234`` silently becomes 668 (octal) and ``answer: no`` becomes
``false``. Quote the value if you meant the text.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV009"
NAME = "yaml-implicit-conversion"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
FAILS = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        metadata: {zip: 01234}
    """,
    format="yaml",
)
PASSES = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        metadata: {zip: "01234"}
    """,
    format="yaml",
)
