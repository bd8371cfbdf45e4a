"""A CSV row has more cells than the header.

Why it matters: the extra values belong to no column and are dropped. The
usual cause is an unquoted separator inside a value (``Lee, Ann``), which
also shifts every later value of the row into the wrong variable.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV809"
NAME = "csv-extra-cells"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,full_name,city
    +12137774445,Lee, Ann,Boston
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number,full_name,city
    +12137774445,"Lee, Ann",Boston
    """,
    format="csv",
)
