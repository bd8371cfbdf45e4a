"""A fallback voice comes from the same TTS provider as `voice_id`.

Why it matters: fallback voices are used "When TTS provider for the selected
voice is experiencing outages", and the spec requires "Voice id and the
fallback voice ids must be from different TTS providers": a fallback from the
same provider would be down too, and the API rejects it. Providers are read
from voice id prefixes (``validator/knowledge/data/voice_providers.yaml``); ``retell-``
voices count as their own provider, unknown (custom) ids are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind
from validator.rules.agent._voices import provider_of_voice

CODE = "RBV514"
NAME = "fallback-voice-same-provider"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_id": "11labs-Adrian", "fallback_voice_ids": ["11labs-Rachel"]}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_id": "11labs-Adrian", "fallback_voice_ids": ["cartesia-Cimo"]}}}]'
)
SPEC_SENTENCES = (("tasks.*.agent_override.agent.fallback_voice_ids", "must be from different TTS providers"),)


def check(ctx: Context) -> Iterator[Finding]:
    for pointer, agent in ctx.override_sections("agent"):
        fallbacks = agent.get("fallback_voice_ids")
        primary = provider_of_voice(agent.get("voice_id"))
        if primary is None or not isinstance(fallbacks, list):
            continue
        for index, fallback in enumerate(fallbacks):
            if provider_of_voice(fallback) is primary:
                yield ctx.finding(
                    pointer_join(pointer, "fallback_voice_ids", index),
                    f"fallback voice {preview(fallback)} is from {primary.name}, the same provider as `voice_id`"
                    f" {preview(agent['voice_id'])}; fallbacks must come from a different TTS provider",
                    f"use a voice from another provider than {primary.name}",
                )
