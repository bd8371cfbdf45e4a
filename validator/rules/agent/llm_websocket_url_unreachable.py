"""A custom LLM's `llm_websocket_url` points at a host Retell's servers cannot reach (localhost, a private address).

Why it matters: the websocket is opened from Retell's cloud, not from your
machine; ``ws://localhost:8080``, ``10.0.0.5`` or ``llm.local`` resolve to
nothing (or to Retell's own network) there, so no call gets a response. For
local development expose the server through a public tunnel.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind
from validator.rules.agent._urls import WEBSOCKET, unreachable, websockets

CODE = "RBV525"
NAME = "llm-websocket-url-unreachable"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"response_engine": {"type": "custom-llm", "llm_websocket_url": "ws://localhost:8080/llm"}}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"response_engine": {"type": "custom-llm", "llm_websocket_url": "wss://llm.example.com/llm"}}}}]'
)


def check(ctx: Context) -> Iterator[Finding]:
    return unreachable(ctx, websockets(ctx), WEBSOCKET)
