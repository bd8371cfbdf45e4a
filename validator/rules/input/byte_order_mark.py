"""The file starts with a UTF-8 byte order mark.

Why it matters: a payload sent with a BOM in front is not valid JSON for many
parsers. The file is decoded and checked anyway. (A UTF-16 or UTF-32 file,
with its BOM, is RBV007, an error: the API reads UTF-8 only.)

Fails: a file saved as "UTF-8 with BOM".

Passes: the same file saved as plain UTF-8.
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV004"
NAME = "byte-order-mark"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
