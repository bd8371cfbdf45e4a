"""Phone cells are written nationally or with punctuation, not in E.164.

Why it matters: the dashboard and the API take ``+``, the country code and the
number, digits only. People type numbers the way they dial them at home:
``(404) 504-8120``, ``404.504.8120``, ``1-404-504-8120``, ``020 7946 0018``, or with
spaces and an extension (``+1 (404) 504-8120 x123``). Each cell is read in the
list's region (``--region``, else the country of ``from_number``, else the US), and
the rows written one way are one finding: how many, the first rows with the
number each stands for, and the fix: ``check --fix`` writes them in E.164 in the
file (an extension, which a batch cannot dial, is dropped only with
``--unsafe-fixes``). National numbers whose country is not known (a leading ``0``
with no region) cannot be read: the finding says to set ``--region``. The rows
are checked as the numbers they stand for (time zones, calling-time law, duplicates).
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV819"
NAME = "csv-phone-not-e164"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,first_name
    (404) 504-8120,Ann
    404.504.8120,Bob
    1-404-504-8121,Cy
    """,
    format="csv",
    note="US numbers written nationally",
)
PASSES = Example(
    """
    phone number,first_name
    +14045048120,Ann
    +14045048121,Bob
    """,
    format="csv",
)
# The spelling words the problem better than the generic E.164 and validity messages.
SUPERSEDES = ("RBV201", "RBV202")
