"""`agent.webhook_url` uses plain `http://`.

Why it matters: webhook bodies carry the call transcript, phone numbers and
analysis results; over plain http they travel unencrypted and can be read or
altered on the way. Use https.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.rules import Example, Kind
from validator.rules.agent._urls import WEBHOOK as FIELD
from validator.rules.agent._urls import webhooks

CODE = "RBV519"
NAME = "webhook-url-plain-http"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_url": "http://hooks.example.com/retell"}}}]')
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_url": "https://hooks.example.com/retell"}}}]'
)


def check(ctx: Context) -> Iterator[Finding]:
    for hook in webhooks(ctx):
        if hook.url is None or hook.url.scheme.lower() != "http":
            continue
        secure = "https" + hook.text[len(hook.url.scheme) :]
        yield ctx.finding(
            hook.pointer,
            f"`{FIELD}` {preview(hook.text)} uses plain http: call transcripts and phone numbers would travel unencrypted",
            f"use {secure}",
            fix=Fix(secure, safe=False, title="use https"),
        )
