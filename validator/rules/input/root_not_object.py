"""The top level of the payload is not an object.

Why it matters: the request body is one JSON object. A list of tasks on its
own, a string or a number is rejected; wrap tasks as
``{"from_number": ..., "tasks": [...]}``.

Fails::

    [{"to_number": "+12137774445"}]

Passes::

    {"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}
"""

from typing import Any

from validator.diagnostics import Finding, Severity
from validator.document import Issue
from validator.rules import Kind

CODE = "RBV006"
NAME = "root-not-object"
SEVERITY = Severity.ERROR
KIND = Kind.RAISED


def issue(data: Any) -> Issue:
    from validator.json_values import type_name

    hint = 'wrap the tasks: {"from_number": "+1...", "tasks": [...]}' if isinstance(data, list) else None
    return Issue(CODE, Finding("", f"the payload must be an object, found {type_name(data)}", hint))
