"""A CSV column holds values but has no header.

Why it matters: a column's header is the dynamic variable's name; without
one its values cannot reach the prompt and are dropped. (Columns that are
empty in every row, as spreadsheets sometimes export after deleted data, are
harmless and not reported.)
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV805"
NAME = "csv-unnamed-column"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,first_name,
    +12137774445,Ann,VIP
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number,first_name,tier
    +12137774445,Ann,VIP
    """,
    format="csv",
)
