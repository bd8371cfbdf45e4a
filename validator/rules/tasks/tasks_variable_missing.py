"""Some tasks lack a dynamic variable that most tasks set.

Why it matters: a prompt that says ``Hi {{customer_name}}`` renders a blank
for every call whose ``retell_llm_dynamic_variables`` has no
``customer_name`` ("Hi , this is…"), unless the agent defines a default. A
key set by more than half of the tasks is expected in all of them. Findings
are grouped: one per missing key, at the first task lacking it, with the
number of tasks affected; the hint names a near-miss key (a typo such as
``customer_nmae``) when the task has one. With ``--agents DIR``, the tasks
checked against their pulled agent are left to RBV605-RBV608, which know the
names the agent uses instead of guessing from the majority.
"""

from collections.abc import Iterator
from typing import Any

from validator.context import Context
from validator.diagnostics import Finding, Members, Severity
from validator.json_values import quote
from validator.openapi.tools import did_you_mean
from validator.rules import Example, Kind
from validator.rules.tasks._agents import agent_findings
from validator.rules.tasks._variables import FIELD, task_index, tasks_word, variables, variables_pointer

CODE = "RBV602"
NAME = "tasks-variable-missing"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    """
    "tasks": [
      {"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "Ann"}},
      {"to_number": "+12137774446", "retell_llm_dynamic_variables": {"customer_name": "Bob"}},
      {"to_number": "+12137774447", "retell_llm_dynamic_variables": {"customer_nmae": "Cy"}}
    ]
    """,
)
PASSES = Example(
    """
    "tasks": [
      {"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "Ann"}},
      {"to_number": "+12137774446", "retell_llm_dynamic_variables": {"customer_name": "Bob"}}
    ]
    """,
)


def check(ctx: Context) -> Iterator[Finding]:
    # Group tasks by their keys: batches have few distinct shapes, so the work is per shape, not per task.
    shapes: dict[tuple[str, ...], list[str]] = {}
    agents = agent_findings(ctx)
    checked = agents.resolved if agents is not None else ()
    if agents is not None and agents.error is None and not agents.unresolved:
        return
    for pointer, task in ctx.tasks:
        if checked and task_index(pointer) in checked:
            continue
        values = variables(task)
        if values is not None:
            shapes.setdefault(tuple(values), []).append(pointer)
    total = sum(len(group) for group in shapes.values())
    counts: dict[str, int] = {}
    for keys, group in shapes.items():
        for key in keys:
            counts[key] = counts.get(key, 0) + len(group)
    for key, count in counts.items():
        if count * 2 <= total or count == total:
            continue
        first = min((group[0] for keys, group in shapes.items() if key not in keys), key=task_index)
        task = ctx.document["tasks"][task_index(first)]
        # A typo is among the task's own minority keys (customer_nmae), never a key most tasks set.
        rare = [k for k in variables(task) or {} if counts[k] * 2 <= total]
        lacking = [group for keys, group in shapes.items() if key not in keys]
        yield _finding(ctx, key, f"{count:,} of {total:,}", total - count, first, task, did_you_mean(key, rare), _members(ctx, lacking))


def _members(ctx: Context, groups: list[list[str]]) -> Members:
    """Where each task lacking the key would get its own finding, in task order."""

    def spell() -> Iterator[str]:
        for pointer in sorted((p for group in groups for p in group), key=task_index):
            yield variables_pointer(pointer, ctx.document["tasks"][task_index(pointer)])

    return Members(sum(map(len, groups)), spell)


def _finding(
    ctx: Context, key: str, share: str, lacking: int, pointer: str, task: dict[str, Any], guess: str | None, members: Members
) -> Finding:
    index = task_index(pointer)
    hint = (
        f"{ctx.task_ref(index)} has `{quote(guess)}`: rename it to `{quote(key)}`"
        if guess
        else f"add `{quote(key)}` to these tasks' {FIELD}, or give it a default on the agent"
    )
    return ctx.finding(
        variables_pointer(pointer, task),
        f"{ctx.task_ref(index)} has no dynamic variable `{quote(key)}`, which {share} tasks set: "
        f"{{{{{quote(key)}}}}} renders blank in the {tasks_word(lacking)} without it",
        hint,
        members=members,
    )
