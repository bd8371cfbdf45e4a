"""A CSV header looks like the ``ignore e164 validation`` column but is spelled differently.

Why it matters: only the header ``ignore e164 validation`` turns the E.164
check off for a row; ``ignore_e164_validation`` or ``Ignore E.164
Validation`` becomes an ordinary dynamic variable and the numbers are still
validated.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV807"
NAME = "csv-misspelled-option-column"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,ignore_e164_validation
    1001,true
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
