"""The ``--agents`` folder cannot be read as pulled agents: the tasks' placeholders were not checked.

Why it matters: ``--agents DIR`` (``agents`` in the configuration) asks for
every task's dynamic variables to be checked against the agent it runs; a
folder that is missing, or a file in it that is not what ``retell-validate
agent pull`` writes (broken JSON, an edit gone wrong, another tool's file),
would otherwise turn those checks off without a word. ``check`` refuses such a
folder before checking anything (exit status 2); the library, the language
server, ``split`` and the SDK guard report it here, once per payload.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind
from validator.rules.tasks._agents import agent_findings

CODE = "RBV610"
NAME = "tasks-agent-files-unreadable"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
_AGENT = {
    "retell_validate": "pulled-agent",
    "versions": [
        {"agent": {"agent_id": "agent_sales", "version": 0, "response_engine": {"type": "custom-llm", "llm_websocket_url": "wss://x"}}}
    ],
}
FAILS = Example(
    '"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_sales"}]',
    agents={"agent_sales.json": {"versions": _AGENT["versions"]}},
    note='a file without "retell_validate": "pulled-agent"',
)
PASSES = Example('"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_sales"}]', agents={"agent_sales.json": _AGENT})


def check(ctx: Context) -> Iterator[Finding]:
    found = agent_findings(ctx)
    if found is not None and found.error is not None:
        yield ctx.finding(
            "",
            f"the pulled agents were not read, so no task's dynamic variables were checked against them: {found.error}",
            "pull the agents again (retell-validate agent pull … -o DIR), or fix the file named",
        )
