"""RBV605 tasks-agent-variable-missing: a placeholder the task's pulled agent uses that the task does not set."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.agents.sdk_agents import PHONE, document, write_folder
from tests.helpers import check, one, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.tasks.agents import AGENTS, SALES, batch, call, sales, support
from validator import Settings
from validator.knowledge.tables import load_table

CODE = "RBV605"
V = "retell_llm_dynamic_variables"

CASES = [
    flags(
        "the from_number's outbound agent: the general prompt and a tool's URL",
        batch(sales(0, without=("order_id",))),
        At(f"/tasks/0/{V}", "warning", says="{{order_id}} is used in the general prompt, state 'qualify' › tool 'lookup_order' › url"),
        settings=AGENTS,
    ),
    flags(
        "a state prompt, with spaces inside the braces",
        batch(sales(0, without=("address",))),
        At(f"/tasks/0/{V}", says="{{address}} is used in the state 'qualify' › state prompt of agent agent_sales v3 (\"Sales\")"),
        settings=AGENTS,
    ),
    flags(
        "a tool's description and header",
        batch(sales(0, without=("account_ref",))),
        At(f"/tasks/0/{V}", says="tool 'lookup_order' › description and state 'qualify' › tool 'lookup_order' › headers › X-Account"),
        settings=AGENTS,
    ),
    flags(
        "one finding per variable and agent: the count and the first task",
        batch(sales(0), sales(1, without=("order_id",)), sales(2, without=("order_id",))),
        At(f"/tasks/1/{V}", says="2 tasks (first tasks[1]) do not set `order_id`"),
        settings=AGENTS,
    ),
    flags(
        "a conversation flow: a node's prompt and an edge's condition",
        batch(support(0, without=("product",))),
        At(
            f"/tasks/0/{V}",
            says="{{product}} is used in the node 'Greeting' › edge 'e1' › transition condition › prompt and node 'Ask' › instruction",
        ),
        settings=AGENTS,
    ),
    flags(
        "a pinned version says other things",
        batch(call(0, {"name": "Ann"}, override_agent_id="agent_sales", override_agent_version=2)),
        At(f"/tasks/0/{V}", says="{{order_id}} is used in the general prompt of agent agent_sales v2"),
        settings=AGENTS,
    ),
    flags(
        "the task's own agent_override",
        batch(sales(0, override={"retell_llm": {"general_prompt": "Mention {{promo}}."}})),
        At(f"/tasks/0/{V}", says="general prompt (the task's agent_override)"),
        settings=AGENTS,
    ),
    flags(
        "a custom LLM's voicemail message",
        batch(call(0, {}, override_agent_id="agent_custom")),
        At("/tasks/0/retell_llm_dynamic_variables", says="{{callback_number}} is used in the voicemail message"),
        settings=AGENTS,
    ),
    flags(
        "a task without variables", batch({"to_number": "+12137770000", "override_agent_id": "agent_custom"}), "/tasks/0", settings=AGENTS
    ),
    passes(
        "every variable set: system variables, defaults, a tag's variables, set during the call",
        batch(sales(0), support(1)),
        settings=AGENTS,
    ),
    passes(
        "the override replaces the state that used it",
        batch(sales(0, without=("address",), override={"retell_llm": {"states": []}})),
        settings=AGENTS,
    ),
    passes(
        "the override gives a default",
        batch(
            sales(0, without=("order_id",), override={"retell_llm": {"default_dynamic_variables": {"order_id": "?", "company": "Acme"}}})
        ),
        settings=AGENTS,
    ),
    passes("without --agents nothing is checked", batch(sales(0, without=("order_id",)))),
    passes("a near miss is RBV607's", batch(sales(0, without=("order_id",), orderId="A-17")), settings=AGENTS),
    passes("a begin-message variable is RBV606's", batch(sales(0, without=("first_name",))), settings=AGENTS),
]

test_cases = cases_test(CODE, CASES)


def test_the_message_names_the_agent_the_variable_and_where_it_stands() -> None:
    found = one(check(batch(sales(0, without=("order_id",))), settings=AGENTS), CODE)
    assert found.message == (
        "{{order_id}} is used in the general prompt, state 'qualify' › tool 'lookup_order' › url, state 'qualify' › tool 'lookup_order' › "
        'description and 1 more place of agent agent_sales v3 ("Sales"), but tasks[0] does not set `order_id`: that call runs with it unfilled'
    )
    assert (
        found.hint
        == "add `order_id` to these tasks' retell_llm_dynamic_variables, or give it a default in the Retell LLM llm_sales's default_dynamic_variables"
    )


def test_a_default_of_the_engine_or_of_the_tag_fills_a_name() -> None:
    # company has a default on the LLM; goodbye comes from the "prod" tag's dynamic variables (v3's preferred tag).
    assert only(check(batch(sales(0)), settings=AGENTS), CODE) == []
    pinned_beta = batch(call(0, {**SALES, "name": "A"}, override_agent_id="agent_sales", override_agent_version="beta"))
    assert only(check(pinned_beta, settings=AGENTS), CODE) == []  # v2 uses no goodbye
    by_number = batch(call(0, SALES, override_agent_id="agent_sales", override_agent_version=3))  # v3's preferred tag is prod
    assert only(check(by_number, settings=AGENTS), CODE) == []


def test_settings_without_agents_change_nothing() -> None:
    payload = batch(sales(0, without=("order_id",)))
    assert check(payload).diagnostics == check(payload, settings=Settings()).diagnostics
    assert only(check(payload), CODE) == []


def test_a_number_that_splits_its_calls_checks_each_task_against_each_agent(tmp_path: Path) -> None:
    phone = {
        **json.loads(PHONE),
        "outbound_agents": [
            {"agent_id": "agent_sales", "agent_version": "prod", "weight": 0.5},
            {"agent_id": "agent_support", "weight": 0.5},
        ],
    }
    sales_file, support_file = document("agent_sales"), document("agent_support")
    sales_file["phone_numbers"] = support_file["phone_numbers"] = [phone]
    settings = Settings(agents=write_folder(tmp_path, {"agent_sales": sales_file, "agent_support": support_file}))
    report = check(batch(call(0, {**SALES, "customer_name": "A", "ticket_id": "1"})), settings=settings)  # no product: support's
    assert [(d.code, d.message.split(" is ")[0]) for d in report.diagnostics if d.code.startswith("RBV6")] == [("RBV605", "{{product}}")]
    assert "agent agent_support v1" in one(report, CODE).message
    # first_name is sales's and customer_name support's: neither is unused, nor a misspelling of the other's.
    assert only(report, "RBV608") == [] and only(report, "RBV607") == []


# Every place a placeholder stands: the name missing is flagged there (RBV606 in the opening words), set it is not.
LOCATIONS = [
    ("order_id", "general prompt", "RBV605", sales),
    ("address", "state 'qualify' › state prompt", "RBV605", sales),
    ("account_ref", "state 'qualify' › tool 'lookup_order' › description", "RBV605", sales),
    ("account_ref", "state 'qualify' › tool 'lookup_order' › headers › X-Account", "RBV605", sales),
    ("order_id", "state 'qualify' › tool 'lookup_order' › url", "RBV605", sales),
    ("first_name", "voicemail message", "RBV606", sales),
    ("first_name", "begin message", "RBV606", sales),
    ("product", "node 'Ask' › instruction", "RBV605", support),
    ("product", "node 'Greeting' › edge 'e1' › transition condition › prompt", "RBV605", support),
    ("ticket_id", "tool 'fetch_ticket' › description", "RBV606", support),
    ("customer_name", "global prompt", "RBV606", support),
    ("customer_name", "node 'Greeting' › instruction", "RBV606", support),
]


@pytest.mark.parametrize(("name", "place", "code", "task"), LOCATIONS, ids=[f"{n} in {p}" for n, p, _, _ in LOCATIONS])
def test_every_place_a_placeholder_stands(name: str, place: str, code: str, task: Callable[..., dict[str, Any]]) -> None:
    missing = [d for d in check(batch(task(0, without=(name,))), settings=AGENTS).diagnostics if f"{{{{{name}}}}}" in d.message]
    assert [d.code for d in missing] == [code] and place in missing[0].message
    assert [d for d in check(batch(task(0)), settings=AGENTS).diagnostics if f"{{{{{name}}}}}" in d.message] == []


def test_retells_system_variables_are_never_flagged(tmp_path: Path) -> None:
    table = load_table("system_dynamic_variables")["variables"]
    spoken = " ".join("{{" + entry.get("name", entry.get("prefix", "") + "Europe/Paris") + "}}" for entry in table)
    agent = {
        "retell_validate": "pulled-agent",
        "versions": [
            {"agent": {"agent_id": "a", "version": 0, "response_engine": {"type": "retell-llm"}}, "retell_llm": {"begin_message": spoken}}
        ],
    }
    settings = Settings(agents=write_folder(tmp_path, {"a": agent}))
    report = check(batch(call(0, {}, override_agent_id="a")), settings=settings)
    assert [d for d in report.diagnostics if d.code.startswith("RBV6")] == []
