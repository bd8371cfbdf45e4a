"""RBV611 tasks-spoken-variable-empty: a blank dynamic variable that some task's agent_override speaks as {{name}}."""

from __future__ import annotations

from tests.helpers import check, one, seed, with_task
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.tasks import WRONG_TYPES, task

CODE = "RBV611"
GREETS = {"retell_llm": {"begin_message": "Hi {{customer_name}}, about your {{ plan }}"}}

CASES = [
    flags(
        "a blank name the begin message speaks",
        with_task(retell_llm_dynamic_variables={"customer_name": ""}, agent_override=GREETS),
        At("/tasks/0/retell_llm_dynamic_variables/customer_name", "warning", says="tasks[0]'s agent_override speaks {{customer_name}}"),
    ),
    flags(
        "one task's override shows what the batch speaks",
        seed(tasks=[{**task(1, plan="gold"), "agent_override": GREETS}, task(2, plan=" "), task(3, plan="")]),
        At("/tasks/1/retell_llm_dynamic_variables/plan", says="`plan` is empty in tasks[1] and 1 more task, and tasks[0]'s"),
    ),
    flags(
        "a placeholder deep in the override (a voicemail text)",
        with_task(
            retell_llm_dynamic_variables={"callback": ""},
            agent_override={"agent": {"voicemail_option": {"action": {"type": "static_text", "text": "Call {{callback}}"}}}},
        ),
        "/tasks/0/retell_llm_dynamic_variables/callback",
    ),
    passes("a blank value nothing speaks (RBV603's note)", with_task(retell_llm_dynamic_variables={"notes": ""}, agent_override=GREETS)),
    passes(
        "the spoken value filled", with_task(retell_llm_dynamic_variables={"customer_name": "Ann", "plan": "gold"}, agent_override=GREETS)
    ),
    *(passes(name, payload) for name, payload in WRONG_TYPES.items()),
]

test_cases = cases_test(CODE, CASES)


def test_a_spoken_blank_is_one_finding_not_also_rbv603s() -> None:
    report = check(with_task(retell_llm_dynamic_variables={"customer_name": ""}, agent_override=GREETS))
    assert [d.code for d in report.diagnostics if d.code.startswith("RBV6")] == ["RBV604", CODE]  # plan is not set: RBV604
    assert one(report, CODE).hint == "fill in the value, or remove the key so the agent's default applies"
