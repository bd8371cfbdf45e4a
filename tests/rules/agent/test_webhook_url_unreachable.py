"""RBV521 webhook-url-unreachable: `agent.webhook_url` on a host Retell's servers cannot reach."""

from __future__ import annotations

from tests.helpers import with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV521"
POINTER = f"{AGENT}/webhook_url"

CASES = [
    flags(
        "localhost", with_agent(webhook_url="https://localhost:3000/x"), At(POINTER, "warning", says="resolves only on your own machine")
    ),
    flags("loopback", with_agent(webhook_url="https://127.0.0.1/x"), At(POINTER, says="a loopback address")),
    flags("a private address", with_agent(webhook_url="https://10.1.2.3/x"), At(POINTER, says="a private network address")),
    flags("IPv6 loopback", with_agent(webhook_url="https://[::1]/x"), At(POINTER, says="a loopback address")),
    flags(".local", with_agent(webhook_url="https://box.local/x"), At(POINTER, says="resolves only on your own machine")),
    flags("a single-label name", with_agent(webhook_url="https://intranet/x"), At(POINTER, says="a single-label name")),
    flags(
        "a carrier-grade NAT address",
        with_agent(webhook_url="https://100.64.0.1/x"),
        At(POINTER, says="a carrier-grade NAT address (100.64.0.0/10"),
    ),
    flags("the top of the shared range", with_agent(webhook_url="https://100.127.255.254/x"), At(POINTER, says="carrier-grade NAT")),
    flags("an IPv4-mapped private address", with_agent(webhook_url="https://[::ffff:10.0.0.1]/x"), At(POINTER, says="private network")),
    passes("just above the shared range", with_agent(webhook_url="https://100.128.0.1/x")),
    passes("a public address", with_agent(webhook_url="https://8.8.8.8/x")),
    passes("a public name", with_agent(webhook_url="https://hooks.example.com/x")),
    passes("a tunnel", with_agent(webhook_url="https://abc.ngrok-free.app/retell")),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)
