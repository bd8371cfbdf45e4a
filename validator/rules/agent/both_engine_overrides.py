"""An agent override carries both a `retell_llm` and a `conversation_flow` section.

Why it matters: an agent has one response engine. ``retell_llm`` settings apply
only to a Retell LLM engine and ``conversation_flow`` settings only to a
conversation flow, so one of the two sections is silently ignored on every
call. When the override also sets ``agent.response_engine``, the
``engine-override-mismatch`` rule names the section that is ignored instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import ENGINE_SECTIONS, engine_type

CODE = "RBV502"
NAME = "both-engine-overrides"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"retell_llm": {"model": "gpt-4.1"}, "conversation_flow": {"model_temperature": 0.2}}}]'
)
PASSES = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"retell_llm": {"model": "gpt-4.1"}}}]')


def check(ctx: Context) -> Iterator[Finding]:
    for pointer, override in ctx.agent_overrides:
        present = [name for name in ENGINE_SECTIONS if isinstance(override.get(name), dict) and override[name]]
        if len(present) < len(ENGINE_SECTIONS) or engine_type(override, ctx.spec) is not None:
            continue
        yield ctx.finding(
            pointer,
            f"this override sets both `{present[0]}` and `{present[1]}`, but only the section matching the agent's"
            " response engine applies; the other is ignored",
            "keep only the section for the agent's engine: "
            + ", ".join(f"`{section}` for a {kind} engine" for section, kind in ENGINE_SECTIONS.items()),
        )
