"""The file is not UTF-8 text (UTF-16 or UTF-32, invalid bytes, NUL bytes, or binary data such as an image).

Why it matters: the payload must be UTF-8 JSON. The diagnostic gives the byte
offset and line of the first offending byte. A UTF-16 or UTF-32 file (Excel's
"Unicode text") is recognised by its byte order mark, decoded and checked
anyway, but sent as it is the API cannot read it.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV007"
NAME = "encoding-error"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"first_name": "José"}}]',
    note="saved as Windows-1252 (Latin-1)",
    encoding="cp1252",
)
PASSES = Example('"tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"first_name": "José"}}]', note="saved as UTF-8")
