"""An ``ignore e164 validation`` cell is neither ``true``, ``false`` nor empty.

Why it matters: the column turns the E.164 check off for its row only with
``true`` (Excel writes ``TRUE``, also accepted). ``yes``, ``1`` or ``x`` are
not read as true, so the row is still validated.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV818"
NAME = "csv-invalid-boolean"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,ignore e164 validation
    1001,yes
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number,ignore e164 validation
    1001,true
    """,
    format="csv",
)
