"""A Python value that JSON cannot carry (``set``, ``bytes``, ``Decimal``, ``datetime``, custom objects).

Why it matters: ``validate()`` checks what an HTTP client would send, and
``json.dumps`` refuses these values, so the request would fail before it is
sent. Convert them first (a list for a set, a number or string for the
others). Only the library entry point ``validate()`` sees Python values; tuples
are arrays and ``int`` keys become strings, as ``json.dumps`` does (the latter
reported as RBV013).
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV015"
NAME = "not-json-value"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "metadata": {"tags": {"vip", "new"}}}]}',
    format="python",
    note="a set",
)
PASSES = Example(
    '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "metadata": {"tags": ["vip", "new"]}}]}',
    format="python",
    note="a list",
)
# The value is checked as null: what the schema says about that null (type, enum, alternatives) is noise.
SUPERSEDES = ("RBV102", "RBV103", "RBV107", "RBV199")
