"""A number that JSON cannot carry: ``NaN``, ``Infinity`` or one too large for a double.

Why it matters: ``NaN`` and ``Infinity`` are not JSON (Python writes them,
most servers reject them), and a literal such as ``1e400`` overflows to
infinity. YAML's ``.nan`` and ``.inf`` have the same problem once sent as JSON.

Fails::

    {"trigger_timestamp": NaN, ...}

Passes::

    {"trigger_timestamp": 1735718400000, ...}
"""

import math

from validator.diagnostics import Finding, Severity
from validator.document import Issue
from validator.rules import Kind

CODE = "RBV003"
NAME = "non-finite-number"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED


def issue(pointer: str, value: float) -> Issue:
    what = "NaN" if math.isnan(value) else "an infinite number (overflow or Infinity literal)"
    return Issue(CODE, Finding(pointer, f"{what} is not valid JSON", "use a finite number, or remove the field"))
