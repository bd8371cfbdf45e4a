"""A mapping key that is not a string (YAML ``1: x``, ``yes: x``, ``null: x``).

Why it matters: JSON object keys are strings. YAML turns unquoted ``yes`` or
``1`` into a boolean or an integer key, which a JSON conversion either
rejects or silently rewrites.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV013"
NAME = "non-string-key"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        retell_llm_dynamic_variables: {1: first}
    """,
    format="yaml",
)
PASSES = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        retell_llm_dynamic_variables: {"1": first}
    """,
    format="yaml",
)
