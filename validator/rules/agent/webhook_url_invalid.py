"""`agent.webhook_url` is not an absolute http(s) URL.

Why it matters: Retell posts call events (``call_started``, ``call_ended``,
``call_analyzed`` …) to this URL; a relative path, a missing ``https://``, a
stray space or another scheme means the events are lost (or the API rejects
the override). ``null`` removes the webhook and is fine.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.rules import Example, Kind
from validator.rules.agent._urls import WEBHOOK as FIELD
from validator.rules.agent._urls import webhooks

CODE = "RBV518"
NAME = "webhook-url-invalid"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_url": "hooks.example.com/retell"}}}]')
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_url": "https://hooks.example.com/retell"}}}]'
)


def check(ctx: Context) -> Iterator[Finding]:
    for hook in webhooks(ctx):
        if hook.problem is None:
            continue
        fix = _fix(hook.text)
        hint = fix.title if fix else "write the full URL starting with https://, or use null to remove the webhook"
        yield ctx.finding(
            hook.pointer,
            f"`{FIELD}` {preview(hook.text)} {hook.problem}; expected an absolute https:// URL",
            hint,
            fix=fix,
        )


def _fix(text: str) -> Fix | None:
    stripped = text.strip()
    if not stripped or any(c.isspace() for c in stripped):
        return None
    if stripped != text:
        return Fix(stripped, safe=True, title="remove the surrounding whitespace")
    host = stripped.split("/", 1)[0]
    if "://" not in stripped and "." in host and ":" not in host:
        return Fix("https://" + stripped, safe=False, title=f"use https://{stripped}")
    return None
