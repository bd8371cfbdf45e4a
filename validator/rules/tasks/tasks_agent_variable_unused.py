"""A task sets a dynamic variable that no placeholder of its pulled agent uses.

Why it matters: usually nothing: the value may be meant for a webhook or for
your records (the call object carries the variables). But it may also be a
value the agent was meant to use under another name, or left over from an
older prompt, which makes the batch harder to trust. Reported as information,
one finding per agent version and name at the first task's key, with the number
of tasks. Checked with ``--agents DIR`` as RBV605 is; a name that is a near miss
of a placeholder is RBV607's (or RBV606's), not this rule's, and nothing is
reported for an agent whose prompts are a custom LLM's (they live on your
server).
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import quote
from validator.rules import Example, Kind
from validator.rules.tasks._agents import agent_findings, example_agent, key_of, some_tasks

CODE = "RBV608"
NAME = "tasks-agent-variable-unused"
SEVERITY = Severity.INFO
KIND = Kind.DOCUMENT
_AGENT = example_agent({"general_prompt": "The customer is {{customer_name}}."})
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_sales", '
    '"retell_llm_dynamic_variables": {"customer_name": "Ann", "promo_code": "JUNE"}}]',
    agents={"agent_sales.json": _AGENT},
)
PASSES = Example(
    '"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_sales", "retell_llm_dynamic_variables": {"customer_name": "Ann"}}]',
    agents={"agent_sales.json": _AGENT},
)


def check(ctx: Context) -> Iterator[Finding]:
    found = agent_findings(ctx)
    if found is None:
        return
    for unused in found.unused.values():
        key = quote(unused.key)
        yield ctx.finding(
            key_of(unused.first, unused.key),
            f"`{key}` is set by {some_tasks(ctx, unused.count, unused.first)}, but no placeholder of {unused.agents} uses {{{{{key}}}}}",
            "remove it if nothing reads it (webhooks get the variables too), or use it in the agent's prompts",
            key=True,
        )
