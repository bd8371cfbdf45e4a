"""The same key appears twice in one object, with the same value.

Why it matters: JSON parsers keep only the last occurrence; with equal values
nothing is lost, but the repetition is a leftover worth removing. With
different values the first is silently dropped: that is RBV016, an error. The
diagnostic points at the later key.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV002"
NAME = "duplicate-key"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
FAILS = Example('{"from_number": "+14157774444", "from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
