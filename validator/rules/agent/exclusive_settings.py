"""Two settings the spec says cannot be set together are both set (`model` and `s2s_model`).

Why it matters: a Retell LLM runs either a text LLM (``model``) or a speech-to-speech
model (``s2s_model``); the spec says "Can only set this or model, not both", and
the API rejects an override with both. The pairs are read from such sentences in
the spec's descriptions. ``null`` counts as not set.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.openapi.prose import prose_constraints
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import in_override, label, override_values

CODE = "RBV506"
NAME = "exclusive-settings"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"retell_llm": {"model": "gpt-4.1", "s2s_model": "gpt-realtime"}}}]'
)
PASSES = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"retell_llm": {"model": null, "s2s_model": "gpt-realtime"}}}]')
SPEC_PROSE = ("exclusions",)


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.agent_overrides:
        return
    for rule in prose_constraints(ctx.spec).exclusions:
        if not in_override(rule.location):
            continue
        for pointer, value, parent in override_values(ctx, rule.location):
            other = parent.get(rule.other)
            if value is None or other is None:
                continue
            name = label(rule.location)
            yield ctx.finding(
                pointer,
                f'{name} is {preview(value)} and `{rule.other}` is {preview(other)}; only one may be set (spec: "{rule.text}")',
                f"remove `{rule.other}` to use {name}, or remove {name}",
            )
