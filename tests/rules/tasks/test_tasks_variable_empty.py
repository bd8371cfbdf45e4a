"""RBV603 tasks-variable-empty: dynamic variables set to an empty or blank string, one finding per key."""

from __future__ import annotations

from tests.helpers import check, one, only, seed, with_task
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.tasks import WRONG_TYPES, task

CODE = "RBV603"
SPEAKS_NAME = {"retell_llm": {"begin_message": "Hi {{ name }}"}}

BLANKS = seed(tasks=[task(1, name="Ann", plan=""), task(2, name="  ", plan=""), task(3, name="Cy", plan="")])

CASES = [
    flags(
        "blank values grouped per key",
        BLANKS,
        At("/tasks/0/retell_llm_dynamic_variables/plan", "info", says="`plan` is empty in tasks[0] and 2 more tasks"),
        At("/tasks/1/retell_llm_dynamic_variables/name", "info", says="`name` is empty in tasks[1]:"),
    ),
    flags("a single space", with_task(retell_llm_dynamic_variables={"name": " "}), "/tasks/0/retell_llm_dynamic_variables/name"),
    passes(
        "a blank value an override speaks is RBV611's", with_task(retell_llm_dynamic_variables={"name": ""}, agent_override=SPEAKS_NAME)
    ),
    flags(
        "a blank value no override speaks",
        with_task(retell_llm_dynamic_variables={"notes": ""}, agent_override=SPEAKS_NAME),
        At("/tasks/0/retell_llm_dynamic_variables/notes", "info", says="if the agent's prompt uses {{notes}}"),
    ),
    passes("a value with text", with_task(retell_llm_dynamic_variables={"name": "A"})),
    passes("text between spaces", with_task(retell_llm_dynamic_variables={"name": " a "})),
    passes("a number is the schema's wrong type", with_task(retell_llm_dynamic_variables={"age": 42})),
    flags("an empty key with an empty value", WRONG_TYPES["tasks that are not objects"], "/tasks/2/retell_llm_dynamic_variables/"),
    *(passes(name, payload) for name, payload in WRONG_TYPES.items() if name != "tasks that are not objects"),
]

test_cases = cases_test(CODE, CASES)


def test_one_finding_per_key_at_its_first_blank() -> None:
    assert len(only(check(BLANKS), CODE)) == 2


def test_non_string_values_are_the_schemas_wrong_type_with_quote_it() -> None:
    report = check(with_task(retell_llm_dynamic_variables={"age": 42}))
    d = one(report, "RBV102")
    assert (d.pointer, d.hint) == ("/tasks/0/retell_llm_dynamic_variables/age", 'quote it: "42"')
    assert [c for c in report.codes if c.startswith("RBV6")] == []
