"""A phone number lost its leading ``+`` (``12137774445`` for ``+12137774445``).

Why it matters: E.164 numbers start with ``+``. A spreadsheet reads
``+12137774445`` as a positive number and saves ``12137774445``. Reported when
the digits form a valid number once ``+`` is put back; the hint gives it.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV813"
NAME = "csv-missing-plus"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number
    12137774445
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
