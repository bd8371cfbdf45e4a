"""Some tasks lack a dynamic variable that most tasks set.

Why it matters: a prompt that says ``Hi {{customer_name}}`` renders a blank
for every call whose ``retell_llm_dynamic_variables`` has no
``customer_name`` ("Hi , this is…"), unless the agent defines a default. A
key set by more than half of the tasks is expected in all of them. Findings
are grouped: one per missing key, at the first task lacking it, with the
number of tasks affected; the hint names a near-miss key (a typo such as
``customer_nmae``) when the task has one.

Fails::

    "tasks": [
      {"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "Ann"}},
      {"to_number": "+12137774446", "retell_llm_dynamic_variables": {"customer_name": "Bob"}},
      {"to_number": "+12137774447", "retell_llm_dynamic_variables": {"customer_nmae": "Cy"}}
    ]

Passes::

    "tasks": [
      {"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "Ann"}},
      {"to_number": "+12137774446", "retell_llm_dynamic_variables": {"customer_name": "Bob"}}
    ]
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules._variables import TaskVariables, task_variables, tasks_word
from validator.schema_tools import did_you_mean

CODE = "RBV602"
NAME = "tasks-variable-missing"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Finding]:
    # Group tasks by their set of keys: batches have few distinct shapes, so the work is per shape.
    shapes: dict[frozenset[str], list[TaskVariables]] = {}
    for task in task_variables(ctx):
        shapes.setdefault(frozenset(task.values), []).append(task)
    total = sum(len(group) for group in shapes.values())
    counts: dict[str, int] = {}
    for keys, group in shapes.items():
        for key in keys:
            counts[key] = counts.get(key, 0) + len(group)
    for key, count in counts.items():
        if count * 2 <= total or count == total:
            continue
        lacking = [group for keys, group in shapes.items() if key not in keys]
        first = min((group[0] for group in lacking), key=lambda t: t.index)
        affected = total - count
        guess = did_you_mean(key, [k for k in first.values if k not in counts or counts[k] * 2 <= total])
        hint = (
            f"tasks[{first.index}] has `{guess}`: rename it to `{key}`"
            if guess
            else f"add `{key}` to these tasks' retell_llm_dynamic_variables, or give it a default on the agent"
        )
        yield ctx.finding(
            first.pointer,
            f"tasks[{first.index}] has no dynamic variable `{key}`, which {count:,} of {total:,} tasks set: "
            f"{{{{{key}}}}} renders blank in the {tasks_word(affected)} without it",
            hint,
        )
