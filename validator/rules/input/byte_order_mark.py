"""The file starts with a byte order mark (UTF-8, UTF-16 or UTF-32).

Why it matters: a payload sent with a BOM in front is not valid JSON for many
parsers, and UTF-16 files (Excel's "Unicode text") are not what the API reads.
The file is decoded and checked anyway.

Fails: a file saved as "UTF-8 with BOM" or "UTF-16".

Passes: the same file saved as plain UTF-8.
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV004"
NAME = "byte-order-mark"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
