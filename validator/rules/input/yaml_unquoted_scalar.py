"""YAML 1.1 read an unquoted value as another type, and the schema rejects it.

Why it matters: YAML guesses types. ``to_number: +14157774444`` is the integer
14157774444, ``day: [Mon, yes]`` holds the boolean ``true``, ``2026-01-05`` is
a date, ``0123`` is the octal integer 83 and ``1:30`` is the integer 90. The
API then sees the wrong type. This diagnostic replaces the schema error at
that place and says how to quote the value; ``--fix`` quotes it (a safe fix:
the value becomes the text as written, which is what the schema wanted).
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV008"
NAME = "yaml-unquoted-scalar"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    from_number: +14157774444
    tasks:
      - to_number: "+12137774445"
    """,
    format="yaml",
)
PASSES = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"

    """,
    format="yaml",
)
