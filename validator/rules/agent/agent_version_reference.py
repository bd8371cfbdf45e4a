"""`override_agent_version` is not a version number or a valid tag, and this says why.

Why it matters: the API rejects the whole batch when a task's agent version
reference is neither a non-negative integer nor a tag it accepts. Tags are
``latest`` or start with a lower-case letter followed by lower-case letters,
digits, ``_`` or ``-`` (at most 20 characters), and ``v<number>`` is reserved:
a version written like ``"v3"`` must be the number ``3``. The generic schema
message only quotes the pattern; this rule names the actual mistake (``v3``,
``"3"`` in quotes, upper case, length, a negative or fractional number) and
replaces it (it supersedes RBV107/RBV106 at that pointer).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import is_finite_number, preview, type_name
from validator.openapi.load import Spec, per_spec
from validator.openapi.patterns import search
from validator.pointer import join as pointer_join
from validator.rules import Example, Kind

CODE = "RBV501"
NAME = "agent-version-reference"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "override_agent_version": "v3"}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "override_agent_version": 3}]')
SUPERSEDES = ("RBV107", "RBV106")

FIELD = "override_agent_version"
_EXAMPLES = 'a version number such as 3, or a tag such as "prod" or "latest"'
_DEFAULT = "remove the field to use the default agent version"


class _Grammar:
    """What the spec's AgentVersionReference allows: the integer floor and the tag pattern and length."""

    def __init__(self, spec: Spec) -> None:
        branches = spec.subschema("tasks", "items", FIELD).get("oneOf", [])
        number: dict[str, Any] = next((b for b in branches if b.get("type") == "integer"), {})
        tag: dict[str, Any] = next((b for b in branches if b.get("type") == "string"), {})
        self.minimum: int = number.get("minimum", 0)
        self.max_length: int = tag.get("maxLength", 20)
        self.min_length: int = tag.get("minLength", 1)
        self.pattern: str = tag.get("pattern", ".*")

    def accepts_tag(self, text: str) -> bool:
        return self.min_length <= len(text) <= self.max_length and search(self.pattern, text)


@per_spec
def _grammar(spec: Spec) -> _Grammar:
    return _Grammar(spec)


def check(ctx: Context) -> Iterator[Finding]:
    grammar = _grammar(ctx.spec)
    verdicts: dict[tuple[str, Any], Finding | None] = {}  # thousands of tasks share a few values
    for pointer, task in ctx.tasks:
        if FIELD not in task:
            continue
        value = task[FIELD]
        key = (type(value).__name__, value if isinstance(value, str | int | float | bool) or value is None else repr(value))
        if key not in verdicts:
            verdicts[key] = _diagnose(value, grammar)
        verdict = verdicts[key]
        if verdict is not None:
            yield Finding(pointer_join(pointer, FIELD), verdict.message, verdict.hint, fix=verdict.fix)


def _diagnose(value: Any, grammar: _Grammar) -> Finding | None:
    """A finding without pointer (filled in by the caller), or None when the value is fine."""
    if isinstance(value, bool) or value is None:
        return _finding(f"is {preview(value)}; it must be {_EXAMPLES}", _DEFAULT)
    if isinstance(value, int | float):
        return _number(value, grammar)
    if isinstance(value, str):
        return None if grammar.accepts_tag(value) else _tag(value, grammar)
    return _finding(f"is {type_name(value)} {preview(value)}; it must be {_EXAMPLES}", None)


def _number(value: float, grammar: _Grammar) -> Finding | None:
    if not is_finite_number(value):
        return None  # non-finite numbers have their own input rule
    whole = float(value).is_integer()
    if whole and value >= grammar.minimum:
        return None
    if not whole:
        lower = max(math.floor(value), grammar.minimum)
        return _finding(f"is {preview(value)}, but a version number is a whole number", f"use {lower} or {lower + 1}")
    return _finding(
        f"is {preview(value)}, but version numbers start at {grammar.minimum}", f'use a version number ≥ {grammar.minimum}, or "latest"'
    )


def _tag(text: str, grammar: _Grammar) -> Finding:
    reserved = re.fullmatch(r"[vV](\d+)", text.strip())
    if reserved:
        number = int(reserved.group(1))
        return _finding(
            f"is {preview(text)}, but tags of the form v<number> are reserved: a version number is written as a plain number",
            f"use {number}",
            Fix(number, safe=False, title=f"use version {number}"),
        )
    if text.strip().isascii() and text.strip().isdigit():  # "²".isdigit() is True, int("²") fails
        number = int(text.strip())
        return _finding(
            f"is the string {preview(text)}, but a version number must be a JSON number",
            f"use {number} without quotes",
            Fix(number, safe=True, title=f"use the number {number}"),
        )
    if not text:
        return _finding(f"is empty; use {_EXAMPLES}", _DEFAULT)
    lowered = text.lower()
    if lowered != text and grammar.accepts_tag(lowered):
        return _finding(
            f"is {preview(text)}, but tags are lower-case",
            f"use {preview(lowered)}",
            Fix(lowered, safe=False, title=f"use {preview(lowered)}"),
        )
    return _finding(f"is {preview(text)}, which is not a valid tag: {'; '.join(_tag_problems(text, grammar))}", f"use {_EXAMPLES}")


def _tag_problems(text: str, grammar: _Grammar) -> list[str]:
    problems = []
    if len(text) > grammar.max_length:
        problems.append(f"it has {len(text)} characters, at most {grammar.max_length} are allowed")
    if not ("a" <= text[0] <= "z"):
        problems.append(f"it must start with a lower-case letter, not {preview(text[0])}")
    if any("A" <= c <= "Z" for c in text):
        problems.append("tags are lower-case")
    others = sorted({c for c in text if not (c.isascii() and (c.isalnum() or c in "_-"))})
    if others:
        problems.append("only lower-case letters, digits, _ and - are allowed, found " + ", ".join(preview(c) for c in others))
    return problems or [f"it must match {grammar.pattern}"]


def _finding(message: str, hint: str | None, fix: Fix | None = None) -> Finding:
    return Finding("", f"`{FIELD}` {message}", hint, fix=fix)
