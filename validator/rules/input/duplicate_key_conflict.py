"""The same key appears twice in one object, with different values.

Why it matters: the API keeps only the last occurrence, so the first value is
silently dropped, and which one the author meant is anyone's guess (a merge
that kept both sides, say). When the values are equal the repetition is
harmless and RBV002 (a warning) is reported instead. The diagnostic points at
the later key.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV016"
NAME = "duplicate-key-conflict"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example('{"from_number": "+14157774444", "from_number": "+14155550100", "tasks": [{"to_number": "+12137774445"}]}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
