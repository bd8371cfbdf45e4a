"""A task sets a dynamic variable whose name is a near miss of a placeholder its pulled agent uses (``firstName`` for ``first_name``).

Why it matters: Retell matches names exactly. A spreadsheet column
``firstName``, ``First Name`` turned ``first-name``, or a typo
(``customer_nmae``) leaves the agent's ``{{first_name}}`` unfilled while the
value sits in the task under another name. A near miss is the same letters in
another case or with other separators, or one letter off (two in a name of eight
letters or more: a swap of neighbours counts as one), among the task's
variables that the agent does not use, and only when exactly one is that close.
One finding per agent version, placeholder and spelling, at the first task's
key, with the number of tasks; its fix (``--fix --unsafe-fixes``: the agent gets
a value it did not get before) renames the key in every one of them. Checked
with ``--agents DIR`` as RBV605 is; a placeholder of the begin message is
RBV606's, which names the near miss and carries the same fix.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import quote
from validator.rules import Example, Kind
from validator.rules.tasks._agents import agent_findings, example_agent, key_of, rename_fix, some_tasks, where

CODE = "RBV607"
NAME = "tasks-agent-variable-misspelled"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
_AGENT = example_agent({"general_prompt": "The customer is {{customer_name}}; their plan is {{plan}}."})
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_sales", '
    '"retell_llm_dynamic_variables": {"customerName": "Ann", "plan": "gold"}}]',
    agents={"agent_sales.json": _AGENT},
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_sales", '
    '"retell_llm_dynamic_variables": {"customer_name": "Ann", "plan": "gold"}}]',
    agents={"agent_sales.json": _AGENT},
)


def check(ctx: Context) -> Iterator[Finding]:
    found = agent_findings(ctx)
    if found is None:
        return
    for near in found.near.values():
        first, count = min(near.tasks), len(near.tasks)
        name, key = quote(near.name), quote(near.key)
        yield ctx.finding(
            key_of(first, near.key),
            f"{some_tasks(ctx, count, first)} set{'s' if count == 1 else ''} `{key}`, but {near.resolved.words()} uses "
            f"{{{{{name}}}}} (in the {where(near.places)}), which {'the task does' if count == 1 else 'these tasks do'} not set",
            f"rename `{key}` to `{name}` (--fix --unsafe-fixes renames it in {'the task' if count == 1 else f'all {count:,}'})",
            key=True,
            fix=rename_fix(ctx, near.name, {near.key: near.tasks}),
        )
