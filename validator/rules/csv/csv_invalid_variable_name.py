"""A CSV header cannot work as a dynamic-variable name.

Why it matters: header ``first_name`` becomes ``{{first_name}}``. A header
with spaces around it (`` first_name``), a line break, or curly braces
(``{{first_name}}``) gives a variable no prompt placeholder can name, so the
prompt keeps the literal ``{{first_name}}`` text.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV806"
NAME = "csv-invalid-variable-name"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number, first_name,{{city}}
    +12137774445,Ann,Boston
    """,
    format="csv",
)
PASSES = Example(
    """
    phone number,first_name,city
    +12137774445,Ann,Boston
    """,
    format="csv",
)
