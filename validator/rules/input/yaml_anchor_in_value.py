"""An unquoted YAML value starts with ``&``, which made its first word an anchor.

Why it matters: ``&name`` before a value is a YAML anchor (a label for aliases
``*name`` to repeat the value), so ``company: &Co Ltd`` is "Ltd" and
``marker: &`` does not even parse. An anchor that no alias refers to is a value
that lost its start; one an alias uses is meant and is not reported. (A value
starting with ``*`` is an alias: unless the anchor exists it is a syntax error
whose hint says to quote it.)
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV018"
NAME = "yaml-anchor-in-value"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        retell_llm_dynamic_variables:
          company: &Co Ltd
    """,
    format="yaml",
)
PASSES = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        retell_llm_dynamic_variables:
          company: "&Co Ltd"
    """,
    format="yaml",
)
