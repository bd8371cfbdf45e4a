"""`custom_stt_config.endpointing_ms` is below the minimum of the chosen STT provider.

Why it matters: the spec states a different floor per provider ("Minimum is 100
for Azure, 10 for Deepgram, 500 for Soniox"); a smaller value is rejected. The
minimums are read from that sentence in the spec, not copied into code.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.openapi.prose import prose_constraints
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import in_override, is_number, label, override_values

CODE = "RBV505"
NAME = "endpointing-below-provider-minimum"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"stt_mode": "custom", "custom_stt_config": {"provider": "soniox", "endpointing_ms": 300}}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"stt_mode": "custom", "custom_stt_config": {"provider": "deepgram", "endpointing_ms": 300}}}}]'
)
SPEC_PROSE = ("provider_minimums",)


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.agent_overrides:
        return
    for rule in prose_constraints(ctx.spec).provider_minimums:
        if not in_override(rule.location):
            continue
        minimums = dict(rule.minimums)
        for pointer, value, parent in override_values(ctx, rule.location):
            provider = parent.get(rule.selector)
            minimum = minimums.get(provider) if isinstance(provider, str) else None
            if minimum is None or not is_number(value) or value >= minimum:
                continue
            yield ctx.finding(
                pointer,
                f"{label(rule.location)} is {preview(value)}, below the minimum of {minimum} for {rule.selector}"
                f' "{provider}" (spec: "{rule.text}")',
                f"use at least {minimum}",
                fix=Fix(minimum, safe=False, title=f"use the {provider} minimum, {minimum}"),
            )
