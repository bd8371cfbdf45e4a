"""The CSV file is not UTF-8 or UTF-16 text (Windows-1252, an Excel workbook, binary data).

Why it matters: the dashboard and the API read UTF-8. A list saved with
Excel's plain "CSV (Comma delimited)" on Windows is Windows-1252, so "José"
arrives as "Jos�"; an ``.xlsx`` renamed to ``.csv`` is a ZIP archive. The
diagnostic names the first undecodable byte, its line, and what it reads as
in Windows-1252; other lines with the same problem are counted. UTF-8 with a
BOM and Excel's UTF-16 "Unicode text" are read as well.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV801"
NAME = "csv-encoding"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    """
    phone number,first_name
    +12137774445,José
    """,
    format="csv",
    note='saved with Excel\'s "CSV (Comma delimited)" on Windows',
    encoding="cp1252",
)
PASSES = Example(
    """
    phone number,first_name
    +12137774445,José
    """,
    format="csv",
    note='saved as "CSV UTF-8 (Comma delimited)"',
)
