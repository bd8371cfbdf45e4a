"""Dynamic-variable cells start with ``=``, ``@``, ``+`` or ``-`` (one warning per column).

Why it matters: when the CSV is opened again in a spreadsheet these cells
are read as formulas: ``+12137774445`` becomes 12137774445, ``=HYPERLINK(…)``
runs (CSV injection), ``- call first`` shows ``#NAME?``. The value itself is
sent as written; the risk is the next round trip through Excel. Negative
numbers such as ``-5`` stay as they are and are not reported.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV817"
NAME = "csv-formula-cell"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,callback
    +12137774445,+14157774444
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number,callback
    +12137774445,(415) 777-4444
    """,
    format="csv",
)
