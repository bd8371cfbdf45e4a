"""`voice_model` belongs to a different TTS provider than `voice_id`.

Why it matters: "Each provider has a set of available voice models" (spec); an
ElevenLabs voice cannot be spoken by Cartesia's ``sonic-3``, and the API
rejects the pair or the call falls back to defaults. The provider of a voice
id is its prefix (``11labs-``, ``cartesia-``, ``openai-``, ``minimax-``,
``fish-``) and the models of each provider are matched against the spec's
``voice_model`` list, both from ``validator/knowledge/data/voice_providers.yaml``.
Retell's own voices (``retell-…``) and unknown (custom) voice ids are not
checked: their engine is not visible in the id. Only checked when the same
override sets ``voice_id``.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.openapi.tools import enum_list
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind
from validator.rules.agent._voices import provider_of_model, provider_of_voice, spec_voice_models

CODE = "RBV513"
NAME = "voice-model-provider"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_id": "11labs-Adrian", "voice_model": "sonic-3"}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_id": "11labs-Adrian", "voice_model": "eleven_turbo_v2_5"}}}]'
)


def check(ctx: Context) -> Iterator[Finding]:
    known_models: list[str] | None = None
    for pointer, agent in ctx.override_sections("agent"):
        model = agent.get("voice_model")
        voice = provider_of_voice(agent.get("voice_id"))
        if not isinstance(model, str) or voice is None or voice.opaque or voice.offers(model):
            continue
        if known_models is None:
            known_models = spec_voice_models(ctx.spec)
        if model not in known_models:
            continue  # not a voice model at all: the schema's enum finding says so
        owner = provider_of_model(model)
        offered = [m for m in known_models if voice.offers(m)]
        yield ctx.finding(
            pointer_join(pointer, "voice_model"),
            f"`voice_model` {preview(model)} belongs to {owner.name if owner else 'another provider'}, but `voice_id`"
            f" {preview(agent['voice_id'])} is a voice from {voice.name}",
            f"use one of {enum_list(offered)} or remove `voice_model` to use the default" if offered else "remove `voice_model`",
        )
