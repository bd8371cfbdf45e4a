"""`multi` (or another scalar-only language value) appears inside a `language` list.

Why it matters: ``language`` is either one value (a locale such as ``en-US``, or
the legacy ``multi`` for automatic multilingual support) or a list of concrete
locales. The spec: "the `multi` value is valid only as the scalar legacy form
and must not appear inside an array"; the API rejects the override. This rule
replaces the generic enum message (RBV103) at that item. The scalar-only values
are those the spec's scalar form accepts and its list items do not.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import preview
from validator.openapi.load import Spec, per_spec
from validator.openapi.tools import enum_values
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind

CODE = "RBV509"
NAME = "scalar-only-language-in-list"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"language": ["en-US", "multi"]}}}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"language": "multi"}}}]')
SPEC_SENTENCES = (("tasks.*.agent_override.agent.language", "The array form must contain concrete locale codes only"),)
SUPERSEDES = ("RBV103",)


@per_spec
def _scalar_only(spec: Spec) -> frozenset[str]:
    schema = spec.subschema("tasks", "items", "agent_override", "agent", "language")
    scalar: set[Any] = set()
    listed: set[Any] = set()
    for branch in schema.get("oneOf", []):
        target = listed if branch.get("type") == "array" else scalar
        target.update(enum_values(branch.get("items", {}) if branch.get("type") == "array" else branch))
    return frozenset(v for v in scalar - listed if isinstance(v, str))


def check(ctx: Context) -> Iterator[Finding]:
    scalar_only = _scalar_only(ctx.spec)
    for pointer, agent in ctx.override_sections("agent"):
        languages = agent.get("language")
        if not isinstance(languages, list):
            continue
        for index, item in enumerate(languages):
            if not isinstance(item, str) or item not in scalar_only:
                continue
            others = [x for x in languages if x != item]
            hint = f'use "language": {preview(item)} alone' + (f", or list concrete locales only: {preview(others)}" if others else "")
            yield ctx.finding(
                pointer_join(pointer, "language", index),
                f"`language` lists {preview(item)}, which is valid only as the single `language` value, not inside a list of locales",
                hint,
            )
