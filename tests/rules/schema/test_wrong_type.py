"""RBV102 wrong-type: a value of the wrong JSON type, saying what was expected and found, with a hint for the usual slips."""

from __future__ import annotations

from tests.helpers import check, one, seed, with_agent, with_task
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV102"

CASES = [
    flags("an integer name", seed(name=5), At("/name", "error", says="must be a string, found integer")),
    flags("tasks as an object", seed(tasks={"to_number": "+1"}), At("/tasks", says="must be a list, found object")),
    flags("a quoted timestamp", seed(trigger_timestamp="1735718400000"), At("/trigger_timestamp", says="must be a number, found string")),
    flags("a fractional concurrency", seed(reserved_concurrency=1.5), At("/reserved_concurrency", says="must be an integer, found number")),
    flags("a null name", seed(name=None), At("/name", says="must be a string, found null")),
    flags(
        "a quoted boolean",
        with_task(ignore_e164_validation="true"),
        At("/tasks/0/ignore_e164_validation", says="must be a boolean, found string"),
    ),
    flags(
        "a number as dynamic variable",
        with_task(retell_llm_dynamic_variables={"n": 3}),
        At("/tasks/0/retell_llm_dynamic_variables/n", says="must be a string, found integer"),
    ),
    flags("metadata as a list", with_task(metadata=[1]), At("/tasks/0/metadata", says="must be an object, found array")),
    flags("in JSON text", '{"from_number": "+14157774444",\n "name": 5, "tasks": []}', At("/name", line=2), format="json"),
    passes("the right types", seed(name="x", trigger_timestamp=1735718400000, reserved_concurrency=1)),
    passes("a variable as a string", with_task(retell_llm_dynamic_variables={"n": "3"})),
    passes("null where the spec allows it", with_agent(voice_model=None, agent_name=None, webhook_url=None)),
]

test_cases = cases_test(CODE, CASES)


def test_nullable_fields_accept_null() -> None:
    assert check(with_agent(voice_model=None, agent_name=None, webhook_url=None)).diagnostics == ()
    assert check(with_agent("retell_llm", kb_config=None)).diagnostics == ()


def test_hints_for_the_usual_slips() -> None:
    assert one(check(seed(name=5)), CODE).hint == 'quote it: "5"'
    assert one(check(with_agent(volume="3")), CODE).hint == "remove the quotes around the number"
    assert one(check(with_agent(enable_backchannel="true")), CODE).hint == "use the literal true without quotes"
    assert one(check(seed(name=None)), CODE).hint == "remove the field to use the default"


def test_wrong_type_without_enum_says_found_null_once() -> None:
    d = one(check(with_agent(webhook_timeout_ms=None)), "RBV102")
    assert d.message == "`webhook_timeout_ms` must be an integer, found null"


def test_wrong_type_keeps_its_own_finding_outside_enums() -> None:
    assert [d.code for d in check(with_agent(volume="3")).diagnostics] == ["RBV102"]
