"""The file starts with a UTF-8 byte order mark.

Why it matters: a payload sent with a BOM in front is not valid JSON for many
parsers. The file is decoded and checked anyway. (A UTF-16 or UTF-32 file,
with its BOM, is RBV007, an error: the API reads UTF-8 only.)
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV004"
NAME = "byte-order-mark"
SEVERITY = Severity.WARNING
KIND = Kind.RAISED
FAILS = Example(
    '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}', note='saved as "UTF-8 with BOM"', encoding="utf-8-sig"
)
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}', note="saved as plain UTF-8")
