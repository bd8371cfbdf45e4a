"""A list of names or ids in an override repeats a value, which means nothing more the second time.

Why it matters: ``language``, ``webhook_events``, ``boosted_keywords``,
``backchannel_words``, ``fallback_voice_ids``, ``knowledge_base_ids``, an
analysis item's ``choices`` and ``examples`` are sets in all but name: a
repeated event is sent once, a repeated fallback voice is the same voice
tried twice, a repeated knowledge base is searched once. A repeat is usually
a copy-paste slip that hides the value meant. Every list of strings in an
override is checked, except those the spec itself declares unique (RBV109
reports those). The safe fix removes the repeats, keeping the first of each.
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import preview
from validator.openapi.load import Spec, per_spec
from validator.openapi.prose import Location, schema_nodes
from validator.openapi.tools import schema_types
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind
from validator.rules.agent._agent_fields import in_override, label, override_values

CODE = "RBV526"
NAME = "repeated-list-item"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_events": ["call_started", "call_ended", "call_ended"]}}}]'
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"webhook_events": ["call_started", "call_ended", "call_analyzed"]}}}]'
)


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.agent_overrides:
        return
    for location in _string_lists(ctx.spec):
        for pointer, value, _ in override_values(ctx, location):
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                continue
            kept = list(dict.fromkeys(value))
            if len(kept) == len(value):
                continue
            first_repeat = next(index for index, item in enumerate(value) if item in value[:index])
            repeated = list(dict.fromkeys(item for index, item in enumerate(value) if item in value[:index]))
            yield ctx.finding(
                pointer_join(pointer, first_repeat),
                f"{label(location)} lists {', '.join(preview(item) for item in repeated[:5])} more than once; a repeat adds nothing",
                "remove the repeats (was another value meant?)",
                fix=Fix(kept, True, "remove the repeated items", at=pointer),
            )


@per_spec
def _string_lists(spec: Spec) -> tuple[Location, ...]:
    """Override fields that are lists of strings the spec does not already declare unique."""
    found = []
    for location, nodes in schema_nodes(spec).items():
        if not in_override(location):
            continue
        lists = [node for node in nodes if "array" in (schema_types(node) or ())]
        items = schema_nodes(spec).get((*location, "*"), ())
        if lists and items and all(schema_types(i) == {"string"} for i in items) and not any(n.get("uniqueItems") for n in lists):
            found.append(location)
    return tuple(found)
