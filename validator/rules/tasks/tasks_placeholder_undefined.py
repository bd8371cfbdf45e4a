"""A ``{{placeholder}}`` in a task's ``agent_override`` names a dynamic variable the task does not set.

Why it matters: ``"begin_message": "Hi {{customer_name}}"`` is filled from
the task's ``retell_llm_dynamic_variables``; when the task does not set
``customer_name`` the caller hears "Hi ," (unless the agent or its version tag
defines a default, which this check cannot see). Every string in the override
is checked (begin message, call screening identity and purpose, voicemail
message, prompts …); Retell's own variables (``current_time``,
``user_number`` … listed in ``validator/knowledge/data/system_dynamic_variables.yaml``)
are always defined, and spaces inside the braces are ignored, as Retell does.
Findings are grouped: one per variable name, at the first string using it,
with the number of tasks affected. With ``--agents DIR``, a task whose agent was
pulled is checked by RBV605-RBV607 instead, which know the agent's defaults and
the fields the override replaces: one finding for one missing variable. When a task pins a version tag
(``"override_agent_version": "prod"``) the finding says so: the spec states
that a tag's resolution brings that tag's dynamic variables, so the tag may
set the variable.
"""

import json
from collections.abc import Iterator
from typing import Any

from validator.agents.placeholders import is_system, uses
from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.pointer import join as pointer_join
from validator.pointer import tokens
from validator.rules import Example, Kind
from validator.rules.tasks._agents import agent_findings
from validator.rules.tasks._variables import FIELD, task_index, tasks_word

CODE = "RBV604"
NAME = "tasks-placeholder-undefined"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "agent_override": {"retell_llm": {"begin_message": "Hi {{customer_name}}"}}}]')
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "Ann"}, "agent_override": {"retell_llm": {"begin_message": "Hi {{ customer_name }}, it is {{current_time}}"}}}]'
)
SPEC_SENTENCES = (
    ("tasks.*.override_agent_version", "When a tag is provided, resolution uses that exact tag assignment"),
    ("tasks.*.agent_override.agent.call_screening_option.agent_identity", "Dynamic variables are supported."),
    ("tasks.*.agent_override.agent.call_screening_option.call_purpose", "Dynamic variables are supported."),
)


def check(ctx: Context) -> Iterator[Finding]:
    uses: dict[str, list[str]] = {}  # name → its first use in each task using it without setting it
    tasks_using: dict[str, int] = {}
    tags_using: dict[str, dict[str, None]] = {}  # the version tags pinned by the tasks using a name, in order
    tagged_count: dict[str, int] = {}
    # Batches repeat the same override: its placeholders are found once per distinct text.
    seen: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    agents = agent_findings(ctx)
    covered = agents.resolved if agents is not None else set()
    for pointer, override in ctx.agent_overrides:
        index = task_index(pointer.removesuffix("/agent_override"))
        if index in covered:
            continue
        task = ctx.document["tasks"][index]
        variables = task.get(FIELD)
        defined = variables.keys() if isinstance(variables, dict) else ()
        missing_here: set[str] = set()
        tag = _version_tag(task)
        for relative, names in _uses(override, seen):
            for name in names:
                if name in defined or name in missing_here or is_system(name):
                    continue
                missing_here.add(name)
                uses.setdefault(name, []).append(pointer + relative)
        for name in missing_here:
            tasks_using[name] = tasks_using.get(name, 0) + 1
            if tag is not None:
                tags_using.setdefault(name, {})[tag] = None
                tagged_count[name] = tagged_count.get(name, 0) + 1
    for name, places in uses.items():
        where, count = places[0], tasks_using[name]
        first_task = int(tokens(where)[1])  # where = /tasks/N/agent_override/…
        more = f"; {tasks_word(count)} use it without setting it" if count > 1 else ""
        message = (
            f"{{{{{name}}}}} is used in {ctx.task_ref(first_task)}'s agent_override, but the task's {FIELD} does not set `{name}`{more}"
        )
        hint = f"add `{name}` to {FIELD}, or give it a default on the agent"
        tags = list(tags_using.get(name, ()))
        if tags:
            tagged = tagged_count[name]
            listed = ", ".join(f'"{t}"' for t in tags[:3]) + (f" and {len(tags) - 3:,} more" if len(tags) > 3 else "")
            pinned = ("version tag " if len(tags) == 1 else "version tags ") + listed
            who = (
                "the task pins"
                if count == 1
                else "every one of them pins"
                if tagged == count
                else f"{tagged:,} of them pin{'s' if tagged == 1 else ''}"
            )
            message += f"; {who} {pinned}, whose dynamic variables may set it"
            hint = f"check that {'the tag sets' if len(tags) == 1 else 'the tags set'} `{name}`, or add `{name}` to {FIELD}"
        yield ctx.finding(where, message, hint, members=places)


def _uses(override: dict[str, Any], seen: dict[str, list[tuple[str, tuple[str, ...]]]]) -> list[tuple[str, tuple[str, ...]]]:
    """``(relative pointer, names)`` of the placeholders in an override, looked up by its JSON text."""
    try:
        text = json.dumps(override, ensure_ascii=False, default=str)
    except (TypeError, ValueError):  # keys JSON cannot write (YAML oddities): walk without the cache
        return [(pointer_join("", *use.path), use.names) for use in uses(override)]
    if "{{" not in text:
        return []
    if text not in seen:
        seen[text] = [(pointer_join("", *use.path), use.names) for use in uses(override)]
    return seen[text]


def _version_tag(task: dict[str, Any]) -> str | None:
    """The tag a task pins in ``override_agent_version`` ("prod"); a number or "latest" is no tag."""
    version = task.get("override_agent_version")
    return version if isinstance(version, str) and version.strip() and version != "latest" else None
