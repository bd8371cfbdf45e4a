"""A number in an agent override is outside the range the spec states in prose.

Why it matters: many ranges live only in the field descriptions, not in the
schema: ``voice_temperature``, ``volume`` and ``ambient_sound_volume`` "Value
ranging from [0,2]", ``end_call_after_silence_ms`` "The minimum value allowed
is 10,000 ms", ``max_call_duration_ms`` up to 7,200,000, ``reminder_trigger_ms``
"Must be a positive number", and so on. The API rejects such values or the call
misbehaves, yet a schema validator lets them through. The ranges are read from
the spec's descriptions (:mod:`validator.openapi.prose`). Ranges the schema itself
enforces are left to RBV104; bounds only implied by a unit (a duration "in
milliseconds" that states no range) are RBV530's, a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.openapi.prose import Range
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import label, outside_prose_ranges

CODE = "RBV504"
NAME = "documented-range"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"end_call_after_silence_ms": 9999}}}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"end_call_after_silence_ms": 10000}}}]')
SPEC_PROSE = ("stated_unchecked_by_schema",)


def check(ctx: Context) -> Iterator[Finding]:
    for bound, pointer, value in outside_prose_ranges(ctx, implied=False):
        yield ctx.finding(
            pointer,
            f'{label(bound.location)} must be {bound.describe()}, found {preview(value)} (spec: "{bound.text}")',
            f"allowed range: {bound.interval()}",
            fix=_clamp(bound, value),
        )


def _clamp(bound: Range, value: float) -> Fix | None:
    """The nearest allowed value, when the violated bound is inclusive (a guess at intent: unsafe)."""
    if bound.high is not None and value > bound.high:
        return Fix(bound.high, safe=False, title=f"use the maximum, {bound.high}")
    if bound.low is not None and value < bound.low and not bound.low_exclusive:
        return Fix(bound.low, safe=False, title=f"use the minimum, {bound.low}")
    return None
