"""RBV524 llm-websocket-url-invalid: a custom LLM's `llm_websocket_url` that is not a ws(s):// URL with a host."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes
from validator.diagnostics import Fix

CODE = "RBV524"
POINTER = f"{AGENT}/response_engine/llm_websocket_url"


def custom_llm(url: str) -> dict[str, Any]:
    return with_agent(response_engine={"type": "custom-llm", "llm_websocket_url": url})


CASES = [
    flags("https", custom_llm("https://llm.example.com/ws"), At(POINTER, "error", says='uses the scheme "https", not wss')),
    flags("http", custom_llm("http://localhost:8080"), At(POINTER, says='uses the scheme "http", not wss')),
    flags("no scheme", custom_llm("llm.example.com/ws"), At(POINTER, says="has no wss:// in front")),
    flags("a space in front", custom_llm(" wss://llm.example.com/ws"), At(POINTER, says="has whitespace around it")),
    flags("no host", custom_llm("wss:///ws"), At(POINTER, says="has no host name")),
    flags("empty", custom_llm(""), At(POINTER, says="is empty")),
    passes("wss", custom_llm("wss://llm.example.com/ws")),
    passes("ws with a port", custom_llm("ws://llm.example.com:8080/llm-websocket")),
]

test_cases = cases_test(CODE, CASES)
# An invalid URL is not also judged for reachability (RBV525), even on localhost.
test_other_rules = others_test(CODE, CASES)


@pytest.mark.parametrize(
    ("url", "fix"),
    [
        ("https://llm.example.com/ws", Fix("wss://llm.example.com/ws", False, "use wss://")),
        ("http://localhost:8080", Fix("ws://localhost:8080", False, "use ws://")),
        ("llm.example.com/ws", None),
        (" wss://llm.example.com/ws", Fix("wss://llm.example.com/ws", True, "remove the surrounding whitespace")),
        ("wss:///ws", None),
        ("", None),
    ],
)
def test_a_web_scheme_gets_its_websocket_twin_and_spaces_a_safe_trim(url: str, fix: Fix | None) -> None:
    assert one(check(custom_llm(url)), CODE).fix == fix
