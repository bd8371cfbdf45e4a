"""A quoted CSV field never closes: the rest of the file was read as one cell.

Why it matters: a lone ``"`` at the start of a cell opens a quoted field that
runs to the next ``"``. When there is none, every following row disappears
into that cell, so the rows are silently not called.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV802"
NAME = "csv-unclosed-quote"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,first_name
    +12137774445,"Ann
    +12137774446,Bob
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number,first_name
    +12137774445,"Ann ""Annie"" Lee"
    +12137774446,Bob
    """,
    format="csv",
)
