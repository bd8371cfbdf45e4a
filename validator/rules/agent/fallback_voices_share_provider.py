"""Two fallback voices come from the same TTS provider.

Why it matters: the fallback list is tried in order during a provider outage.
If the first fallback's provider is down, a second fallback from that same
provider is down too, so it adds nothing; a fallback from a third provider
would. (A fallback sharing the provider of ``voice_id`` itself is the
``fallback-voice-same-provider`` error, and the same voice listed twice is
``repeated-list-item``'s.) Providers are read from voice id prefixes; unknown
(custom) ids are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind
from validator.rules.agent._voices import Provider, provider_of_voice

CODE = "RBV515"
NAME = "fallback-voices-share-provider"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_id": "11labs-Adrian", "fallback_voice_ids": ["cartesia-Cimo", "cartesia-Tina"]}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_id": "11labs-Adrian", "fallback_voice_ids": ["cartesia-Cimo", "openai-Alloy"]}}}]'
)


def check(ctx: Context) -> Iterator[Finding]:
    for pointer, agent in ctx.override_sections("agent"):
        fallbacks = agent.get("fallback_voice_ids")
        if not isinstance(fallbacks, list):
            continue
        primary = provider_of_voice(agent.get("voice_id"))
        first_of: dict[Provider, int] = {}
        for index, fallback in enumerate(fallbacks):
            provider = provider_of_voice(fallback)
            if provider is None or provider is primary:
                continue  # unknown, or the error rule's case
            if fallback in fallbacks[:index]:
                continue  # the same voice again: RBV526's repeated item, with its fix
            if provider in first_of:
                earlier = first_of[provider]
                yield ctx.finding(
                    pointer_join(pointer, "fallback_voice_ids", index),
                    f"fallback voice {preview(fallback)} is from {provider.name}, like fallback {preview(fallbacks[earlier])}"
                    f" (item {earlier}); if {provider.name} is down both fail, so this one adds nothing",
                    "use a voice from a provider not yet in the list, or remove the repeat",
                )
            else:
                first_of[provider] = index
