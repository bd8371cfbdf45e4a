"""A count or a version in an override is negative or has a fraction (`response_engine.version: 1.5`).

Why it matters: the spec types some fields only as "number" though they can
only be whole and non-negative: ``response_engine.version`` ("Version of the
… Response Engine": versions are 0, 1, 2 …) and ``user_dtmf_options.digit_limit``
("The maximum number of digits"). A schema validator accepts ``1.5`` or ``-1``;
the API does not find such a version, and half a digit is no limit. The fields
are found from their descriptions (a "number of" things, a "Version of"), so a
newer spec brings its own. A whole number written ``3.0`` is fine.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.openapi.prose import prose_constraints
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import in_override, is_number, label, override_values

CODE = "RBV527"
NAME = "whole-number-expected"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"response_engine": {"type": "retell-llm", "llm_id": "llm_1", "version": 1.5}}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"response_engine": {"type": "retell-llm", "llm_id": "llm_1", "version": 2}}}}]'
)
SPEC_PROSE = ("counts",)


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.agent_overrides:
        return
    for count in prose_constraints(ctx.spec).counts:
        if not in_override(count.location):
            continue
        for pointer, value, _ in override_values(ctx, count.location):
            if is_number(value) and not count.admits(value):
                what = "not a whole number" if value != int(value) else "negative"
                yield ctx.finding(
                    pointer,
                    f'{label(count.location)} is {what}, found {preview(value)}: it can only be {count.describe()} (spec: "{count.text}")',
                    "write a whole number such as 0, 1 or 2",
                )
