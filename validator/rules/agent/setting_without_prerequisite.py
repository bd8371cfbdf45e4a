"""A setting only applies when another one is set, and this override does not set it so.

Why it matters: the spec marks several settings "Only applicable when …":
``backchannel_frequency`` and ``backchannel_words`` need ``enable_backchannel:
true``, ``signed_url_expiration_ms`` needs ``opt_in_signed_url: true``,
``custom_stt_config`` is "Only used when stt_mode is set to custom"; of a
post-call analysis item's ``conditional_prompt`` it says "If required is true,
this is ignored", and of ``allow_user_dtmf`` "If false, any DTMF input will be
ignored", which leaves ``user_dtmf_options`` without effect. Set without
their prerequisite they are silently ignored. When the override sets the
prerequisite to something else the setting certainly has no effect; when it
does not set it at all, the setting works only if the base agent already has
it (which a payload check cannot see). The conditions are read from the
spec's descriptions; a ``null`` setting is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.openapi.prose import prose_constraints
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import OVERRIDE, in_override, label, override_values

CODE = "RBV508"
NAME = "setting-without-prerequisite"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"backchannel_frequency": 0.5, "enable_backchannel": false}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"backchannel_frequency": 0.5, "enable_backchannel": true}}}]'
)
SPEC_PROSE = ("prerequisites",)
# What `required` is when unset, which decides whether an item's conditional_prompt applies.
SPEC_SENTENCES = (("tasks.*.agent_override.agent.post_call_analysis_data.*.required", "If true or unset, the field is required"),)


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.agent_overrides:
        return
    for rule in prose_constraints(ctx.spec).prerequisites:
        if not in_override(rule.location):
            continue
        wanted = f"`{rule.needs}` is {preview(rule.value)}"
        # An item of a list the override sets whole inherits nothing from the base agent.
        whole = "*" in rule.location[len(OVERRIDE) :]
        owner = "this item" if whole else "this override"
        for pointer, value, parent in override_values(ctx, rule.location):
            if value is None:
                continue
            if rule.needs in parent and type(parent[rule.needs]) is not type(rule.value):
                continue  # a wrongly typed prerequisite is the schema's finding
            if parent.get(rule.needs) == rule.value:
                continue
            if rule.needs in parent:
                situation = f"but {owner} sets `{rule.needs}` to {preview(parent[rule.needs])}, so it is ignored"
            elif rule.unset == rule.value or (whole and rule.unset is None):
                continue  # unset means what it needs, or nothing says what unset means
            elif whole:
                situation = f"and this item does not set `{rule.needs}`, which is {preview(rule.unset)} when unset, so it is ignored"
            else:
                situation = f"and this override does not set `{rule.needs}`: it is ignored unless the base agent has it"
            yield ctx.finding(
                pointer,
                f'{label(rule.location)} applies only when {wanted}, {situation} (spec: "{rule.text}")',
                f'set "{rule.needs}": {preview(rule.value)} beside it, or remove {label(rule.location)}',
            )
