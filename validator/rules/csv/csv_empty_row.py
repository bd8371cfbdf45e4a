"""The CSV has empty rows (blank lines, or rows of empty cells such as ``,,``).

Why it matters: it hardly does. An empty row is no call: spreadsheets export
them for rows that once held data or were formatted, and they are skipped (they
are not tasks, so ``/tasks/N`` counts only the other rows). One note names them
all, so that the row numbers you see in the spreadsheet and in the findings match
up; nothing fails for them.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV808"
NAME = "csv-empty-row"
SEVERITY = Severity.INFO
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
