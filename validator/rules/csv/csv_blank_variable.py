"""Dynamic-variable cells are blank (one warning per column, naming the rows).

Why it matters: a blank ``first_name`` cell sends ``"first_name": ""``, so the
prompt says nothing where ``{{first_name}}`` stands ("Hi , this is …").
Fill the cells, remove the column if no prompt uses it, or give the agent a
default for the variable.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV811"
NAME = "csv-blank-variable"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,first_name
    +12137774445,
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
# Per-task empty variables (RBV603), in every row of the column: the CSV finding names lines, not tasks.
SUPERSEDES = ("RBV603",)
