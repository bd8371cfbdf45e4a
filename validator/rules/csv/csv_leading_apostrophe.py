"""A phone number starts with an apostrophe (``'+12137774445``).

Why it matters: in a spreadsheet a leading ``'`` only marks the cell as
text and is not part of the value, but copied out or exported by other
tools it becomes a real character, and ``'+12137774445`` is not a number.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV815"
NAME = "csv-leading-apostrophe"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number
    '+12137774445
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
