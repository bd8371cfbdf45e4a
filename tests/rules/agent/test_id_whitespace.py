"""RBV528 id-whitespace: an id with whitespace around it, or a blank one, with the trim as a safe fix."""

from __future__ import annotations

from tests.helpers import check, one, with_agent, with_task
from tests.rules.agent import AGENT, AO, others_test
from tests.rules.cases import At, cases_test, flags, passes
from validator.diagnostics import Fix

CODE = "RBV528"

CASES = [
    flags(
        "override_agent_id",
        with_task(override_agent_id=" agent_x "),
        At("/tasks/0/override_agent_id", "error", says="has whitespace around it"),
    ),
    flags(
        "response_engine.llm_id",
        with_agent(response_engine={"type": "retell-llm", "llm_id": "llm_1 "}),
        f"{AGENT}/response_engine/llm_id",
    ),
    flags(
        "response_engine.conversation_flow_id",
        with_agent(response_engine={"type": "conversation-flow", "conversation_flow_id": "\tcf_1"}),
        f"{AGENT}/response_engine/conversation_flow_id",
    ),
    flags("voice_id", with_agent(voice_id="11labs-Adrian "), f"{AGENT}/voice_id"),
    flags(
        "an item of fallback_voice_ids", with_agent(fallback_voice_ids=["openai-Alloy", " deepgram-Angus"]), f"{AGENT}/fallback_voice_ids/1"
    ),
    flags("an item of knowledge_base_ids", with_agent("retell_llm", knowledge_base_ids=["kb_1 "]), f"{AO}/retell_llm/knowledge_base_ids/0"),
    flags("a blank id", with_agent(voice_id="   "), At(f"{AGENT}/voice_id", "error", says="is blank")),
    passes("override_agent_id", with_task(override_agent_id="agent_x")),
    passes("voice ids", with_agent(voice_id="11labs-Adrian", fallback_voice_ids=["openai-Alloy"])),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)


def test_the_trim_is_a_safe_fix() -> None:
    d = one(check(with_task(override_agent_id=" agent_x ")), CODE)
    assert d.fix == Fix("agent_x", True, "remove the surrounding whitespace")


def test_a_blank_id_has_no_fix() -> None:
    assert one(check(with_agent(voice_id="   ")), CODE).fix is None
