"""A telephone solicitation to a number on a national do-not-call list.

Why it matters: a seller may not make a telephone solicitation to a number on the National
Do Not Call Registry (16 CFR 310.4(b)(1)(iii)(B); 47 CFR 64.1200(c)(2)): each call costs up
to $500–$1,500 in TCPA damages, more in FTC civil penalties. Canada's DNCL and the states'
registries bar the same calls. The lists are the index files named by ``dnc`` in the
configuration (or ``--dnc``), built with ``retell-validate dnc index --kind national``; one
finding per task, at its ``to_number``, naming each list that holds the number and its date.
Calls for another purpose than ``solicitation`` (``call-purpose``: informational, debt
collection, charitable, poll) are not checked against national lists. A task whose metadata claims an exemption the law allows, under the key
``dnc-exemption-key`` names, is reported by RBV903 instead.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.dnc.screen import named, screen
from validator.json_values import preview
from validator.rules import Example, Kind
from validator.rules.dnc._examples import FTC, LISTED, UNLISTED, calling
from validator.rules.dnc._findings import exemption_values

CODE = "RBV901"
NAME = "dnc-national-listed"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example(calling(LISTED), dnc=[FTC], note="a number on the list")
PASSES = Example(calling(UNLISTED), dnc=[FTC], note="its neighbour, which no list holds")


def check(ctx: Context) -> Iterator[Finding]:
    screening = screen(ctx)
    if not screening.solicitation:
        return
    key = screening.exemption_key
    for task in screening.listed:
        if not task.national or task.exemption is not None:
            continue
        message = (
            f"{ctx.task_ref(task.position)} calls {task.number}, which is on the national do-not-call list {named(task.national)}: "
            "a telephone solicitation to it is barred (16 CFR 310.4(b)(1)(iii)(B); 47 CFR 64.1200(c)(2))"
        )
        if task.claim is not None:
            message += f"; metadata.{key} = {preview(task.claim)} is not an exemption this check knows ({exemption_values()})"
        if key is None:
            hint = "remove the task (`retell-validate split` leaves it out); a consumer's written consent or an established business relationship exempts a call only when recorded: name a metadata key in dnc-exemption-key"
        else:
            hint = f"remove the task (`retell-validate split` leaves it out), or, with the consumer's written consent or an established business relationship, record it in metadata.{key} ({exemption_values()})"
        yield ctx.finding(task.pointer, message, hint)
