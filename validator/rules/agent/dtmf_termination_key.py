"""`user_dtmf_options.termination_key` is not a single key a phone can send.

Why it matters: the spec says "A single key that signals the end of DTMF
input. Acceptable values include any digit (0-9), the pound/hash symbol (#),
or the asterisk (*)". A word like ``"pound"``, two keys (``"##"``) or a letter
is rejected or never matches what the caller presses. The allowed keys are
read from that sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.openapi.prose import prose_constraints
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import in_override, label, override_values

CODE = "RBV512"
NAME = "dtmf-termination-key"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"user_dtmf_options": {"termination_key": "pound"}}}}]'
)
PASSES = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"user_dtmf_options": {"termination_key": "#"}}}}]')
SPEC_PROSE = ("key_sets",)

# Words people write for the two symbol keys.
_SPELLED = {"pound": "#", "hash": "#", "octothorpe": "#", "star": "*", "asterisk": "*"}


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.agent_overrides:
        return
    for rule in prose_constraints(ctx.spec).key_sets:
        if not in_override(rule.location):
            continue
        for pointer, value, _ in override_values(ctx, rule.location):
            if not isinstance(value, str) or (len(value) == 1 and value in rule.keys):
                continue
            meant = _SPELLED.get(value.strip().lower()) or (value.strip() if len(value.strip()) == 1 else None)
            fix = Fix(meant, safe=True, title=f"use {preview(meant)}") if meant and meant in rule.keys else None
            yield ctx.finding(
                pointer,
                f'{label(rule.location)} must be one key of {" ".join(rule.keys)}, found {preview(value)} (spec: "{rule.text}")',
                f"use {preview(meant)}" if fix else 'use a single key such as "#"',
                fix=fix,
            )
