"""A number that JSON cannot carry: ``NaN``, ``Infinity`` or one too large for a double.

Why it matters: ``NaN`` and ``Infinity`` are not JSON (Python writes them,
most servers reject them), and a literal such as ``1e400`` overflows to
infinity. YAML's ``.nan`` and ``.inf`` have the same problem once sent as JSON.

Fails::

    {"trigger_timestamp": NaN, ...}

Passes::

    {"trigger_timestamp": 1735718400000, ...}
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV003"
NAME = "non-finite-number"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
