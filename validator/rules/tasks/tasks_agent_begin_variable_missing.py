"""A ``{{placeholder}}`` in the begin message of the task's pulled agent is not set by the task.

Why it matters: the begin message is the first thing the person hears. "Hi
{{first_name}}, this is Ava from Acme" with no ``first_name`` in the task's
``retell_llm_dynamic_variables`` opens the call with the placeholder unfilled,
before anything can recover. The begin message is the Retell LLM's
``begin_message`` (or the one a task's ``agent_override`` sets), or, for a
conversation flow whose agent speaks first, the start node's instruction.
Checked as RBV605 checks the other placeholders (``--agents DIR``; defaults,
version tags, variables set during the call and Retell's system variables fill
a name), with one finding per agent version and name at the first task lacking
it, the number of tasks, and everywhere else the name stands. When tasks set a
near miss instead (``firstName`` for ``first_name``), the hint names it and an
unsafe fix (``--fix --unsafe-fixes``) renames it in those tasks: one finding for
the one cause, at the severity of the begin message.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import quote
from validator.rules import Example, Kind
from validator.rules.tasks._agents import agent_findings, example_agent, filled_by, rename_fix, some_tasks, variables_of, where
from validator.rules.tasks._variables import FIELD

CODE = "RBV606"
NAME = "tasks-agent-begin-variable-missing"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
_AGENT = example_agent(
    {"begin_message": "Hi {{first_name}}, this is Ava from Acme."},
    phone_numbers=[{"phone_number": "+14157774444", "outbound_agents": [{"agent_id": "agent_sales", "weight": 1}]}],
)
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"firstName": "Ann"}}]',
    agents={"agent_sales.json": _AGENT},
    note="the from_number's outbound agent",
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"first_name": "Ann"}}]',
    agents={"agent_sales.json": _AGENT},
)


def check(ctx: Context) -> Iterator[Finding]:
    found = agent_findings(ctx)
    if found is None:
        return
    for gap in found.gaps.values():
        if gap.begin is None:
            continue
        name = quote(gap.name)
        others = tuple(place for place in gap.places if place != gap.begin)
        opening = gap.begin if gap.begin.startswith("begin message") else f"opening words ({gap.begin}: the agent speaks first)"
        also = f"; it is also in the {where(others)}" if others else ""
        message = (
            f"{{{{{name}}}}} is in the {opening} of {gap.resolved.words()}, the first words the person hears, "
            f"but {some_tasks(ctx, gap.count, gap.first)} {'does' if gap.count == 1 else 'do'} not set `{name}`{also}"
        )
        fix = None
        hint = f"add `{name}` to these tasks' {FIELD}, {filled_by(gap.resolved)}"
        if gap.renames:
            spelled = "; ".join(
                f"{some_tasks(ctx, len(tasks), min(tasks))} set{'s' if len(tasks) == 1 else ''} `{quote(key)}`"
                for key, tasks in gap.renames.items()
            )
            hint = f"{spelled}: rename it to `{name}` (--fix --unsafe-fixes does); the others need `{name}` added"
            if sum(len(tasks) for tasks in gap.renames.values()) == gap.count:
                hint = f"{spelled}: rename it to `{name}` (--fix --unsafe-fixes does)"
            fix = rename_fix(ctx, gap.name, gap.renames)
        yield ctx.finding(variables_of(ctx, gap.first), message, hint, fix=fix)
