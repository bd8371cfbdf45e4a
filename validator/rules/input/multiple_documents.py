"""The YAML file holds more than one document (``---`` separators).

Why it matters: one file is one request body. Only the first document would
be sent, if any; split the batches into separate files.

Fails::

    from_number: "+14157774444"
    tasks: []
    ---
    from_number: "+14157774445"
    tasks: []

Passes: one document per file.
"""

from validator.diagnostics import Severity
from validator.rules import Kind

CODE = "RBV011"
NAME = "multiple-documents"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
