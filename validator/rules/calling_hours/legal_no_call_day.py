"""The call windows reach recipients on a weekday their jurisdiction allows no calls.

Why it matters: some places bar calls on whole days: Louisiana, Alabama,
Mississippi, Utah and Rhode Island on Sundays, Australia, Italy, South Africa and
Colombia on Sundays, France, Spain and Rio de Janeiro at weekends. The weekday is
the recipient's own: a Saturday 21:00 Los Angeles window is Sunday morning in Europe. Checked over the batch's
calendar (``trigger_timestamp`` or ``--now``, ``horizon-days``), in each
recipient's zone, across daylight saving. One finding per jurisdiction: the rule
and its citation, the weekdays and dates reached, how many tasks, the first
example, at the first such task's ``to_number``. Silent for entries whose scope does
not name the batch's ``call-purpose``; ``day`` in ``call_time_window`` (or
``retell-validate split``) keeps the batch off those days.
"""

from collections.abc import Iterator

from validator.calling.law import findings, jurisdictions
from validator.calling.law_table import Bar
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind

CODE = "RBV706"
NAME = "legal-no-call-day"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    """
    "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 600, "end": 1020}]},
    "tasks": [{"to_number": "+15045550123"}]
    """,
    note="a Louisiana number on Sunday",
)
PASSES = Example(
    """
    "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 600, "end": 1020}],
                         "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]},
    "tasks": [{"to_number": "+15045550123"}]
    """,
)
__doc__ = (__doc__ or "") + jurisdictions(automated=False, kind=Bar.DAY)  # the table the rule checks, from the data file


def check(ctx: Context) -> Iterator[Finding]:
    return findings(ctx, automated=False, kind=Bar.DAY)
