"""``call_time_window.timezone`` is not an IANA time zone name.

Why it matters: the windows are read in this zone; the API takes IANA names
such as ``America/Los_Angeles`` and rejects abbreviations (``PST``, ``EDT``),
UTC offsets (``UTC-5``) and misspellings. Names are case-sensitive. The hint
names the zone meant: for an abbreviation, the zones it stands for (from
``validator/knowledge/data/timezone_abbreviations.yaml``); the fix is safe only when
the case or spaces differ (``america/new_york``). The list of names is the one
the tzdata package ships, so every machine gives the same verdict.
"""

from collections.abc import Iterator

from validator.calling.windows import window_field
from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.knowledge.timezones import unknown_zone
from validator.rules import Example, Kind

CODE = "RBV305"
NAME = "window-timezone-unknown"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020}], "timezone": "PST"}')
PASSES = Example('"call_time_window": {"windows": [{"start": 540, "end": 1020}], "timezone": "America/Los_Angeles"}')
SPEC_SENTENCES = (("call_time_window.timezone", "IANA timezone"),)


def check(ctx: Context) -> Iterator[Finding]:
    zone = window_field(ctx, "timezone")
    advice = unknown_zone(zone) if isinstance(zone, str) else None
    if advice is None:
        return
    meant = advice.replacement
    yield ctx.finding(
        "/call_time_window/timezone",
        f"`timezone` must be an IANA time zone name such as America/Los_Angeles, found {preview(zone)}",
        advice.hint,
        fix=Fix(meant, advice.safe, f"use {meant}") if meant else None,
    )
