"""A voicemail action speaks an empty text (`voicemail_option.action.text: ""`).

Why it matters: a ``static_text`` action speaks its ``text`` when the call
reaches voicemail, and a ``prompt`` action generates what to say from it; an
empty or blank text leaves a silent message on the recipient's voicemail.
To hang up on voicemail, the spec offers ``{"type": "hangup"}`` (the unsafe fix
writes it). ``voicemail_message: ""`` is different: the spec documents it as
"hang up after hitting voicemail", and it is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind

CODE = "RBV529"
NAME = "voicemail-text-empty"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voicemail_option": {"action": {"type": "static_text", "text": ""}}}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voicemail_option": {"action": {"type": "static_text", "text": "Please call us back at 555-0100."}}}}}]'
)
SPEC_SENTENCES = (
    ("tasks.*.agent_override.agent.voicemail_option.action.text", "The text to be spoken when the call is detected to be in voicemail"),
)

_SPOKEN = ("static_text", "prompt")


def check(ctx: Context) -> Iterator[Finding]:
    for pointer, agent in ctx.override_sections("agent"):
        option = agent.get("voicemail_option")
        action = option.get("action") if isinstance(option, dict) else None
        if not isinstance(action, dict) or action.get("type") not in _SPOKEN:
            continue
        text = action.get("text")
        if isinstance(text, str) and not text.strip():
            yield ctx.finding(
                pointer_join(pointer, "voicemail_option", "action", "text"),
                f"the {action['type']} voicemail action's `text` is {preview(text)}: the recipient's voicemail gets a silent message",
                'write the message to leave, or use {"type": "hangup"} to hang up on voicemail',
                fix=Fix({"type": "hangup"}, False, "hang up on voicemail instead", at=pointer_join(pointer, "voicemail_option", "action")),
            )
