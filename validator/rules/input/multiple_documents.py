"""The YAML file holds more than one document (``---`` separators).

Why it matters: one file is one request body. Only the first document would
be sent, if any; split the batches into separate files.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV011"
NAME = "multiple-documents"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774445"
    ---
    from_number: "+14157774444"
    tasks:
      - to_number: "+12137774446"
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
    note="one document per file",
)
