"""The batch's calendar reaches recipients on a public holiday when their jurisdiction bars calls.

Why it matters: Louisiana, Alabama, Utah, Rhode Island, Pennsylvania, British
Columbia, Australia, France, Spain, Italy, South Africa, Colombia and Rio de Janeiro
bar calls on (some) public holidays. Holidays come from the ``holidays`` package for
the recipient's country and state (in Spain the recipient's own autonomous community,
told by a fixed number's province), narrowed or completed where the statute's own
list differs (Rhode Island adds May 4 and election day; Pennsylvania adds Good
Friday, Flag Day and election day; France counts only the 11 days of the Code du
travail). Only the dates the batch can
really run are checked: from ``trigger_timestamp`` (or ``--now``) over
``horizon-days`` (default 14), on the recipient's local date. One finding per
jurisdiction: the rule and its citation, which dates (with the holiday's name),
how many tasks, the first example, at the first such task's ``to_number``.
Holidays proclaimed case by case (a governor's declaration) cannot be known in
advance. Silent for entries whose scope does not name the batch's ``call-purpose``.
"""

from collections.abc import Iterator

from validator.calling.law import findings, jurisdictions
from validator.calling.law_table import Bar
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind

CODE = "RBV707"
NAME = "legal-holiday"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    """
    "trigger_timestamp": 1783090800000,
    "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 600, "end": 1020}]},
    "tasks": [{"to_number": "+15045550123"}]
    """,
    note="a Louisiana number on Independence Day, observed, Friday 2026-07-03",
)
PASSES = Example(
    """
    "trigger_timestamp": 1784300400000,
    "call_time_window": {"timezone": "America/Chicago", "windows": [{"start": 600, "end": 1020}],
                         "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]},
    "tasks": [{"to_number": "+15045550123"}]
    """,
    note="a trigger two weeks later",
)
__doc__ = (__doc__ or "") + jurisdictions(automated=False, kind=Bar.HOLIDAY)  # the table the rule checks, from the data file


def check(ctx: Context) -> Iterator[Finding]:
    return findings(ctx, automated=False, kind=Bar.HOLIDAY)
