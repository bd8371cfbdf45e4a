"""Two `post_call_analysis_data` items have the same `name`.

Why it matters: each item names one variable extracted after the call; two
items with one name collide in the call's analysis results (one overwrites
the other, or the API rejects the agent). System presets (``call_summary`` …)
share the namespace.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind

CODE = "RBV516"
NAME = "analysis-duplicate-name"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"post_call_analysis_data": [{"type": "string", "name": "rating", "description": "a"}, {"type": "number", "name": "rating", "description": "b"}]}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"post_call_analysis_data": [{"type": "string", "name": "rating", "description": "a"}, {"type": "number", "name": "rating_score", "description": "b"}]}}}]'
)


def check(ctx: Context) -> Iterator[Finding]:
    for pointer, agent in ctx.override_sections("agent"):
        items = agent.get("post_call_analysis_data")
        if not isinstance(items, list):
            continue
        first_of: dict[str, int] = {}
        for index, item in enumerate(items):
            name = item.get("name") if isinstance(item, dict) else None
            if not isinstance(name, str):
                continue
            if name in first_of:
                yield ctx.finding(
                    pointer_join(pointer, "post_call_analysis_data", index, "name"),
                    f"post-call analysis name {preview(name)} is already used by item {first_of[name]}; names must be unique",
                    "rename one of them, or merge the two items",
                )
            else:
                first_of[name] = index
