"""A setting requires a companion the override does not give (`stt_mode: custom` without `custom_stt_config`).

Why it matters: the spec says of ``stt_mode`` "When set to custom,
custom_stt_config must be provided"; without it the API cannot pick a
speech-to-text provider and rejects the override. Such requirements are read
from the spec's descriptions; ``null`` counts as not provided.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.openapi.prose import prose_constraints
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import in_override, label, override_values

CODE = "RBV507"
NAME = "required-setting"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"stt_mode": "custom"}}}]')
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"stt_mode": "custom", "custom_stt_config": {"provider": "deepgram", "endpointing_ms": 300}}}}]'
)
SPEC_PROSE = ("requirements",)


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.agent_overrides:
        return
    for rule in prose_constraints(ctx.spec).requirements:
        if not in_override(rule.location):
            continue
        for pointer, value, parent in override_values(ctx, rule.location):
            if value != rule.value or parent.get(rule.required) is not None:
                continue
            state = "is null" if rule.required in parent else "is missing"
            yield ctx.finding(
                pointer,
                f'{label(rule.location)} is {preview(value)} but `{rule.required}` {state} (spec: "{rule.text}")',
                f"add `{rule.required}`, or choose another {label(rule.location)}",
            )
