"""A phone number ends in ``.0`` (``12137774445.0``).

Why it matters: tools that read the column as numbers (pandas, some
exports) write them back as floats; ``.0`` is not part of any phone number.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV814"
NAME = "csv-trailing-decimal"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number
    +12137774445.0
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number
    +12137774445
    """,
    format="csv",
)
# The spreadsheet cause words the problem better than the generic E.164 and validity messages.
SUPERSEDES = ("RBV201", "RBV202")
