"""A ``{{placeholder}}`` the task's pulled agent uses is not set by the task, nor filled by a default or by Retell.

Why it matters: the prompts live on Retell, not in the payload. When the agent's
general prompt, a state prompt, a tool's description or URL, a
conversation-flow node or the voicemail message says ``{{order_id}}`` and a
task's ``retell_llm_dynamic_variables`` has no ``order_id``, that call runs
with the placeholder unfilled: the agent talks about an order it cannot name,
or a tool calls a URL without the id. Checked only with ``--agents DIR``
(``agents`` in the configuration): the folder ``retell-validate agent pull``
wrote. Each task runs its ``override_agent_id`` (at its
``override_agent_version``), else the pulled outbound agent of the batch's
``from_number``; a task's own ``agent_override`` replaces what it overrides.
A name is not missing when the task sets it, when the engine's
``default_dynamic_variables`` or the version tag's dynamic variables give it a
default, when the agent sets it during the call (a tool's
``response_variables``, an "extract dynamic variables" tool or node), or when
Retell fills it (``current_time``, ``user_number`` …, listed in
``validator/knowledge/data/system_dynamic_variables.yaml``); spaces inside
the braces are ignored, as Retell ignores them. One finding per agent version
and name, at the first task lacking it, with the number of tasks and where the
placeholder stands. A name in the begin message is RBV606's (an error); a task
that sets a near miss (``orderId``) is RBV607's, with a fix.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import quote
from validator.rules import Example, Kind
from validator.rules.tasks._agents import agent_findings, example_agent, filled_by, some_tasks, variables_of, where
from validator.rules.tasks._variables import FIELD

CODE = "RBV605"
NAME = "tasks-agent-variable-missing"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
_AGENT = example_agent({"general_prompt": "You call about order {{order_id}}, placed {{ order_date }}."})
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_sales", "retell_llm_dynamic_variables": {"order_date": "May 2"}}]',
    agents={"agent_sales.json": _AGENT},
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_sales", '
    '"retell_llm_dynamic_variables": {"order_id": "A-17", "order_date": "May 2"}}]',
    agents={"agent_sales.json": _AGENT},
)


def check(ctx: Context) -> Iterator[Finding]:
    found = agent_findings(ctx)
    if found is None:
        return
    for gap in found.gaps.values():
        if gap.begin is not None:
            continue
        name = quote(gap.name)
        yield ctx.finding(
            variables_of(ctx, gap.first),
            f"{{{{{name}}}}} is used in the {where(gap.places)} of {gap.resolved.words()}, but {some_tasks(ctx, gap.count, gap.first)} "
            f"{'does' if gap.count == 1 else 'do'} not set `{name}`: {'that call runs' if gap.count == 1 else 'those calls run'} with it unfilled",
            f"add `{name}` to these tasks' {FIELD}, {filled_by(gap.resolved)}",
        )
