"""Some numbers do not say which time zone they ring in, so their calling hours are not fully checked.

Why it matters: RBV701 maps the windows onto each recipient's clock using the
zones phonenumbers knows for the number's prefix. A non-geographic number
(toll-free, or a prefix phonenumbers has no zone for) may be anywhere in its
country; a number in an area that spans zones (Idaho's 208: Boise or Los
Angeles; Alaska's 907: Anchorage or Adak) is checked against each zone. One
finding for each kind, at the first such task, with the count. A number that
is not valid (RBV202) is not counted: its zone is no news.
"""

from collections.abc import Iterator

from validator.calling.reach import batch_start, schedule, several_clocks, unplaced
from validator.calling.recipients import Recipients, numbers, recipients
from validator.context import Context
from validator.diagnostics import Finding, Members, Severity
from validator.knowledge.phones import analyze
from validator.knowledge.recipient_zones import RecipientZones
from validator.rules import Example, Kind

CODE = "RBV703"
NAME = "recipient-zone-unknown"
SEVERITY = Severity.INFO
KIND = Kind.DOCUMENT
FAILS = Example(
    """
    "call_time_window": {"windows": [{"start": 540, "end": 1020}]},
    "tasks": [{"to_number": "+18005550100"}]
    """,
)
PASSES = Example(
    """
    "call_time_window": {"windows": [{"start": 540, "end": 1020}]},
    "tasks": [{"to_number": "+14155550123"}]
    """,
)


def check(ctx: Context) -> Iterator[Finding]:
    if schedule(ctx) is None:
        return
    start = batch_start(ctx)
    unknown: list[tuple[RecipientZones, Recipients]] = []
    ambiguous: list[tuple[RecipientZones, Recipients]] = []
    valid: list[int] = []  # the unplaced tasks whose number is valid
    for zones, who in recipients(ctx).items():
        if unplaced(zones, start):
            indexes = sorted(i for group in who.groups for i in group.indexes if analyze(ctx.tasks[i][1]["to_number"]).valid)
            if indexes:  # an invalid number is RBV202's: its zone is no further news
                pointer, task = ctx.tasks[indexes[0]]
                unknown.append((zones, Recipients(len(indexes), indexes[0], f"{pointer}/to_number", task["to_number"], who.groups)))
                valid += indexes
        elif several_clocks(zones, start):
            ambiguous.append((zones, who))
    if unknown:
        zones, first, count = _summary(unknown)
        why = f"it may be anywhere in {len(zones.zones)} zones of its country" if zones.zones else "phonenumbers knows no zone for it"
        yield ctx.finding(
            first.pointer,
            f"the time zone of {_tasks(count)} cannot be told from the number (first {first.number}: {why}); their local calling hours are not checked",
            "check when these recipients are called by hand, or give them a batch of their own with windows that suit their zone",
            members=Members.spelled(sorted(valid), lambda index: f"{ctx.tasks[index][0]}/to_number"),
        )
    if ambiguous:
        zones, first, count = _summary(ambiguous)
        yield ctx.finding(
            first.pointer,
            f"{_tasks(count)} {'has a number' if count == 1 else 'have numbers'} in an area that spans several time zones "
            f"(first {first.number}: {' or '.join(zones.zones)}); the windows are checked against each zone",
            "nothing to do unless RBV701 reports one of these zones",
            members=numbers(ctx, [g for _, who in ambiguous for g in who.groups]),
        )


def _summary(groups: list[tuple[RecipientZones, Recipients]]) -> tuple[RecipientZones, Recipients, int]:
    zones, first = min(groups, key=lambda group: group[1].index)
    return zones, first, sum(who.count for _, who in groups)


def _tasks(count: int) -> str:
    return f"{count} task{'s' if count != 1 else ''}"
