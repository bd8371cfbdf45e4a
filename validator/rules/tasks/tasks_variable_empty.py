"""A dynamic variable is set to an empty (or blank) string.

Why it matters: ``"customer_name": ""`` renders as nothing in the prompt
("Hi , this is…") and overrides any default the agent defines, so the call
sounds broken. Usually a missing column in the export. Findings are grouped:
one per variable name, at the first task where it is empty, with the number
of tasks affected.
"""

import functools
from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Members, Severity
from validator.json_values import quote
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind
from validator.rules.tasks._variables import FIELD, task_index, variables

CODE = "RBV603"
NAME = "tasks-variable-empty"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "  "}}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "Ann"}}]')


def check(ctx: Context) -> Iterator[Finding]:
    empty: dict[str, list[str]] = {}  # key → pointers of the tasks where it is blank
    for pointer, task in ctx.tasks:
        for key, value in (variables(task) or {}).items():
            if isinstance(value, str) and (not value or value.isspace()):  # isspace: no copy, unlike strip()
                empty.setdefault(key, []).append(pointer)
    for key, pointers in empty.items():
        first = pointers[0]
        others = len(pointers) - 1
        more = f" and {others:,} more task{'s' if others > 1 else ''}" if others else ""
        yield ctx.finding(
            pointer_join(first, FIELD, key),
            f"dynamic variable `{quote(key)}` is empty in {ctx.task_ref(task_index(first))}{more}: {{{{{quote(key)}}}}} renders blank in the call",
            "fill in the value, or remove the key so the agent's default applies",
            members=Members.spelled(pointers, functools.partial(_variable, key=key)),
        )


def _variable(task: str, key: str) -> str:
    return pointer_join(task, FIELD, key)
