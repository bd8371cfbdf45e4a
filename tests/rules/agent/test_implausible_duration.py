"""RBV530 implausible-duration: a negative duration, or a timeout of 0, where the spec states no range."""

from __future__ import annotations

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV530"

CASES = [
    flags(
        "webhook_timeout_ms 0",
        with_agent(webhook_timeout_ms=0),
        At(f"{AGENT}/webhook_timeout_ms", "warning", says="the spec states no range"),
    ),
    flags("webhook_timeout_ms -5", with_agent(webhook_timeout_ms=-5), At(f"{AGENT}/webhook_timeout_ms", says="a time cannot be negative")),
    flags(
        "signed_url_expiration_ms 0",
        with_agent(opt_in_signed_url=True, signed_url_expiration_ms=0),
        At(f"{AGENT}/signed_url_expiration_ms", says="leaves no time at all"),
    ),
    passes("webhook_timeout_ms 1", with_agent(webhook_timeout_ms=1)),
    passes("no user silence before the agent begins", with_agent("retell_llm", start_speaker="user", begin_after_user_silence_ms=0)),
]

test_cases = cases_test(CODE, CASES)
# Not RBV504 as well: the range is only implied by the unit.
test_other_rules = others_test(CODE, CASES)


def test_the_message_quotes_no_limit_the_spec_does_not_state() -> None:
    assert "spec: " not in one(check(with_agent(webhook_timeout_ms=0)), CODE).message
