"""RBV606 tasks-agent-begin-variable-missing: a placeholder of the begin message (the opening words) the task does not set."""

from __future__ import annotations

import json

from tests.helpers import FIXED_NOW, check, one, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.tasks.agents import AGENTS, SALES, batch, call, sales, support
from validator.api import validate_text
from validator.fix.apply import fix_text
from validator.openapi.load import load_spec

CODE = "RBV606"
V = "retell_llm_dynamic_variables"

CASES = [
    flags(
        "the Retell LLM's begin message",
        batch(sales(0, without=("first_name",))),
        At(
            f"/tasks/0/{V}",
            "error",
            says='{{first_name}} is in the begin message of agent agent_sales v3 ("Sales"), the first words the person hears',
        ),
        settings=AGENTS,
    ),
    flags(
        "a conversation flow's start node, the agent speaking first",
        batch(support(0, without=("customer_name", "ticket_id"))),
        At(
            f"/tasks/0/{V}",
            "error",
            says="{{customer_name}} is in the opening words (node 'Greeting' › instruction: the agent speaks first)",
        ),
        At(f"/tasks/0/{V}", "error", says="{{ticket_id}}"),
        settings=AGENTS,
    ),
    flags(
        "a near miss: one finding, with the rename",
        batch(sales(0, without=("first_name",), firstName="Ann"), sales(1, without=("first_name",))),
        At(f"/tasks/0/{V}", "error", says="2 tasks (first tasks[0]) do not set `first_name`"),
        settings=AGENTS,
    ),
    flags(
        "the begin message a task's override sets",
        batch(sales(0, override={"retell_llm": {"begin_message": "Hey {{nickname}}!"}})),
        At(f"/tasks/0/{V}", "error", says="{{nickname}} is in the begin message"),
        settings=AGENTS,
    ),
    passes("set", batch(sales(0), support(1)), settings=AGENTS),
    passes("a default of the LLM: {{ company }}", batch(sales(0)), settings=AGENTS),
    passes(
        "an override without it",
        batch(
            sales(0, without=("first_name",), override={"retell_llm": {"begin_message": "Hello!"}, "agent": {"voicemail_option": None}}),
        ),
        settings=AGENTS,
    ),
    passes(
        "the flow's user speaks first: the start node is no opening",
        batch(support(0, without=("ticket_id",), override={"conversation_flow": {"start_speaker": "user"}})),
        settings=AGENTS,
    ),
]

test_cases = cases_test(CODE, CASES)


def test_the_message_says_where_else_the_name_stands_and_the_hint_where_to_set_it() -> None:
    found = one(check(batch(sales(0, without=("first_name",))), settings=AGENTS), CODE)
    assert found.message.endswith("but tasks[0] does not set `first_name`; it is also in the general prompt and voicemail message")
    assert (
        found.hint
        == "add `first_name` to these tasks' retell_llm_dynamic_variables, or give it a default in the Retell LLM llm_sales's default_dynamic_variables"
    )
    assert found.fix is None
    assert only(check(batch(sales(0, without=("first_name",))), settings=AGENTS), "RBV605") == []  # one finding for one cause


def test_a_near_miss_in_the_begin_message_is_an_error_with_an_unsafe_rename() -> None:
    payload = batch(sales(0, without=("first_name",), firstName="Ann"), sales(1, without=("first_name",), firstName="Bo"))
    report = check(payload, settings=AGENTS)
    found = one(report, CODE)
    assert found.hint == "2 tasks (first tasks[0]) set `firstName`: rename it to `first_name` (--fix --unsafe-fixes does)"
    assert found.fix is not None and not found.fix.safe and found.fix.at == "/tasks"
    assert only(report, "RBV607") == [] and only(report, "RBV608") == []  # not a misspelling warning, not an unused variable too
    text = json.dumps(payload, indent=2)
    fixed = fix_text(text, "json", file=None, settings=AGENTS, spec=load_spec(), unsafe=True)
    assert [task[V] for task in json.loads(fixed.after)["tasks"]] == [{**SALES, "first_name": "Ann"}, {**SALES, "first_name": "Bo"}]
    assert only(validate_text(fixed.after, "json", now=FIXED_NOW, settings=AGENTS), CODE) == []


def test_in_yaml_the_finding_has_the_line_of_the_first_task_lacking_it() -> None:
    text = (
        'from_number: "+14157774444"\ntasks:\n'
        '  - to_number: "+12137770000"\n    retell_llm_dynamic_variables: {first_name: A, order_id: "1", address: x, account_ref: r}\n'
        '  - to_number: "+12137770001"\n    retell_llm_dynamic_variables: {order_id: "1", address: x, account_ref: r}\n'
    )
    found = one(validate_text(text, "yaml", now=FIXED_NOW, settings=AGENTS), CODE)
    assert (found.pointer, found.line) == (f"/tasks/1/{V}", 6)


def test_a_task_pinning_the_version_with_another_begin_message() -> None:
    found = one(check(batch(call(0, SALES, override_agent_id="agent_sales", override_agent_version=2)), settings=AGENTS), CODE)
    assert "{{name}} is in the begin message of agent agent_sales v2" in found.message
