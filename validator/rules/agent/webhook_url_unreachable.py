"""`agent.webhook_url` points at a host Retell's servers cannot reach (localhost, a private address).

Why it matters: webhooks are sent from Retell's cloud, not from your machine;
``http://localhost:3000``, ``10.0.0.5`` or ``my-server.local`` resolve to
nothing (or to Retell's own network) there, so every event is lost. For local
development use a public tunnel URL.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind
from validator.rules.agent._urls import WEBHOOK as FIELD
from validator.rules.agent._urls import unreachable, webhooks

CODE = "RBV521"
NAME = "webhook-url-unreachable"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_url": "https://localhost:3000/retell"}}}]')
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_url": "https://hooks.example.com/retell"}}}]'
)


def check(ctx: Context) -> Iterator[Finding]:
    return unreachable(ctx, webhooks(ctx), FIELD)
