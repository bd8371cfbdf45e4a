"""A silence or call timer can never fire because another one ends the call first.

Why it matters: ``end_call_after_silence_ms`` hangs up after the user has been
silent that long, ``max_call_duration_ms`` hangs up after that much call time,
and ``reminder_trigger_ms`` nudges a silent user. A silence timeout at least as
long as the whole call never triggers, and a reminder that comes no sooner
than the silence hang-up is never heard: the setting looks active but does
nothing. Compared only when the same override sets both values (and the
reminder only while ``reminder_max_count`` is not 0).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import is_number

CODE = "RBV522"
NAME = "silence-timer-unreachable"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"reminder_trigger_ms": 30000, "end_call_after_silence_ms": 20000}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"reminder_trigger_ms": 10000, "end_call_after_silence_ms": 20000}}}]'
)

# (the timer that cannot fire, the one that ends the call first, what the first one does)
_PAIRS = (
    ("end_call_after_silence_ms", "max_call_duration_ms", "the call reaches its maximum length before the silence hang-up"),
    ("reminder_trigger_ms", "end_call_after_silence_ms", "the call ends for silence before the reminder"),
)


def check(ctx: Context) -> Iterator[Finding]:
    for pointer, agent in ctx.override_sections("agent"):
        for late, first, why in _PAIRS:
            late_ms, first_ms = agent.get(late), agent.get(first)
            if not (is_number(late_ms) and is_number(first_ms)) or late_ms < first_ms:
                continue
            if late == "reminder_trigger_ms" and agent.get("reminder_max_count") == 0:
                continue  # reminders are off anyway
            yield ctx.finding(
                pointer_join(pointer, late),
                f"`{late}` ({preview(late_ms)}) is not shorter than `{first}` ({preview(first_ms)}): {why}, so it never fires",
                f"make `{late}` shorter than {preview(first_ms)}, or remove it",
            )
