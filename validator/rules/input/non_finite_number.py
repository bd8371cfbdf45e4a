"""A number that JSON cannot carry: ``NaN``, ``Infinity`` or one too large for a double.

Why it matters: ``NaN`` and ``Infinity`` are not JSON (Python writes them,
most servers reject them), and a literal such as ``1e400`` overflows to
infinity. YAML's ``.nan`` and ``.inf`` have the same problem once sent as JSON.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV003"
NAME = "non-finite-number"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "trigger_timestamp": NaN}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "trigger_timestamp": 1798794000000}')
