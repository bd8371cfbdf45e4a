"""Tasks run an agent, or pin a version of it, that is not in the ``--agents`` folder: their placeholders were not checked.

Why it matters: with ``--agents DIR`` a batch is checked against the agents it
will run; a task whose agent (its ``override_agent_id``, or the outbound agent of
the batch's ``from_number``) or whose ``override_agent_version`` (a number, a tag
such as ``prod``, ``latest``) was not pulled gets no check of its
``{{placeholders}}``, silently. One finding per agent or version, with the number
of tasks and the command that pulls it.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind
from validator.rules.tasks._agents import agent_findings, example_agent
from validator.rules.tasks._variables import tasks_word

CODE = "RBV609"
NAME = "tasks-agent-not-pulled"
SEVERITY = Severity.INFO
KIND = Kind.DOCUMENT
_AGENT = example_agent({"general_prompt": "The customer is {{customer_name}}."}, version=4, refs={"latest": 4})
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_sales", "override_agent_version": 3, '
    '"retell_llm_dynamic_variables": {"customer_name": "Ann"}}]',
    agents={"agent_sales.json": _AGENT},
    note="version 3 was not pulled",
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_sales", "override_agent_version": 4, '
    '"retell_llm_dynamic_variables": {"customer_name": "Ann"}}]',
    agents={"agent_sales.json": _AGENT},
)


def check(ctx: Context) -> Iterator[Finding]:
    found = agent_findings(ctx)
    if found is None:
        return
    for missing in found.unpulled.values():
        yield ctx.finding(
            missing.pointer,
            f"{tasks_word(missing.count)} run{'s' if missing.count == 1 else ''} {missing.what}, which is not in {found.agents.folder if found.agents else 'the agents folder'}: "
            f"{'its' if missing.count == 1 else 'their'} dynamic variables were not checked against it",
            f"pull it: {missing.command}",
        )
