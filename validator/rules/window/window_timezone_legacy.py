"""``call_time_window.timezone`` is a legacy zone: a fixed offset or a POSIX-style name.

Why it matters: tzdata still accepts ``EST``, ``MST``, ``HST`` and
``Etc/GMT+5``, but they are fixed offsets that never observe daylight saving:
``EST`` is UTC−05:00 all year, so from March to November a 09:00–17:00 window
runs 10:00–18:00 New York time. (``Etc/GMT+5`` is UTC−05:00: Etc names invert
the sign.) Names such as ``EST5EDT`` and ``CET`` are kept only for
compatibility. The hint names the zone of the place (America/New_York). UTC
and GMT themselves are fine.
"""

from collections.abc import Iterator

from validator.calling.windows import window_field
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.knowledge.timezones import ZoneSuggestion, abbreviation, legacy_reason
from validator.rules import Example, Kind

CODE = "RBV306"
NAME = "window-timezone-legacy"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020}], "timezone": "EST"}')
PASSES = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020}], "timezone": "America/New_York"}')


def check(ctx: Context) -> Iterator[Finding]:
    zone = window_field(ctx, "timezone")
    if not isinstance(zone, str):
        return
    reason = legacy_reason(zone)
    if reason is None:
        return
    meant = abbreviation(zone)
    hint = (
        ZoneSuggestion("for local time with daylight saving", meant, False).words()
        if meant
        else "use the Region/City zone of the place you call"
    )
    yield ctx.finding("/call_time_window/timezone", f"`timezone` {reason}", hint)
