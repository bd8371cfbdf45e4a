"""Two CSV columns have the same header.

Why it matters: each header is one key of the task (``phone number`` →
``to_number``, ``first_name`` → ``{{first_name}}``); a key holds one value,
so one of the two columns is lost. The checker, like a JSON object, keeps the
later column.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV804"
NAME = "csv-duplicate-header"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,first_name,first_name
    +12137774445,Ann,Anna
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number,first_name,last_name
    +12137774445,Ann,Lee
    """,
    format="csv",
)
