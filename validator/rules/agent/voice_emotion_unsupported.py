"""`voice_emotion` is set for a voice whose TTS provider does not support it.

Why it matters: the spec says voice emotion is "Currently supported for
Cartesia and Minimax TTS providers"; with an ElevenLabs or OpenAI voice the
emotion is silently ignored. The supported providers are read from that
sentence; the provider of ``voice_id`` comes from its prefix
(``validator/knowledge/data/voice_providers.yaml``). Retell's own voices (``retell-…``)
and unknown (custom) voice ids are not reported: their engine is not visible.
Only checked when the same override sets ``voice_id``.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.openapi.prose import prose_constraints
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import in_override, label, override_values
from validator.rules.agent._voices import provider_of_voice, providers

CODE = "RBV511"
NAME = "voice-emotion-unsupported"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_id": "11labs-Adrian", "voice_emotion": "calm"}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_id": "cartesia-Cimo", "voice_emotion": "calm"}}}]'
)
SPEC_PROSE = ("supported_providers",)


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.agent_overrides:
        return
    for rule in prose_constraints(ctx.spec).supported_providers:
        if not in_override(rule.location):
            continue
        supported = [p for p in providers() if p.name.lower() in rule.providers]
        names = " or ".join(p.name for p in supported)
        for pointer, value, parent in override_values(ctx, rule.location):
            provider = provider_of_voice(parent.get("voice_id"))
            if value is None or provider is None or provider.opaque or provider in supported:
                continue
            yield ctx.finding(
                pointer,
                f"{label(rule.location)} {preview(value)} has no effect with {provider.name} voice"
                f' {preview(parent["voice_id"])}: it is supported only by {names} (spec: "{rule.text}")',
                f"use a {names} voice, or remove {label(rule.location)}",
            )
