"""A setting depends on who speaks first, and this override makes the other side speak first.

Why it matters: ``begin_message_delay_ms`` is "Only applicable when agent speaks
first"; ``begin_after_user_silence_ms`` "only applies if the agent is
configured to wait for the user to speak first"; and a ``begin_message`` of
``""`` makes the agent wait for the user. Combined with a ``start_speaker``
that says the opposite in the same override, the setting silently does
nothing (or the two contradict each other). Reported only when the override
itself sets ``start_speaker``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import is_finite_number, preview
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import ENGINE_SECTIONS

CODE = "RBV520"
NAME = "speaker-dependent-setting"
SEVERITY = Severity.INFO
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"begin_message_delay_ms": 1000}, "retell_llm": {"start_speaker": "user"}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"begin_message_delay_ms": 1000}, "retell_llm": {"start_speaker": "agent"}}}]'
)
SPEC_SENTENCES = (
    ("tasks.*.agent_override.agent.begin_message_delay_ms", "Only applicable when agent speaks first"),
    (
        "tasks.*.agent_override.retell_llm.begin_after_user_silence_ms",
        "This only applies if the agent is configured to wait for the user to speak first",
    ),
    (
        "tasks.*.agent_override.conversation_flow.begin_after_user_silence_ms",
        "This only applies if the agent is configured to wait for the user to speak first",
    ),
    ("tasks.*.agent_override.retell_llm.begin_message", 'If set to "", agent will wait for user to speak first'),
)

AGENT, USER = "agent", "user"


def check(ctx: Context) -> Iterator[Finding]:
    for pointer, override in ctx.agent_overrides:
        for section in ENGINE_SECTIONS:
            engine = override.get(section)
            if isinstance(engine, dict):
                yield from _engine_section(ctx, pointer_join(pointer, section), section, engine)
        yield from _begin_delay(ctx, pointer, override)


def _engine_section(ctx: Context, pointer: str, section: str, engine: dict[str, Any]) -> Iterator[Finding]:
    speaker = engine.get("start_speaker")
    waits_for_user = engine.get("begin_message") == ""  # the agent waits even with start_speaker "agent"
    if speaker == AGENT and not waits_for_user and is_finite_number(engine.get("begin_after_user_silence_ms")):
        yield ctx.finding(
            pointer_join(pointer, "begin_after_user_silence_ms"),
            f'`{section}.begin_after_user_silence_ms` applies only when the user speaks first, but `start_speaker` is "agent"; it has no effect',
            'remove it, or set "start_speaker": "user"',
        )
    if speaker == AGENT and waits_for_user:
        yield ctx.finding(
            pointer_join(pointer, "begin_message"),
            f'`{section}.begin_message` is "", which makes the agent wait for the user to speak first, but `start_speaker` is "agent"',
            'set "start_speaker": "user" if the user should speak first, or write the opening line in `begin_message`',
        )


def _begin_delay(ctx: Context, pointer: str, override: dict[str, Any]) -> Iterator[Finding]:
    agent = override.get("agent")
    delay = agent.get("begin_message_delay_ms") if isinstance(agent, dict) else None
    if not is_finite_number(delay) or delay == 0:
        return  # absent, or of a type the schema reports (RBV102)
    for section in ENGINE_SECTIONS:
        engine = override.get(section)
        if not isinstance(engine, dict):
            continue
        if engine.get("start_speaker") == USER:
            why = f'`{section}.start_speaker` is "user"'
        elif engine.get("begin_message") == "":
            why = f'`{section}.begin_message` is "" (the agent waits for the user)'
        else:
            continue
        yield ctx.finding(
            pointer_join(pointer, "agent", "begin_message_delay_ms"),
            f"`begin_message_delay_ms` ({preview(delay)}) applies only when the agent speaks first, but {why}; it has no effect",
            "remove `begin_message_delay_ms`, or let the agent speak first",
        )
        return
