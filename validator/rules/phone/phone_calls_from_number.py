"""A task calls the batch's own ``from_number``.

Why it matters: the batch would dial the number it calls from. The call
either fails or lands on your own agent, and it is almost always a swapped
``from_number``/``to_number`` column. Numbers are compared in E.164 form.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.knowledge.phones import analyze
from validator.rules import Example, Kind
from validator.rules.phone._phone_fields import destinations

CODE = "RBV205"
NAME = "phone-calls-from-number"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+14157774444"}]}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+14157774445"}]}')


def check(ctx: Context) -> Iterator[Finding]:
    source = ctx.document.get("from_number")
    if not isinstance(source, str) or not source:
        return
    own = analyze(source).key
    for task, key in destinations(ctx):
        if key == own:
            yield ctx.finding(
                f"/tasks/{task}/to_number",
                f"{ctx.task_ref(task)} calls {own}, the batch's own from_number",
                "put the customer's number in to_number; from_number is the number you call from",
            )
