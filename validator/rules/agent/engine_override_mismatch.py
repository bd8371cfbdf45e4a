"""An override section does not match the response engine the same override sets.

Why it matters: ``retell_llm`` overrides apply only to a ``retell-llm`` response
engine and ``conversation_flow`` overrides only to a ``conversation-flow`` one
(the spec: "Only applicable when using Retell LLM as the response engine").
When the override's own ``agent.response_engine`` names a different engine (or
a ``custom-llm``), the section is ignored on every call.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import ENGINE_SECTIONS, engine_type

CODE = "RBV503"
NAME = "engine-override-mismatch"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"response_engine": {"type": "conversation-flow", "conversation_flow_id": "cf_1"}}, "retell_llm": {"model": "gpt-4.1"}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"response_engine": {"type": "conversation-flow", "conversation_flow_id": "cf_1"}}, "conversation_flow": {"model_temperature": 0.2}}}]'
)
SPEC_SENTENCES = (
    ("tasks.*.agent_override.retell_llm", "Only applicable when using Retell LLM as the response engine"),
    ("tasks.*.agent_override.conversation_flow", "Only applicable when using conversation flow as the response engine"),
)


def check(ctx: Context) -> Iterator[Finding]:
    for pointer, override in ctx.agent_overrides:
        engine = engine_type(override, ctx.spec)
        if engine is None:
            continue
        matching = next((name for name, kind in ENGINE_SECTIONS.items() if kind == engine), None)
        for section, kind in ENGINE_SECTIONS.items():
            if kind == engine or not isinstance(override.get(section), dict) or not override[section]:
                continue
            hint = (
                f"move these settings to `{matching}`" if matching else f"remove `{section}`: a {engine} engine takes no {section} settings"
            )
            yield ctx.finding(
                pointer_join(pointer, section),
                f"`{section}` settings apply only to a {kind} response engine, but this override's"
                f' `agent.response_engine.type` is "{engine}"; they are ignored',
                hint,
            )
