"""A dynamic variable is set to an empty (or blank) string, and nothing shows the agent speaks it.

Why it matters: ``""`` is the usual value for optional context (an email, notes) that
a prompt may never use, so on its own a blank value is a note, not a problem. If the
agent's prompt (on Retell, not in the payload) does use ``{{customer_name}}``, the call
says "Hi , this is…" and the blank overrides any default the agent defines. When a
``{{placeholder}}`` in some task's ``agent_override`` shows the variable is spoken, the
blank value is RBV611's warning instead. Raise this rule's severity in the configuration
(``severity = {RBV603 = "warning"}``) when your prompts use every variable you send.
Findings are grouped: one per variable name, at the first task where it is blank, with
the number of tasks affected.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import quote
from validator.rules import Example, Kind
from validator.rules.tasks._empty import blanks, more, spoken
from validator.rules.tasks._variables import task_index

CODE = "RBV603"
NAME = "tasks-variable-empty"
SEVERITY = Severity.INFO
KIND = Kind.DOCUMENT
FAILS = Example('"tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "  "}}]')
PASSES = Example('"tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "Ann"}}]')


def check(ctx: Context) -> Iterator[Finding]:
    said = spoken(ctx)
    for blank in blanks(ctx):
        if blank.key in said:
            continue  # RBV611
        key = quote(blank.key)
        yield ctx.finding(
            blank.pointer,
            f"dynamic variable `{key}` is empty in {ctx.task_ref(task_index(blank.tasks[0]))}{more(len(blank.tasks) - 1)}: "
            f"if the agent's prompt uses {{{{{key}}}}}, it renders blank in the call",
            "fill in the value if the prompt uses it, or remove the key so the agent's default applies",
            members=blank.members(),
        )
