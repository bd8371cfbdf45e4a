"""``agent.timezone`` in an override is not an IANA time zone name.

Why it matters: the agent reads dates and times (``{{current_time}}``, what
"tomorrow" means) in this zone; the API takes IANA names such as
``America/New_York`` and rejects abbreviations (``PST``), UTC offsets and
misspellings (``America/NewYork``). Names are case-sensitive. The advice is
the one ``call_time_window.timezone`` gets (RBV305): the zone meant, with a safe
fix only when the case or spaces differ. ``null`` restores the default and is fine.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.knowledge.timezones import unknown_zone
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind

CODE = "RBV523"
NAME = "agent-timezone-unknown"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"timezone": "America/NewYork"}}}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"timezone": "America/New_York"}}}]')
SPEC_SENTENCES = (("tasks.*.agent_override.agent.timezone", "IANA timezone for the agent"),)


def check(ctx: Context) -> Iterator[Finding]:
    for pointer, agent in ctx.override_sections("agent"):
        zone = agent.get("timezone")
        advice = unknown_zone(zone) if isinstance(zone, str) else None
        if advice is None:
            continue
        meant = advice.replacement
        yield ctx.finding(
            pointer_join(pointer, "timezone"),
            f"`agent.timezone` must be an IANA time zone name such as America/New_York, found {preview(zone)}",
            advice.hint,
            fix=Fix(meant, advice.safe, f"use {meant}") if meant else None,
        )
