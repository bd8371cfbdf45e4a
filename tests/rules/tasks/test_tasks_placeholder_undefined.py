"""RBV604 tasks-placeholder-undefined: a ``{{placeholder}}`` in a task's agent_override that the task's variables do not set."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import check, one, only, seed, with_task
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.tasks import WRONG_TYPES, task
from tests.rules.tasks.agents import AGENTS, batch, call, sales
from validator import Severity

CODE = "RBV604"

GREETING = {"retell_llm": {"begin_message": "Hi {{customer_name}}, about {{ plan }}"}}
TWO_TASKS = seed(tasks=[{**task(1, customer_name="Ann"), "agent_override": GREETING}, {**task(2), "agent_override": GREETING}])
YAML = (
    'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n    agent_override:\n'
    '      retell_llm: {begin_message: "Hi {{name}}"}\n'
)


def greeting(text: str, **variables: str) -> dict[str, object]:
    return with_task(retell_llm_dynamic_variables=variables, agent_override={"retell_llm": {"begin_message": text}})


CASES = [
    flags(
        "one finding per name, at its first use",
        TWO_TASKS,
        At("/tasks/0/agent_override/retell_llm/begin_message", "warning", says="2 tasks use it without setting it"),
        At("/tasks/1/agent_override/retell_llm/begin_message", "warning", says="{{customer_name}}"),
    ),
    flags(
        "in the call screening identity",
        with_task(
            agent_override={"agent": {"call_screening_option": {"agent_identity": "{{company}} team", "call_purpose": "your appointment"}}}
        ),
        At("/tasks/0/agent_override/agent/call_screening_option/agent_identity", "warning"),
    ),
    flags(
        "a variable of another name", greeting("Hi {{customer_nam}}", customer_name="A"), "/tasks/0/agent_override/retell_llm/begin_message"
    ),
    passes(
        "defined, with spaces in the braces, and system variables",
        greeting("Hi {{ customer_name }}, it is {{current_time_Europe/Paris}} ({{user_number}})", customer_name="A"),
    ),
    flags("in YAML", YAML, At("/tasks/0/agent_override/retell_llm/begin_message", line=5), format="yaml"),
    flags("in an agent of the wrong type", WRONG_TYPES["a list for an agent"], "/tasks/0/agent_override/agent/1/a"),
    *(passes(name, payload) for name, payload in WRONG_TYPES.items() if name != "a list for an agent"),
]

test_cases = cases_test(CODE, CASES)


def test_a_name_used_by_several_tasks_is_reported_at_its_first_use() -> None:
    plan = next(d for d in only(check(TWO_TASKS), CODE) if "{{plan}}" in d.message)
    assert plan.pointer == "/tasks/0/agent_override/retell_llm/begin_message"
    assert "2 tasks use it without setting it" in plan.message


def placeholder_task(version: Any) -> dict[str, Any]:
    task: dict[str, Any] = {"to_number": "+12137774445", "agent_override": {"retell_llm": {"begin_message": "Hi {{name}}"}}}
    if version is not None:
        task["override_agent_version"] = version
    return task


def test_placeholder_with_a_version_tag_is_qualified() -> None:
    d = one(check(seed(tasks=[placeholder_task("prod")])), "RBV604")
    assert d.severity is Severity.WARNING
    assert 'the task pins version tag "prod", whose dynamic variables may set it' in d.message
    assert d.hint == "check that the tag sets `name`, or add `name` to retell_llm_dynamic_variables"


def test_placeholder_with_some_tasks_on_a_tag() -> None:
    d = one(check(seed(tasks=[placeholder_task(3), placeholder_task("prod"), placeholder_task("latest")])), "RBV604")
    assert '3 tasks use it without setting it; 1 of them pins version tag "prod"' in d.message


@pytest.mark.parametrize("version", [3, "latest", None])
def test_placeholder_without_a_tag_near_miss(version: Any) -> None:
    d = one(check(seed(tasks=[placeholder_task(version)])), "RBV604")
    assert "version tag" not in d.message
    assert d.hint == "add `name` to retell_llm_dynamic_variables, or give it a default on the agent"


def test_with_pulled_agents_a_checked_task_is_left_to_the_agent_rules() -> None:
    """One finding for one cause: the override's placeholder is RBV605's when the task's agent was pulled, RBV604's otherwise."""
    payload = batch(sales(0, override={"retell_llm": {"general_prompt": "Mention {{promo}}."}}))
    assert only(check(payload, settings=AGENTS), CODE) == []
    assert [d.code for d in check(payload, settings=AGENTS).diagnostics if "{{promo}}" in d.message] == ["RBV605"]
    assert len(only(check(payload), CODE)) == 1
    unpulled = batch(call(0, {}, override_agent_id="agent_other", agent_override={"retell_llm": {"general_prompt": "Mention {{promo}}."}}))
    assert len(only(check(unpulled, settings=AGENTS), CODE)) == 1
