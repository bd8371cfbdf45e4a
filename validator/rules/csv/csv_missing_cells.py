"""A CSV row has fewer cells than the header.

Why it matters: the missing trailing cells are sent as empty variables, so
the prompt says nothing where they stand. Spreadsheets always write every
cell; a short row was usually edited by hand or cut off.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV810"
NAME = "csv-missing-cells"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,first_name,city
    +12137774445,Ann
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number,first_name,city
    +12137774445,Ann,
    """,
    format="csv",
)
