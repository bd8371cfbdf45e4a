"""RBV514 fallback-voice-same-provider: a fallback voice from the TTS provider of `voice_id` itself."""

from __future__ import annotations

from tests.helpers import with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV514"

CASES = [
    flags(
        "the second fallback is ElevenLabs too",
        with_agent(voice_id="11labs-Adrian", fallback_voice_ids=["cartesia-Cimo", "11labs-Rachel"]),
        At(f"{AGENT}/fallback_voice_ids/1", "error", says="is from ElevenLabs, the same provider as `voice_id`"),
    ),
    flags(
        "Retell voices are a provider of their own",
        with_agent(voice_id="retell-Cimo", fallback_voice_ids=["retell-Marissa"]),
        At(f"{AGENT}/fallback_voice_ids/0", "error"),
    ),
    passes("fallbacks from other providers", with_agent(voice_id="11labs-Adrian", fallback_voice_ids=["cartesia-Cimo", "openai-Alloy"])),
    passes("a Retell voice and a Cartesia fallback", with_agent(voice_id="retell-Cimo", fallback_voice_ids=["cartesia-Cimo"])),
    passes("a custom voice: its provider is not visible", with_agent(voice_id="custom_a", fallback_voice_ids=["custom_b"])),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)
