"""The call windows reach recipients outside the hours their jurisdiction allows automated calls.

Why it matters: several places limit calls placed by an automatic dialing and
announcing device: Nevada 09:00–21:00 (NRS 597.814), Oklahoma and California
09:00–21:00, Nebraska, Kentucky and Washington 08:00–21:00, Canada as its
telemarketing hours, whatever the purpose; Alabama (08:00–20:00, never on Sundays
or holidays), Maine (weekdays 09:00–17:00) and South Dakota (weekdays 09:00–21:00)
for automated solicitation only. A Retell agent dials automatically and speaks with
an artificial voice (the FCC treats AI-generated voices as artificial, FCC 24-17),
so these rules are checked for every batch whose ``call-purpose`` their scope names;
ignore RBV708 if counsel reads your calls otherwise. One finding per
jurisdiction covering hours, weekdays and holidays together, over the batch's
calendar (``trigger_timestamp`` or ``--now``, ``horizon-days``), at the first such
task's ``to_number``.
"""

from collections.abc import Iterator

from validator.calling.law import findings, jurisdictions
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind

CODE = "RBV708"
NAME = "automated-call-hours"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    """
    "call_time_window": {"timezone": "America/Los_Angeles", "windows": [{"start": 480, "end": 1200}]},
    "tasks": [{"to_number": "+17025550123"}]
    """,
    note="a Nevada number at 08:00 its time",
)
PASSES = Example(
    """
    "call_time_window": {"timezone": "America/Los_Angeles", "windows": [{"start": 540, "end": 1200}]},
    "tasks": [{"to_number": "+17025550123"}]
    """,
)
__doc__ = (__doc__ or "") + jurisdictions(automated=True)  # the table the rule checks, from the data file


def check(ctx: Context) -> Iterator[Finding]:
    return findings(ctx, automated=True)
