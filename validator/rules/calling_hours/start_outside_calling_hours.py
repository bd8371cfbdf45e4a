"""A batch without ``call_time_window`` starts at a moment outside some recipients' calling hours or their law.

Why it matters: without windows the batch dials from its ``trigger_timestamp`` (or at
once, when it is sent) until every task is done, so its first calls ring at that moment
on each recipient's clock: a batch sent from Europe at 10:00 rings Los Angeles at
01:00. A batch sent at once is judged at the clock given with ``--now`` (or ``now`` in
the configuration, ``now=`` in the library and the SDK guard): on the real clock of a CI
run the moment of sending is not known. A batch of one task sent at once is one call at a
moment you choose, and is not judged (as RBV702 does not). The start is judged as a window would be: against the calling hours of the
configuration (``calling-hours``, default 08:00–21:00) and, where each recipient is,
against the calling-time law for the configured ``call-purpose`` (hours, weekdays,
holidays). One finding for the calling hours and one per law, at the first affected
task, with the count. How long the batch then runs is not known offline: RBV702's
note says it may run into the night, and a ``call_time_window`` is the way to bound it.
"""

from collections.abc import Iterator
from datetime import UTC, datetime

from validator.calling.law_table import Bar
from validator.calling.reach import span
from validator.calling.start import StartOffence, start, start_offences
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind

CODE = "RBV709"
NAME = "start-outside-calling-hours"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445"}, {"to_number": "+13105550123"}]',
    now="2026-06-01T09:00:00Z",
    note="sent at once, 02:00 in Los Angeles",
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445"}, {"to_number": "+13105550123"}]',
    now="2026-06-01T18:00:00Z",
    note="sent at once, 11:00 in Los Angeles",
)


def check(ctx: Context) -> Iterator[Finding]:
    offences = start_offences(ctx)
    if not offences:
        return
    begins = start(ctx)
    utc = f"{_utc(begins.minute)} UTC"
    when = f"at trigger_timestamp ({utc})" if begins.triggered else f"at once when sent (now: {utc})"
    for offence in offences:
        first = min(offence.groups.values(), key=lambda g: g.index)
        assert offence.first is not None
        zone, local = offence.first
        count = f"{offence.count} task{'s' if offence.count != 1 else ''} (first {first.number})"
        at = f"{local:%H:%M} on {local:%a %Y-%m-%d} in {zone}"
        message = f"no call_time_window: the batch starts {when}, {at}, {_why(ctx, offence)}: {count}"
        yield ctx.finding(first.pointer, message, _hint(offence), members=offence.members(ctx))


def _why(ctx: Context, offence: StartOffence) -> str:
    law = offence.law
    if law is None:
        return f"outside the calling hours {span(ctx.settings.calling_hours)}"
    assert law.rule is not None
    rule = f"({law.scope.words()} only {law.rule.words()}, {law.citation})"
    if offence.kind is Bar.HOLIDAY:
        return f"a holiday ({offence.holiday}) on which {law.name} bars calls {rule}"
    if offence.kind is Bar.DAY:
        return f"a day on which {law.name} bars calls {rule}"
    return f"an hour {law.name} bars {rule}"


def _hint(offence: StartOffence) -> str:
    advice = "add call_time_window (the windows, in minutes after local midnight, that suit every recipient), or set trigger_timestamp to a moment that does"
    return advice if offence.law is None else f"{advice}; `retell-validate split` writes one payload per legal envelope"


def _utc(minute: int) -> str:
    return f"{datetime.fromtimestamp(minute * 60, UTC):%a %Y-%m-%d %H:%M}"
