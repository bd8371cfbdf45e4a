"""A solicitation to a number on a national do-not-call list, allowed by the exemption its task's metadata claims.

Why it matters: the law lets a seller call a registered number with the consumer's express
agreement in writing or within an established business relationship (16 CFR
310.4(b)(1)(iii)(B)(i)–(ii); 47 CFR 64.1200(c)(2)(ii), (f)(5)). Only the task can say so:
``dnc-exemption-key`` in the configuration names a metadata key, and a task whose value is
``"ebr"``/``"established-business-relationship"`` or ``"consent"``/``"express-consent"`` is
not reported by RBV901; this rule reports it instead, at the key it honoured, because the
check cannot see the record that proves the claim: keep it (a relationship lapses 18 months
after the last purchase, 3 months after an inquiry).
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.dnc.screen import named, screen
from validator.json_values import preview
from validator.rules import Example, Kind
from validator.rules.dnc._examples import EXEMPTION_KEY, FTC, LISTED, UNLISTED, calling

CODE = "RBV903"
NAME = "dnc-exemption-honoured"
SEVERITY = Severity.INFO
KIND = Kind.DOCUMENT
FAILS = Example(calling(LISTED, "ebr"), dnc=[FTC], config=EXEMPTION_KEY, note="a listed number called under an exemption")
PASSES = Example(calling(UNLISTED, "ebr"), dnc=[FTC], config=EXEMPTION_KEY, note="the claim on a number no list holds: nothing to exempt")


def check(ctx: Context) -> Iterator[Finding]:
    screening = screen(ctx)
    if not screening.solicitation:
        return
    for task in screening.listed:
        if task.national and not task.internal and task.exemption is not None and task.claim_pointer is not None:
            yield ctx.finding(
                task.claim_pointer,
                f"{ctx.task_ref(task.position)} calls {task.number}, which is on the national do-not-call list {named(task.national)}, "
                f"under metadata.{screening.exemption_key} = {preview(task.claim)}: {task.exemption}",
                "keep the record that proves it (the consent, or the purchase or inquiry and its date): the check cannot see it",
            )
