"""A YAML tag or type that JSON cannot carry (``!!python/object``, ``!!binary``, ``!!set``, custom tags).

Why it matters: the payload is sent as JSON; such values have no JSON form.
Tags that construct objects are never constructed here (safe loading only).
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV010"
NAME = "yaml-unsupported-tag"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        metadata: !!python/object:os.system {}
    """,
    format="yaml",
)
PASSES = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
        metadata: {source: crm}
    """,
    format="yaml",
)
