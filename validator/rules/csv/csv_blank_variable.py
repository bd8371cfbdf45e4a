"""Dynamic-variable cells are blank (one note per column, naming the rows).

Why it matters: a blank ``first_name`` cell sends ``"first_name": ""``; if the
agent's prompt uses ``{{first_name}}`` it says nothing there ("Hi , this is …").
A contact list does not show which columns the prompt speaks, and blank cells
are the usual value for optional context (email, notes), so this is a note, as
RBV603 is for payloads; raise its severity in the configuration when every column
is spoken. Rows without a number to dial are not counted (their own finding says
so). Fill the cells, remove the column if no prompt uses it, or give the agent a
default for the variable.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV811"
NAME = "csv-blank-variable"
SEVERITY = Severity.INFO
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
SUPERSEDES = ("RBV603", "RBV611")
