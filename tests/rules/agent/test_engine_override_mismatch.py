"""RBV503 engine-override-mismatch: an override section for another response engine than the one the override sets."""

from __future__ import annotations

from typing import Any

from tests.helpers import check, one, with_task
from tests.rules.agent import FLOW, LLM, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV503"
CF_ENGINE = {"type": "conversation-flow", "conversation_flow_id": "cf_1"}
LLM_ENGINE = {"type": "retell-llm", "llm_id": "llm_1"}
CUSTOM_ENGINE = {"type": "custom-llm", "llm_websocket_url": "wss://llm.example.com"}


def override(engine: dict[str, Any], **sections: dict[str, Any]) -> dict[str, Any]:
    return with_task(agent_override={"agent": {"response_engine": engine}, **sections})


LLM_ON_FLOW = override(CF_ENGINE, retell_llm={"model": "gpt-4.1"})
LLM_ON_CUSTOM = override(CUSTOM_ENGINE, retell_llm={"model": "gpt-4.1"})

CASES = [
    flags(
        "retell_llm settings on a conversation flow",
        LLM_ON_FLOW,
        At(LLM, "warning", says='`agent.response_engine.type` is "conversation-flow"'),
    ),
    flags("conversation_flow settings on a Retell LLM", override(LLM_ENGINE, conversation_flow={"model_temperature": 0.2}), FLOW),
    flags(
        "both sections: only the mismatched one",
        override(CF_ENGINE, retell_llm={"model": "gpt-4.1"}, conversation_flow={"model_temperature": 0.2}),
        LLM,
    ),
    flags("a custom LLM takes no section", LLM_ON_CUSTOM, LLM),
    passes("the matching section", override(CF_ENGINE, conversation_flow={"model_temperature": 0.2})),
    passes("an empty mismatched section", override(CF_ENGINE, retell_llm={})),
    passes("an engine type the spec does not know is the schema's", override({"type": "foo"}, retell_llm={"model": "gpt-4.1"})),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES, {"an engine type the spec does not know is the schema's": ["RBV107"]})


def test_the_hint_moves_the_settings_to_the_matching_section() -> None:
    assert one(check(LLM_ON_FLOW), CODE).hint == "move these settings to `conversation_flow`"


def test_with_a_custom_llm_the_hint_removes_the_section() -> None:
    assert one(check(LLM_ON_CUSTOM), CODE).hint == "remove `retell_llm`: a custom-llm engine takes no retell_llm settings"
