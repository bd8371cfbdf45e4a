"""The call windows reach recipients at local times their jurisdiction's calling-time law bars.

Why it matters: a batch has one window in one time zone, but the law that
applies is the one where each recipient is, and many places are stricter than the
federal 08:00–21:00: Florida allows solicitation calls only 08:00–20:00 (Fla. Stat.
§ 501.616(6)(a), the basis of class actions at $500 per call), Texas 09:00–21:00 and
noon–21:00 on Sunday, Canada 09:00–21:30 on weekdays and 10:00–18:00 at weekends.
The place comes from the number (phonenumbers' geocoder: US state or territory,
Canadian province, other countries by region; a toll-free number is judged by the
strictest place it could ring). The batch's calendar is checked as it really runs:
from ``trigger_timestamp`` (or ``--now``) over ``horizon-days`` (default 14), the
windows in their zone, the ``day`` list, daylight saving in both zones.

One finding per jurisdiction (never one per task): the rule and its citation, the
local times and weekdays that fall outside, the first example, how many tasks, at
the first such task's ``to_number``; the barred local times are given per group of
days (Texas: 08:00–09:00 Monday–Saturday and 08:00–12:00 Sunday). An entry is silent
when its scope does not name the batch's ``call-purpose`` (solicitation,
informational, debt-collection, charitable, poll). The table of jurisdictions, with
the evidence for each entry, is in docs/calling-hours.md (``retell-validate split`` writes one payload
per legal envelope).
"""

from collections.abc import Iterator

from validator.calling.law import findings, jurisdictions
from validator.calling.law_table import Bar
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind

CODE = "RBV705"
NAME = "outside-legal-hours"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    """
    "call_time_window": {"timezone": "America/New_York", "windows": [{"start": 540, "end": 1260}]},
    "tasks": [{"to_number": "+13055550123"}]
    """,
    note="a Florida number at 20:00–21:00 its time",
)
PASSES = Example(
    """
    "call_time_window": {"timezone": "America/New_York", "windows": [{"start": 540, "end": 1200}]},
    "tasks": [{"to_number": "+13055550123"}]
    """,
)
__doc__ = (__doc__ or "") + jurisdictions(automated=False, kind=Bar.HOURS)  # the table the rule checks, from the data file


def check(ctx: Context) -> Iterator[Finding]:
    return findings(ctx, automated=False, kind=Bar.HOURS)
