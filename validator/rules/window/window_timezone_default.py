"""``call_time_window`` has no ``timezone``, so its windows are read in America/Los_Angeles.

Why it matters: the API's default zone is America/Los_Angeles. A batch for
customers in New York with a 09:00–17:00 window and no ``timezone`` calls them
from noon to 20:00. This is information, not an error: set the zone even when
it is the default so that the payload says what it means.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.openapi.prose import default_zone
from validator.rules import Example, Kind

CODE = "RBV309"
NAME = "window-timezone-default"
SEVERITY = Severity.INFO
KIND = Kind.DOCUMENT
FAILS = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020}]}')
PASSES = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020}], "timezone": "America/Los_Angeles"}')


def check(ctx: Context) -> Iterator[Finding]:
    window = ctx.call_time_window
    if window is not None and "timezone" not in window:
        zone = default_zone(ctx.spec)  # stated only in the spec's prose
        default = f"{zone}, the API default" if zone else "the API's default zone"
        yield ctx.finding(
            "/call_time_window",
            f"`call_time_window` has no `timezone`: its windows are read in {default}",
            'add "timezone" with the IANA zone of the people you call, e.g. America/New_York',
        )
