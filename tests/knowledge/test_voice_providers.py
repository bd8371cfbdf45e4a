"""The voice providers table (validator/knowledge/data/voice_providers.yaml): voice id prefixes and the spec's voice models."""

from __future__ import annotations

from validator.openapi.load import load_spec
from validator.rules.agent._voices import provider_of_voice, providers, spec_voice_models


def test_every_spec_voice_model_has_exactly_one_provider() -> None:
    for model in spec_voice_models(load_spec()):
        owners = [p.key for p in providers() if p.offers(model)]
        assert len(owners) == 1, (model, owners)


def test_voice_id_prefixes() -> None:
    seen = {
        v: (p.key if (p := provider_of_voice(v)) else None)
        for v in ["11labs-Adrian", "cartesia-Cimo", "openai-Alloy", "minimax-Cimo", "fish-abc", "retell-Cimo", "x-1"]
    }
    assert seen == {
        "11labs-Adrian": "elevenlabs",
        "cartesia-Cimo": "cartesia",
        "openai-Alloy": "openai",
        "minimax-Cimo": "minimax",
        "fish-abc": "fish",
        "retell-Cimo": "retell",
        "x-1": None,
    }
