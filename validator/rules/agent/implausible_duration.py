"""A duration in milliseconds for which the spec states no range is negative, or a timeout is 0.

Why it matters: ``webhook_timeout_ms``, ``signed_url_expiration_ms`` and
``begin_after_user_silence_ms`` are described only as times "in
milliseconds", with no limit. A negative time means nothing, and a timeout or
an expiration of 0 leaves no time at all (every webhook would time out, every
signed URL would be expired); the value is almost certainly a slip, though the
spec does not say the API rejects it, hence a warning. Durations whose range
the spec states are RBV504's.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import label, outside_prose_ranges

CODE = "RBV530"
NAME = "implausible-duration"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_timeout_ms": 0}}}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_timeout_ms": 5000}}}]')
SPEC_PROSE = ("implied_unchecked_by_schema",)


def check(ctx: Context) -> Iterator[Finding]:
    for bound, pointer, value in outside_prose_ranges(ctx, implied=True):
        why = "a time cannot be negative" if value < 0 else "a timeout or expiration of 0 ms leaves no time at all"
        yield ctx.finding(
            pointer,
            f"{label(bound.location)} is {preview(value)} ms: {why} (the spec states no range, only that it is in milliseconds)",
            f"use a value {bound.interval()}, or remove the field to use the default",
        )
