"""A national do-not-call list older than 31 days when the batch starts.

Why it matters: a seller who calls a registered number by mistake escapes penalties only
under the safe harbor, which requires a version of the registry obtained no more than 31
days before the date of any call (16 CFR 310.4(b)(3)(iv); 47 CFR 64.1200(c)(2)(i)(D));
Canada's DNCL rules likewise bar calls to numbers registered for more than 31 days. The
list's date is the ``--as-of`` it was built with (by default its newest source file's
date); the batch starts at ``trigger_timestamp`` when that lies ahead, else now. Checked
for telephone solicitations only.
"""

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC

from validator.calling.reach import batch_start, naive_datetime
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.dnc.screen import screen
from validator.rules import Example, Kind
from validator.rules.dnc._examples import FTC, UNLISTED, calling
from validator.rules.dnc._findings import lists_pointer

CODE = "RBV904"
NAME = "dnc-list-stale"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(calling(UNLISTED), dnc=[replace(FTC, as_of="2026-04-30")], note="a list 32 days old on 2026-06-01")
PASSES = Example(calling(UNLISTED), dnc=[replace(FTC, as_of="2026-05-01")], note="31 days old: inside the safe harbor")

SAFE_HARBOR_DAYS = 31


def check(ctx: Context) -> Iterator[Finding]:
    screening = screen(ctx)
    if not screening.solicitation or not ctx.tasks:
        return
    start = naive_datetime(batch_start(ctx)).replace(tzinfo=UTC).date()
    for info in screening.national():
        age = (start - info.as_of).days
        if age > SAFE_HARBOR_DAYS:
            yield ctx.finding(
                lists_pointer(ctx),
                f"the national do-not-call list {info.label} is {age} days old when the batch starts on {start.isoformat()}: "
                f"the safe harbor requires registry data obtained no more than {SAFE_HARBOR_DAYS} days before a call "
                "(16 CFR 310.4(b)(3)(iv); 47 CFR 64.1200(c)(2)(i)(D))",
                f"download the registry again and rebuild {info.path.name} with `retell-validate dnc index`",
            )
