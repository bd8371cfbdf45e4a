"""Task and dynamic-variable rules (RBV6xx)."""

from __future__ import annotations

from typing import Any

from tests.helpers import check, check_text, one, only, seed, with_task


def task(n: int, **variables: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"to_number": f"+1213777{n:04d}"}
    if variables:
        out["retell_llm_dynamic_variables"] = variables
    return out


# --- RBV601 tasks-empty ------------------------------------------------------------------------


def test_empty_tasks_warns_and_one_task_does_not() -> None:
    d = one(check(seed(tasks=[])), "RBV601")
    assert (d.pointer, d.severity.value) == ("/tasks", "warning")
    assert only(check(seed()), "RBV601") == []


# --- RBV602 tasks-variable-missing ---------------------------------------------------------------


def test_missing_majority_key_is_one_finding_at_the_first_task_lacking_it() -> None:
    tasks = [task(i, customer_name=f"N{i}") for i in range(10_000)]
    tasks[3] = task(3)
    tasks[7] = task(7, other="x")
    d = one(check(seed(tasks=tasks)), "RBV602")
    assert (d.pointer, d.severity.value) == ("/tasks/3", "warning")
    assert "no dynamic variable `customer_name`, which 9,998 of 10,000 tasks set" in d.message
    assert "renders blank in the 2 tasks without it" in d.message


def test_pointer_is_the_variables_object_when_the_task_has_one() -> None:
    d = one(check(seed(tasks=[task(1, a="1", b="2"), task(2, a="1", b="2"), task(3, a="1")])), "RBV602")
    assert d.pointer == "/tasks/2/retell_llm_dynamic_variables"


def test_typo_of_the_missing_key_is_named() -> None:
    d = one(check(seed(tasks=[task(1, customer_name="A"), task(2, customer_name="B"), task(3, customer_nmae="C")])), "RBV602")
    assert d.hint == "tasks[2] has `customer_nmae`: rename it to `customer_name`"


def test_half_is_no_majority() -> None:
    assert only(check(seed(tasks=[task(1, customer_name="A"), task(2)])), "RBV602") == []
    assert only(check(seed(tasks=[task(1, customer_name="A"), task(2, customer_name="B")])), "RBV602") == []


# --- RBV603 tasks-variable-empty ---------------------------------------------------------------


def test_blank_values_are_grouped_per_key() -> None:
    report = check(seed(tasks=[task(1, name="Ann", plan=""), task(2, name="  ", plan=""), task(3, name="Cy", plan="")]))
    found = only(report, "RBV603")
    assert [(d.pointer, d.severity.value) for d in found] == [
        ("/tasks/0/retell_llm_dynamic_variables/plan", "warning"),
        ("/tasks/1/retell_llm_dynamic_variables/name", "warning"),
    ]
    assert "`plan` is empty in tasks[0] and 2 more tasks" in found[0].message


def test_a_value_with_text_is_not_empty() -> None:
    assert only(check(with_task(retell_llm_dynamic_variables={"name": "A"})), "RBV603") == []


def test_non_string_values_are_the_schemas_wrong_type_with_quote_it() -> None:
    report = check(with_task(retell_llm_dynamic_variables={"age": 42}))
    d = one(report, "RBV102")
    assert (d.pointer, d.hint) == ("/tasks/0/retell_llm_dynamic_variables/age", 'quote it: "42"')
    assert [c for c in report.codes() if c.startswith("RBV6")] == []


# --- RBV604 tasks-placeholder-undefined ----------------------------------------------------------


def test_placeholder_without_variable_is_reported_once_per_name() -> None:
    override = {"retell_llm": {"begin_message": "Hi {{customer_name}}, about {{ plan }}"}}
    tasks = [{**task(1, customer_name="Ann"), "agent_override": override}, {**task(2), "agent_override": override}]
    found = only(check(seed(tasks=tasks)), "RBV604")
    assert [(d.pointer, d.severity.value) for d in found] == [
        ("/tasks/0/agent_override/retell_llm/begin_message", "warning"),
        ("/tasks/1/agent_override/retell_llm/begin_message", "warning"),
    ]
    plan = next(d for d in found if "{{plan}}" in d.message)
    assert plan.pointer == "/tasks/0/agent_override/retell_llm/begin_message"
    assert "2 tasks use it without setting it" in plan.message


def test_call_screening_placeholders_are_checked() -> None:
    screening = {"agent_identity": "{{company}} team", "call_purpose": "your appointment"}
    d = one(check(with_task(agent_override={"agent": {"call_screening_option": screening}})), "RBV604")
    assert d.pointer == "/tasks/0/agent_override/agent/call_screening_option/agent_identity"


def test_defined_and_system_variables_pass() -> None:
    override = {"retell_llm": {"begin_message": "Hi {{ customer_name }}, it is {{current_time_Europe/Paris}} ({{user_number}})"}}
    assert only(check(with_task(retell_llm_dynamic_variables={"customer_name": "A"}, agent_override=override)), "RBV604") == []


def test_placeholder_position_in_yaml() -> None:
    text = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n    agent_override:\n'
    text += '      retell_llm: {begin_message: "Hi {{name}}"}\n'
    d = one(check_text(text, "yaml"), "RBV604")
    assert (d.pointer, d.line) == ("/tasks/0/agent_override/retell_llm/begin_message", 5)


def test_task_rules_survive_wrong_types() -> None:
    payloads = [
        seed(tasks=[{"to_number": "+12137774445", "retell_llm_dynamic_variables": "x", "agent_override": {"agent": [1, {"a": "{{x}}"}]}}]),
        seed(tasks="none"),
        seed(tasks=[None, 3, {"retell_llm_dynamic_variables": {"": ""}}]),
    ]
    for payload in payloads:
        assert "RBV000" not in check(payload).codes()
