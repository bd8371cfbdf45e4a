"""A phone number was saved in scientific notation (``1.21378E+10``).

Why it matters: Excel shows long numbers in a General-format column as
``1.21378E+10`` and saves the CSV as displayed, so the last digits are gone
for good: the cell now means 12137800000. The number must be taken again
from the source.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV812"
NAME = "csv-scientific-notation"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number
    1.21378E+10
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
