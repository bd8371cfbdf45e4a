"""The document is too deeply nested or expands too far (YAML alias bombs).

Why it matters: a payload nested thousands of levels deep, or a YAML file
whose aliases expand to millions of nodes ("billion laughs"), is not a real
batch call and would exhaust memory in any consumer. It is refused with this
diagnostic instead of being expanded. So is a YAML file whose aliases repeat
what is written more than tenfold beyond 100,000 nodes: every repeated node
would be checked again, as if the file were that much larger.

Fails::

    a: &a [x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    ...  (nine more levels)

Passes: any realistic payload.
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV012"
NAME = "too-complex"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
