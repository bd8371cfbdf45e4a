"""RBV502 both-engine-overrides: an override with both a `retell_llm` and a `conversation_flow` section, one of them ignored."""

from __future__ import annotations

from tests.helpers import check, one, with_task
from tests.rules.agent import AO, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV502"
CF_ENGINE = {"type": "conversation-flow", "conversation_flow_id": "cf_1"}

BOTH = with_task(agent_override={"retell_llm": {"model": "gpt-4.1"}, "conversation_flow": {"model_temperature": 0.2}})

CASES = [
    flags("both sections", BOTH, At(AO, "warning", says="sets both `retell_llm` and `conversation_flow`")),
    passes("an empty second section", with_task(agent_override={"retell_llm": {"model": "gpt-4.1"}, "conversation_flow": {}})),
    passes("one section", with_task(agent_override={"retell_llm": {"model": "gpt-4.1"}})),
    passes(
        "a known engine: the mismatch rule names the ignored section instead",
        with_task(
            agent_override={
                "agent": {"response_engine": CF_ENGINE},
                "retell_llm": {"model": "gpt-4.1"},
                "conversation_flow": {"model_temperature": 0.2},
            }
        ),
    ),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES, {"a known engine: the mismatch rule names the ignored section instead": ["RBV503"]})


def test_the_hint_names_the_section_for_each_engine() -> None:
    d = one(check(BOTH), CODE)
    assert (
        d.hint
        == "keep only the section for the agent's engine: `retell_llm` for a retell-llm engine, `conversation_flow` for a conversation-flow engine"
    )
