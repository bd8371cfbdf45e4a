"""A phone number has spaces around it, or invisible spaces (non-breaking, zero-width) anywhere.

Why it matters: numbers pasted from web pages, PDFs or e-mail carry
non-breaking spaces (U+00A0) and zero-width characters that look like
nothing in the spreadsheet but make the number invalid.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV816"
NAME = "csv-stray-whitespace"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number
    "+12137774445 "
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number
    +12137774445
    """,
    format="csv",
)
# The spreadsheet cause words the problem better than the generic E.164 and validity messages.
SUPERSEDES = ("RBV201", "RBV202")
