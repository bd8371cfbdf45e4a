"""The CSV header has no ``phone number`` column.

Why it matters: the dashboard reads the number to call from the column whose
header is exactly ``phone number``; without it no row can be called. When a
header looks like it (``Phone Number``, ``phone``, ``phone_number``,
``to_number``, …) the diagnostic names it, and the rows are checked with
that column so the other problems show up in the same run.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV803"
NAME = "csv-no-phone-column"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    Phone Number,first_name
    +12137774445,Ann
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number,first_name
    +12137774445,Ann
    """,
    format="csv",
)
