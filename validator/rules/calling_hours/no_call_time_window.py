"""The batch has no ``call_time_window``: calls may go out at any hour.

Why it matters: without windows the batch dials from the moment it starts
until every task is done, night included, in every recipient's zone; a large
batch runs for hours or days. The finding lists the zones the numbers are in
(phonenumbers' zones of each prefix), so you can pick windows that suit them.
A batch of one task is not reported: its one call goes out when the batch is
sent, a moment you choose.
"""

from collections import Counter
from collections.abc import Iterator

from validator.calling.reach import batch_start, unplaced
from validator.calling.recipients import recipients
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind

CODE = "RBV702"
NAME = "no-call-time-window"
SEVERITY = Severity.INFO
KIND = Kind.DOCUMENT
FAILS = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}, {"to_number": "+18085550123"}]}')
PASSES = Example(
    """
    {"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}, {"to_number": "+18085550123"}],
     "call_time_window": {"windows": [{"start": 540, "end": 1020}]}}
    """,
)
_LISTED = 8


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.document.get("call_time_window") is not None or len(ctx.tasks) < 2:
        return
    per_zone: Counter[str] = Counter()
    unknown = 0
    start = batch_start(ctx)
    for zones, who in recipients(ctx).items():
        if not unplaced(zones, start):
            per_zone.update(dict.fromkeys(zones.zones, who.count))
        else:
            unknown += who.count
    listed = [f"{zone} ({count})" for zone, count in sorted(per_zone.items(), key=lambda item: (-item[1], item[0]))]
    where = ", ".join(listed[:_LISTED]) + (f" and {len(listed) - _LISTED} more" if len(listed) > _LISTED else "")
    if unknown:
        where += ("; " if where else "") + f"{unknown} task{'s' if unknown != 1 else ''} in an unknown zone"
    low, high = ctx.settings.calling_hours
    zone = listed[0].split(" ")[0] if listed else "America/New_York"
    yield ctx.finding(
        "",
        f"no call_time_window: calls may go out at any hour of the day or night; recipients' zones: {where or 'none known'}",
        f'add "call_time_window": {{"timezone": "{zone}", "windows": [{{"start": {low}, "end": {high}}}]}} '
        "(minutes after local midnight) or windows that suit every recipient zone",
    )
