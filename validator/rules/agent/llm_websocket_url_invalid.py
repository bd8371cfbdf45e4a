"""A custom LLM's `response_engine.llm_websocket_url` is not a `ws://` or `wss://` URL with a host.

Why it matters: with a ``custom-llm`` response engine Retell opens a websocket
to this URL for every call; an ``https://`` address, a missing scheme, a stray
space or a URL without a host means no call can get a response. The safe fix
removes surrounding whitespace; ``https://`` and ``http://`` are offered as
``wss://`` and ``ws://`` (unsafe: the server must speak websocket there).
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.rules import Example, Kind
from validator.rules.agent._urls import WEBSOCKET, websockets

CODE = "RBV524"
NAME = "llm-websocket-url-invalid"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"response_engine": {"type": "custom-llm", "llm_websocket_url": "https://llm.example.com/ws"}}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"response_engine": {"type": "custom-llm", "llm_websocket_url": "wss://llm.example.com/ws"}}}}]'
)
SPEC_SENTENCES = (("tasks.*.agent_override.agent.response_engine.llm_websocket_url", "LLM websocket url"),)

_AS_WEBSOCKET = {"https": "wss", "http": "ws"}


def check(ctx: Context) -> Iterator[Finding]:
    for found in websockets(ctx):
        if found.problem is None:
            continue
        fix = _fix(found.text)
        yield ctx.finding(
            found.pointer,
            f"`{WEBSOCKET}` {preview(found.text)} {found.problem}; expected a wss:// (or ws://) URL with a host",
            fix.title if fix else "write the full websocket URL, e.g. wss://llm.example.com/llm-websocket",
            fix=fix,
        )


def _fix(text: str) -> Fix | None:
    stripped = text.strip()
    if stripped and stripped != text and not any(c.isspace() for c in stripped):
        return Fix(stripped, safe=True, title="remove the surrounding whitespace")
    scheme, sep, rest = text.partition("://")
    websocket = _AS_WEBSOCKET.get(scheme.lower()) if sep and rest else None
    return Fix(f"{websocket}://{rest}", safe=False, title=f"use {websocket}://") if websocket else None
