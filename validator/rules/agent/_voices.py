"""Voice providers for the voice rules: who speaks a voice id, which models they offer.

The table lives in ``validator/knowledge/data/voice_providers.yaml``; the list of voice
models comes from the spec's ``voice_model`` enum.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache
from typing import Any

from validator.knowledge.tables import load_table
from validator.openapi.load import Spec


@dataclass(frozen=True)
class Provider:
    key: str
    name: str
    voice_id_prefixes: tuple[str, ...]
    voice_models: tuple[str, ...]
    opaque: bool = False

    def offers(self, model: str) -> bool:
        return any(fnmatchcase(model, pattern) for pattern in self.voice_models)


@cache
def providers() -> tuple[Provider, ...]:
    table = load_table("voice_providers")["providers"]
    return tuple(
        Provider(
            key=key,
            name=entry["name"],
            voice_id_prefixes=tuple(p.lower() for p in entry["voice_id_prefixes"]),
            voice_models=tuple(entry.get("voice_models") or ()),
            opaque=bool(entry.get("opaque", False)),
        )
        for key, entry in table.items()
    )


def provider_of_voice(voice_id: Any) -> Provider | None:
    """The provider a voice id names by its prefix; None for unknown (custom) voices."""
    if not isinstance(voice_id, str):
        return None
    lowered = voice_id.lower()
    return next((p for p in providers() if lowered.startswith(p.voice_id_prefixes)), None)


def provider_of_model(model: str) -> Provider | None:
    return next((p for p in providers() if p.offers(model)), None)


def spec_voice_models(spec: Spec) -> list[str]:
    """The ``voice_model`` values the spec allows, in spec order."""
    node = spec.subschema("tasks", "items", "agent_override", "agent", "voice_model")
    return [v for v in node.get("enum", []) if isinstance(v, str)]
