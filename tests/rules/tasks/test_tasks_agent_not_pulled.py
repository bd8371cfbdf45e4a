"""RBV609 tasks-agent-not-pulled: tasks run an agent, or pin a version, the --agents folder does not hold."""

from __future__ import annotations

from tests.agents.sdk_agents import pulled_folder
from tests.helpers import check, one, only
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.tasks.agents import AGENTS, SALES, batch, call, sales

CODE = "RBV609"

CASES = [
    flags(
        "an agent not pulled",
        batch(call(0, SALES, override_agent_id="agent_other"), call(1, SALES, override_agent_id="agent_other")),
        At("/tasks/0/override_agent_id", "info", says="2 tasks run agent agent_other, which is not in"),
        settings=AGENTS,
    ),
    flags(
        "a version not pulled",
        batch(call(0, SALES, override_agent_id="agent_sales", override_agent_version=7)),
        At("/tasks/0/override_agent_version", says="1 task runs version 7 of agent agent_sales"),
        settings=AGENTS,
    ),
    flags(
        "a tag not pulled",
        batch(call(0, SALES, override_agent_id="agent_sales", override_agent_version="staging")),
        "/tasks/0/override_agent_version",
        settings=AGENTS,
    ),
    flags(
        "a from_number not pulled",
        batch(sales(0), sales(1), from_number="+14155550199"),
        At("/from_number", says="2 tasks run the outbound agent of from_number +14155550199"),
        settings=AGENTS,
    ),
    flags(
        "a pinned version of the number's agent",
        batch(call(0, SALES, override_agent_version=1)),
        "/tasks/0/override_agent_version",
        settings=AGENTS,
    ),
    passes(
        "pulled: the number's agent, versions, tags, latest",
        batch(
            sales(0),
            call(1, SALES, override_agent_id="agent_sales", override_agent_version=3),
            call(2, {"name": "A", "order_id": "1"}, override_agent_id="agent_sales", override_agent_version="beta"),
            call(3, SALES, override_agent_id="agent_sales", override_agent_version="latest"),
            call(4, {"callback_number": "1"}, override_agent_id="agent_custom"),
        ),
        settings=AGENTS,
    ),
    passes("without --agents", batch(call(0, SALES, override_agent_id="agent_other"))),
]

test_cases = cases_test(CODE, CASES)


def test_the_hint_is_the_command_that_pulls_it() -> None:
    found = one(check(batch(call(0, SALES, override_agent_id="agent_sales", override_agent_version="staging")), settings=AGENTS), CODE)
    assert found.hint == f"pull it: retell-validate agent pull agent_sales --version staging -o {pulled_folder()}"
    number = one(check(batch(sales(0), from_number="+14155550199"), settings=AGENTS), CODE)
    assert number.hint == f"pull it: retell-validate agent pull --from-number +14155550199 -o {pulled_folder()}"


def test_tasks_of_an_unpulled_agent_are_not_checked_by_the_other_rules() -> None:
    report = check(batch(call(0, {}, override_agent_id="agent_other")), settings=AGENTS)
    assert [d.code for d in report.diagnostics if d.code.startswith("RBV6")] == [CODE]
    assert only(report, "RBV605") == []
