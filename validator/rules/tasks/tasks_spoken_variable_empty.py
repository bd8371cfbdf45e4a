"""A dynamic variable the agent override speaks (``{{name}}``) is set to an empty or blank string.

Why it matters: ``"begin_message": "Hi {{customer_name}}"`` with ``"customer_name": ""``
says "Hi , this is…", and the blank overrides any default the agent defines. A
``{{placeholder}}`` in any task's ``agent_override`` is the evidence that the variable
is spoken; a blank value without it is RBV603's note. Findings are grouped: one per
variable name, at the first task where it is blank, with the number of tasks affected.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.json_values import quote
from validator.rules import Example, Kind
from validator.rules.tasks._empty import blanks, more, spoken
from validator.rules.tasks._variables import task_index

CODE = "RBV611"
NAME = "tasks-spoken-variable-empty"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example(
    """
    "tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": ""},
               "agent_override": {"retell_llm": {"begin_message": "Hi {{customer_name}}"}}}]
    """
)
PASSES = Example(
    """
    "tasks": [{"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "Ann", "notes": ""},
               "agent_override": {"retell_llm": {"begin_message": "Hi {{customer_name}}"}}}]
    """
)


def check(ctx: Context) -> Iterator[Finding]:
    said = spoken(ctx)
    if not said:
        return
    for blank in blanks(ctx):
        where = said.get(blank.key)
        if where is None:
            continue  # RBV603
        key = quote(blank.key)
        yield ctx.finding(
            blank.pointer,
            f"dynamic variable `{key}` is empty in {ctx.task_ref(task_index(blank.tasks[0]))}{more(len(blank.tasks) - 1)}, "
            f"and {ctx.task_ref(task_index(where))}'s agent_override speaks {{{{{key}}}}}: it renders blank in the call",
            "fill in the value, or remove the key so the agent's default applies",
            members=blank.members(),
        )
