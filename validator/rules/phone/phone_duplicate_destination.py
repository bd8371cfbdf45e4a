"""Two tasks call the same number.

Why it matters: every task is a separate call, so a repeated ``to_number``
rings the same person twice in one batch, usually a merge or export mistake.
Numbers are compared in E.164 form, so ``+1 415 555 0123`` repeats
``+14155550123``. Each repeat is reported at its own task, naming the first
task that calls the number.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import quote
from validator.rules import Example, Kind
from validator.rules.phone._phone_fields import destinations

CODE = "RBV204"
NAME = "phone-duplicate-destination"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+14155550123"}, {"to_number": "+14155550123"}]')
PASSES = Example('"tasks": [{"to_number": "+14155550123"}, {"to_number": "+14155550124"}]')


def check(ctx: Context) -> Iterator[Finding]:
    first_task: dict[str, int] = {}
    for task, key in destinations(ctx):
        first = first_task.setdefault(key, task)
        if first != task:
            yield ctx.finding(
                f"/tasks/{task}/to_number",
                f"{ctx.task_ref(task)} calls {quote(key)} again: {ctx.task_ref(first)} already calls it, so the number would be called twice",
                f"remove this task or merge it into {ctx.task_ref(first)}",
            )
