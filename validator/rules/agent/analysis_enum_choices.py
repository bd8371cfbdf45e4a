"""An `enum` post-call analysis item has no usable `choices`.

Why it matters: an ``enum`` variable is extracted by picking one of its
choices; the spec says choices "must be non empty array", and a blank choice
(``""``) is not something the model can answer with. The schema accepts ``[]``
and ``[""]``; the API or the analysis does not. (A missing ``choices`` is
already the required-field error.)
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind

CODE = "RBV517"
NAME = "analysis-enum-choices"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"post_call_analysis_data": [{"type": "enum", "name": "rating", "description": "Rating.", "choices": []}]}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"post_call_analysis_data": [{"type": "enum", "name": "rating", "description": "Rating.", "choices": ["good"]}]}}}]'
)
SPEC_SENTENCES = (("tasks.*.agent_override.agent.post_call_analysis_data.*.choices", "must be non empty array"),)

ENUM_TYPE = "enum"


def check(ctx: Context) -> Iterator[Finding]:
    for pointer, agent in ctx.override_sections("agent"):
        items = agent.get("post_call_analysis_data")
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if not isinstance(item, dict) or item.get("type") != ENUM_TYPE or not isinstance(item.get("choices"), list):
                continue
            here = pointer_join(pointer, "post_call_analysis_data", index, "choices")
            name = preview(item.get("name"))
            choices = item["choices"]
            if not choices:
                yield ctx.finding(
                    here,
                    f"enum analysis item {name} has no choices; `choices` must be a non-empty list",
                    'add the possible values, e.g. ["good", "bad"]',
                )
                continue
            for position, choice in enumerate(choices):
                if isinstance(choice, str) and not choice.strip():
                    yield ctx.finding(
                        pointer_join(here, position),
                        f"enum analysis item {name} has a blank choice {preview(choice)}",
                        "remove it or write the value",
                    )
