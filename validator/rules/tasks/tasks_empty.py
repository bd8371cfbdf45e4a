"""``tasks`` is an empty list: the batch would place no calls.

Why it matters: the API accepts the request but nothing is dialled, which is
usually an export or filter step that produced no rows.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind

CODE = "RBV601"
NAME = "tasks-empty"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": []')
PASSES = Example('"tasks": [{"to_number": "+12137774445"}]')


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.document.get("tasks") == []:
        yield ctx.finding("/tasks", "`tasks` is empty: the batch would place no calls", "add at least one task with a to_number")
