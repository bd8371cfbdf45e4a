"""RBV607 tasks-agent-variable-misspelled: a task variable whose name is a near miss of a placeholder its agent uses."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.helpers import FIXED_NOW, check, one, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.tasks._agents_cases import NEAR
from tests.rules.tasks.agents import AGENTS, SALES, batch, call, sales, support
from validator.api import validate_text
from validator.fix.apply import fix_text
from validator.openapi.load import load_spec
from validator.rules.tasks._agents import near_miss

CODE = "RBV607"
V = "retell_llm_dynamic_variables"

CASES = [
    flags(
        "another case",
        batch(sales(0, without=("order_id",), orderId="A-17")),
        At(f"/tasks/0/{V}/orderId", "warning", says="uses {{order_id}}"),
        settings=AGENTS,
    ),
    flags("other separators", batch(call(0, {**SALES, "order-id": "A"}, without=("order_id",))), f"/tasks/0/{V}/order-id", settings=AGENTS),
    flags("two letters swapped", batch(sales(0, without=("account_ref",), accoutn_ref="R")), f"/tasks/0/{V}/accoutn_ref", settings=AGENTS),
    flags(
        "a conversation flow's tool", batch(support(0, without=("product",), Product="router")), f"/tasks/0/{V}/Product", settings=AGENTS
    ),
    flags(
        "one finding per spelling, the count and the first task",
        batch(sales(0), sales(1, without=("order_id",), orderId="1"), sales(2, without=("order_id",), orderId="2")),
        At(f"/tasks/1/{V}/orderId", says="2 tasks (first tasks[1]) set `orderId`"),
        settings=AGENTS,
    ),
    passes("the right name", batch(sales(0)), settings=AGENTS),
    passes("too far: order_no for order_id", batch(sales(0, without=("order_id",), order_no="1")), settings=AGENTS),
    passes("two candidates as near: no guess", batch(sales(0, without=("order_id",), order_ic="1", order_im="2")), settings=AGENTS),
    passes("a name the agent uses is no near miss", batch(sales(0, without=("address",))), settings=AGENTS),
    passes("in the begin message it is RBV606's", batch(sales(0, without=("first_name",), firstName="A")), settings=AGENTS),
    passes("without --agents", batch(sales(0, without=("order_id",), orderId="A-17"))),
]

test_cases = cases_test(CODE, CASES)


def test_the_message_the_hint_and_the_fix() -> None:
    payload = batch(sales(0, without=("order_id",), orderId="A-17"), sales(1, without=("order_id",), orderId="B-2"))
    report = check(payload, settings=AGENTS)
    found = one(report, CODE)
    assert found.message.startswith(
        '2 tasks (first tasks[0]) set `orderId`, but agent agent_sales v3 ("Sales") uses {{order_id}} (in the general prompt'
    )
    assert found.message.endswith("which these tasks do not set")
    assert found.hint == "rename `orderId` to `order_id` (--fix --unsafe-fixes renames it in all 2)"
    assert found.fix is not None and not found.fix.safe and found.fix.title == "rename `orderId` to `order_id` in 2 tasks"
    assert only(report, "RBV605") == [] and only(report, "RBV608") == [] and only(report, "RBV602") == []


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_the_fix_renames_the_key_in_every_task_and_nothing_else(fmt: str) -> None:
    payload = batch(sales(0, without=("order_id",), orderId="A-17"), sales(1), sales(2, without=("order_id",), orderId="C-3"))
    text = json.dumps(payload, indent=2) if fmt == "json" else yaml.safe_dump(payload, sort_keys=False)
    fixed = fix_text(text, fmt, file=None, settings=AGENTS, spec=load_spec(), unsafe=True)  # type: ignore[arg-type]
    after = json.loads(fixed.after) if fmt == "json" else yaml.safe_load(fixed.after)
    assert [task[V]["order_id"] for task in after["tasks"]] == ["A-17", "A-17", "C-3"]
    assert all("orderId" not in task[V] for task in after["tasks"])
    assert list(after["tasks"][0][V]) == [
        key if key != "orderId" else "order_id" for key in payload["tasks"][0][V]
    ]  # the key keeps its place
    assert only(validate_text(fixed.after, fmt, now=FIXED_NOW, settings=AGENTS), CODE) == []  # type: ignore[arg-type]
    safe = fix_text(text, fmt, file=None, settings=AGENTS, spec=load_spec(), unsafe=False)  # type: ignore[arg-type]
    assert safe.after == text  # a rename changes what the agent hears: only with --unsafe-fixes


@pytest.mark.parametrize(("name", "keys", "guess"), NEAR)
def test_what_counts_as_a_near_miss(name: str, keys: list[str], guess: str | None) -> None:
    assert near_miss(name, keys) == guess


def test_every_sales_variable_is_named_in_the_fixtures() -> None:
    assert set(SALES) == {"first_name", "order_id", "address", "account_ref"}
