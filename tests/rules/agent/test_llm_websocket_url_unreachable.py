"""RBV525 llm-websocket-url-unreachable: a custom LLM's `llm_websocket_url` on a host Retell's servers cannot reach."""

from __future__ import annotations

from typing import Any

from tests.helpers import with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV525"
POINTER = f"{AGENT}/response_engine/llm_websocket_url"
CANNOT = "Retell's servers cannot reach it"


def custom_llm(url: str) -> dict[str, Any]:
    return with_agent(response_engine={"type": "custom-llm", "llm_websocket_url": url})


CASES = [
    flags(
        "localhost",
        custom_llm("ws://localhost:8080/llm"),
        At(POINTER, "warning", says=f"resolves only on your own machine or network; {CANNOT}"),
    ),
    flags("loopback", custom_llm("wss://127.0.0.1/llm"), At(POINTER, says=f"a loopback address; {CANNOT}")),
    flags("a private address", custom_llm("wss://10.0.0.5/llm"), At(POINTER, says=f"a private network address; {CANNOT}")),
    flags(".local", custom_llm("wss://llm.local/llm"), At(POINTER, says=f"resolves only on your own machine or network; {CANNOT}")),
    flags("a carrier-grade NAT address", custom_llm("wss://100.100.0.7/llm"), At(POINTER, says="(100.64.0.0/10, RFC 6598)")),
    passes("just below the shared range", custom_llm("wss://100.63.255.255/llm")),
    passes("a public name", custom_llm("wss://llm.example.com/llm")),
    passes("a public address", custom_llm("wss://8.8.8.8/llm")),
]

test_cases = cases_test(CODE, CASES)
# An unreachable but well-formed URL is not also RBV524's.
test_other_rules = others_test(CODE, CASES)
