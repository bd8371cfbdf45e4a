"""RBV111 unknown-key: a key the spec does not define (a warning at the key, with did-you-mean); free-form objects are not checked."""

from __future__ import annotations

from tests.helpers import check, check_text, one, seed, summary, with_agent, with_task
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV111"
ENGINE = {"type": "retell-llm", "llm_id": "llm_1"}
TYPOS = seed(tasks=[{"to_number": "+12137774445", "ignore_e164_validaton": True}], nmae="x")
FREE_FORM = with_task(metadata={"anything": 1}, retell_llm_dynamic_variables={"x": "y"}, custom_sip_headers={"X-A": "b"})


def sharing_a_shape() -> dict[str, object]:
    """Three tasks of two shapes: what is found for the first shape is reused for the third task."""
    typo = {"to_number": "+12137774445", "to_numbr": "+1", "agent_override": {"agent": {"response_engine": ENGINE}}}
    clean = {"to_number": "+12137774446", "agent_override": {"agent": {"response_engine": {**ENGINE, "llm_idd": "x"}}}}
    return seed(tasks=[typo, clean, {**typo, "to_number": "+12137774447"}])


CASES = [
    flags("typos at two levels", TYPOS, At("/nmae", "warning"), At("/tasks/0/ignore_e164_validaton", "warning")),
    flags(
        "inside the response engine its type names",
        with_agent(response_engine={**ENGINE, "llm_idd": "x"}),
        At("/tasks/0/agent_override/agent/response_engine/llm_idd", says="unknown key `llm_idd`"),
    ),
    flags(
        "tasks sharing a shape",
        sharing_a_shape(),
        "/tasks/0/to_numbr",
        "/tasks/1/agent_override/agent/response_engine/llm_idd",
        "/tasks/2/to_numbr",
    ),
    flags(
        "in JSON text",
        '{"from_number": "+14157774444",\n "tasks": [{"to_number": "+12137774445",\n   "to_numbr": "+1"}]}',
        At("/tasks/0/to_numbr", line=3),
        format="json",
    ),
    passes("the keys spelt right", seed(tasks=[{"to_number": "+12137774445", "ignore_e164_validation": True}], name="x")),
    passes("any key in free-form objects", FREE_FORM),
    passes("a known key of the response engine", with_agent(response_engine=ENGINE)),
]

test_cases = cases_test(CODE, CASES)


def test_typos_are_the_only_findings_and_the_hint_is_the_closest_known_key() -> None:
    report = check(TYPOS)
    assert sorted(summary(report)) == [(CODE, "warning", "/nmae"), (CODE, "warning", "/tasks/0/ignore_e164_validaton")]
    hints = {d.pointer: d.hint for d in report.diagnostics}
    assert hints["/tasks/0/ignore_e164_validaton"] == "did you mean `ignore_e164_validation`?"
    assert hints["/nmae"] == "did you mean `name`?"
    assert one(check(with_agent(response_engine={**ENGINE, "llm_idd": "x"})), CODE).hint == "did you mean `llm_id`?"


def test_free_form_objects_are_clean() -> None:
    assert check(FREE_FORM).diagnostics == ()


def test_the_position_is_the_key() -> None:
    text = '{"from_number": "+14157774444",\n "tasks": [{"to_number": "+12137774445",\n   "to_numbr": "+1"}]}'
    d = one(check_text(text, "json"), CODE)
    assert (d.line, d.column) == (3, 4)


def test_a_key_read_elsewhere_whose_place_is_set_gets_no_did_you_mean() -> None:
    # RBV112 reports it when its value would land; here the top-level from_number says so already.
    d = one(check(with_task(from_number="+14157774444")), CODE)
    assert d.hint == "the API reads from_number instead, which this payload sets: this key changes nothing; remove it"
    assert one(check(with_task(agent_id="a", override_agent_id="a")), CODE).hint.startswith("the API reads tasks[].override_agent_id")  # type: ignore[union-attr]


def test_text_in_a_task_with_no_close_key_is_pointed_at_the_dynamic_variables() -> None:
    report = check(with_task(first_name="Ann", crm_id=5))
    hints = {d.pointer: d.hint for d in report.diagnostics}
    assert hints["/tasks/0/first_name"] == (
        "a task keeps only the fields the API knows: if the prompt uses it, put it in retell_llm_dynamic_variables"
    )
    assert hints["/tasks/0/crm_id"] == "the server ignores unknown keys; remove it"
