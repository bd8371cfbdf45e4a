"""The CSV has empty rows (blank lines, or rows of empty cells such as ``,,``).

Why it matters: an empty row is no call. Spreadsheets export them for rows
that once held data or were formatted; they are skipped (and are not tasks,
so ``/tasks/N`` counts only the other rows). One warning names them all.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV808"
NAME = "csv-empty-row"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,first_name
    +12137774445,Ann
    ,
    +12137774446,Bob
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number,first_name
    +12137774445,Ann
    +12137774446,Bob
    """,
    format="csv",
)
