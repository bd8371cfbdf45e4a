"""RBV511 voice-emotion-unsupported: `voice_emotion` with a voice whose TTS provider ignores it."""

from __future__ import annotations

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV511"
POINTER = f"{AGENT}/voice_emotion"

CASES = [
    flags(
        "an ElevenLabs voice",
        with_agent(voice_id="11labs-Adrian", voice_emotion="calm"),
        At(POINTER, "warning", says="Cartesia or MiniMax"),
    ),
    flags("an OpenAI voice", with_agent(voice_id="openai-Alloy", voice_emotion="calm"), At(POINTER, says="with OpenAI voice")),
    passes("a Cartesia voice", with_agent(voice_id="cartesia-Cimo", voice_emotion="calm")),
    passes("a MiniMax voice", with_agent(voice_id="minimax-Cimo", voice_emotion="calm")),
    passes("a Retell voice: its engine is not visible", with_agent(voice_id="retell-Cimo", voice_emotion="calm")),
    passes("a custom voice: its provider is not visible", with_agent(voice_id="custom_voice_123", voice_emotion="calm")),
    passes("emotion null", with_agent(voice_id="11labs-Adrian", voice_emotion=None)),
    passes("no voice_id in the override", with_agent(voice_emotion="calm")),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)


def test_the_hint_names_the_providers_that_support_it() -> None:
    assert one(check(with_agent(voice_id="11labs-Adrian", voice_emotion="calm")), CODE).hint == (
        "use a Cartesia or MiniMax voice, or remove `voice_emotion`"
    )
