"""RBV506 exclusive-settings: two settings the spec says cannot be set together (`model` and `s2s_model`)."""

from __future__ import annotations

from tests.helpers import check, one, with_agent
from tests.rules.agent import LLM, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV506"
BOTH = with_agent("retell_llm", model="gpt-4.1", s2s_model="gpt-realtime")

CASES = [
    flags("model and s2s_model", BOTH, At(f"{LLM}/s2s_model", "error", says="only one may be set")),
    passes("model null beside s2s_model", with_agent("retell_llm", model=None, s2s_model="gpt-realtime")),
    passes("model alone", with_agent("retell_llm", model="gpt-4.1")),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)


def test_the_message_quotes_the_spec_sentence() -> None:
    assert '(spec: "Can only set this or model, not both' in one(check(BOTH), CODE).message
