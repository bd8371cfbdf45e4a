"""RBV519 webhook-url-plain-http: `agent.webhook_url` over unencrypted http."""

from __future__ import annotations

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes
from validator.diagnostics import Fix

CODE = "RBV519"
HTTP = with_agent(webhook_url="http://hooks.example.com/retell")

CASES = [
    flags("http", HTTP, At(f"{AGENT}/webhook_url", "warning", says="uses plain http")),
    passes("https", with_agent(webhook_url="https://hooks.example.com/retell")),
    passes("null", with_agent(webhook_url=None)),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)


def test_the_hint_and_the_unsafe_fix_are_the_https_url() -> None:
    d = one(check(HTTP), CODE)
    assert d.hint == "use https://hooks.example.com/retell"
    assert d.fix == Fix("https://hooks.example.com/retell", False, "use https")
