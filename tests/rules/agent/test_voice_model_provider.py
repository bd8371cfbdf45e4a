"""RBV513 voice-model-provider: a `voice_model` of another TTS provider than the one `voice_id` names."""

from __future__ import annotations

import pytest

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes
from validator.openapi.load import load_spec
from validator.rules.agent._voices import provider_of_voice, providers, spec_voice_models

CODE = "RBV513"
POINTER = f"{AGENT}/voice_model"

MISMATCHED = [
    ("11labs-Adrian", "sonic-3"),
    ("cartesia-Cimo", "eleven_v3"),
    ("openai-Alloy", "s2-pro"),
    ("minimax-Cimo", "tts-1"),
    ("fish-x", "speech-02-turbo"),
]

CASES = [
    flags(
        "an ElevenLabs voice with a Cartesia model",
        with_agent(voice_id="11labs-Adrian", voice_model="sonic-3"),
        At(POINTER, "error", says='`voice_model` "sonic-3" belongs to Cartesia, but `voice_id` "11labs-Adrian" is a voice from ElevenLabs'),
    ),
    *(flags(f"{voice} with {model}", with_agent(voice_id=voice, voice_model=model), POINTER) for voice, model in MISMATCHED[1:]),
    passes("ElevenLabs with its own model", with_agent(voice_id="11labs-Adrian", voice_model="eleven_turbo_v2_5")),
    passes("Cartesia with its own model", with_agent(voice_id="cartesia-Cimo", voice_model="sonic-3.5")),
    passes("OpenAI with its own model", with_agent(voice_id="openai-Alloy", voice_model="gpt-4o-mini-tts")),
    passes("MiniMax with its own model", with_agent(voice_id="minimax-Cimo", voice_model="speech-2.8-turbo")),
    passes("Fish Audio with its own model", with_agent(voice_id="fish-x", voice_model="s2.1-pro")),
    passes("a Retell voice: its engine is not visible", with_agent(voice_id="retell-Cimo", voice_model="sonic-3")),
    passes("a custom voice: its provider is not visible", with_agent(voice_id="custom_voice_1", voice_model="tts-1")),
    passes("a model the spec does not list is the schema's", with_agent(voice_id="11labs-Adrian", voice_model="sonic-99")),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES, {"a model the spec does not list is the schema's": ["RBV103"]})


@pytest.mark.parametrize(("voice", "model"), MISMATCHED)
def test_the_hint_lists_the_voices_own_models(voice: str, model: str) -> None:
    hint = one(check(with_agent(voice_id=voice, voice_model=model)), CODE).hint
    assert hint is not None and hint.startswith("use one of [")


# --- The voice providers table (validator/knowledge/data/voice_providers.yaml): voice id prefixes and the spec's voice models.


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
