"""A call to a number on the company's own do-not-call list, whatever the call's purpose.

Why it matters: a consumer who asked a seller not to call again must never be called by
it (16 CFR 310.4(b)(1)(iii)(A); 47 CFR 64.1200(d)); the request ends any established
business relationship (47 CFR 64.1200(f)(5)(i)), so no exemption applies and the purpose of
the call does not matter. The list is an index built with
``retell-validate dnc index --kind internal`` from the company's opt-out list (CSV or XLSX
with a phone column) and named by ``dnc`` in the configuration (or ``--dnc``); one finding
per task, at its ``to_number``.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.dnc.screen import named, screen
from validator.rules import Example, Kind
from validator.rules.dnc._examples import EXEMPTION_KEY, LISTED, OPT_OUTS, UNLISTED, calling

CODE = "RBV902"
NAME = "dnc-internal-listed"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example(calling(LISTED, "ebr"), dnc=[OPT_OUTS], config=EXEMPTION_KEY, note="a number on the list, an exemption claimed")
PASSES = Example(calling(UNLISTED, "ebr"), dnc=[OPT_OUTS], config=EXEMPTION_KEY, note="its neighbour, which no list holds")


def check(ctx: Context) -> Iterator[Finding]:
    screening = screen(ctx)
    for task in screening.listed:
        if not task.internal:
            continue
        message = (
            f"{ctx.task_ref(task.position)} calls {task.number}, which is on the company's do-not-call list {named(task.internal)}: "
            "this consumer asked not to be called (16 CFR 310.4(b)(1)(iii)(A); 47 CFR 64.1200(d))"
        )
        if task.claim is not None:
            message += f"; metadata.{screening.exemption_key} does not lift it: a do-not-call request ends an established business relationship (47 CFR 64.1200(f)(5)(i))"
        yield ctx.finding(task.pointer, message, "remove the task (`retell-validate split` leaves it out)")
