"""RBV608 tasks-agent-variable-unused: a task variable no placeholder of its pulled agent uses."""

from __future__ import annotations

from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.tasks.agents import AGENTS, batch, call, sales, support

CODE = "RBV608"
V = "retell_llm_dynamic_variables"

CASES = [
    flags(
        "a variable no prompt uses",
        batch(sales(0, promo_code="JUNE")),
        At(f"/tasks/0/{V}/promo_code", "info", says="`promo_code` is set by tasks[0]"),
        settings=AGENTS,
    ),
    flags(
        "one finding per name and agent, with the count",
        batch(sales(0), sales(1, promo_code="A"), sales(2, promo_code="B"), support(3, promo_code="C")),
        At(f"/tasks/1/{V}/promo_code", says='2 tasks (first tasks[1]), but no placeholder of agent agent_sales v3 ("Sales")'),
        At(f"/tasks/3/{V}/promo_code", says="agent agent_support v1"),
        settings=AGENTS,
    ),
    flags(
        "a name only another version uses",
        batch(call(0, {"name": "A", "order_id": "1", "first_name": "A"}, override_agent_id="agent_sales", override_agent_version=2)),
        f"/tasks/0/{V}/first_name",
        settings=AGENTS,
    ),
    passes("every name used: in a tool URL, a header, a filled name", batch(sales(0, company="Acme", order_status="x")), settings=AGENTS),
    passes(
        "a name the task's override uses",
        batch(sales(0, promo="x", override={"agent": {"voicemail_option": {"action": {"type": "static_text", "text": "{{promo}}"}}}})),
        settings=AGENTS,
    ),
    passes("a near miss is RBV607's", batch(sales(0, without=("order_id",), orderId="1")), settings=AGENTS),
    passes(
        "a custom LLM's prompts are unknown",
        batch(call(0, {"callback_number": "1", "anything": "x"}, override_agent_id="agent_custom")),
        settings=AGENTS,
    ),
    passes("without --agents", batch(sales(0, promo_code="JUNE"))),
]

test_cases = cases_test(CODE, CASES)


def test_the_hint_says_what_else_may_read_it() -> None:
    found = one(check(batch(sales(0, promo_code="JUNE")), settings=AGENTS), CODE)
    assert found.hint == "remove it if nothing reads it (webhooks get the variables too), or use it in the agent's prompts"
