"""The file is empty (or holds only whitespace, comments or a null document).

Why it matters: an empty body is not a batch call; the API needs at least
``from_number`` and ``tasks``.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV005"
NAME = "empty-document"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example("", note="a zero-byte file")
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
