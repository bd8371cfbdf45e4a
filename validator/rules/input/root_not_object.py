"""The top level of the payload is not an object.

Why it matters: the request body is one JSON object. A list of tasks on its
own, a string or a number is rejected; wrap tasks as
``{"from_number": ..., "tasks": [...]}``.
"""

from validator.diagnostics import Severity
from validator.rules import Example, Kind

CODE = "RBV006"
NAME = "root-not-object"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED
FAILS = Example('[{"to_number": "+12137774445"}]')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
