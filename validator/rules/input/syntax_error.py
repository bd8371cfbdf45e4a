"""The file is not valid JSON or YAML.

Why it matters: the API rejects the request before looking at any field.
The diagnostic points at the line and column where the parser stopped; the
hint names the usual culprit (trailing commas, comments and single quotes are
not JSON; a tab used for indentation is not YAML).
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV001"
NAME = "syntax-error"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}],}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
