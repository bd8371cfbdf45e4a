"""RBV105 string-length: a string shorter or longer than the schema allows, with how much to cut."""

from __future__ import annotations

from tests.helpers import check, one, seed, with_agent
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV105"
PROMPT = "/tasks/0/agent_override/agent/analysis_summary_prompt"

CASES = [
    flags("an empty from_number", seed(from_number=""), At("/from_number", "error", says="at least 1 character(s), found 0")),
    flags(
        "an empty to_number in YAML",
        'from_number: "+14157774444"\ntasks:\n  - to_number: ""\n',
        At("/tasks/0/to_number", line=3),
        format="yaml",
    ),
    flags(
        "a prompt of 2,001 characters",
        with_agent(analysis_summary_prompt="x" * 2001),
        At(PROMPT, says="at most 2000 characters, found 2001"),
    ),
    passes("a prompt of 2,000 characters", with_agent(analysis_summary_prompt="x" * 2000)),
    passes("a one-character override agent id", seed(tasks=[{"to_number": "+12137774445", "override_agent_id": "a"}])),
]

test_cases = cases_test(CODE, CASES)


def test_hints_say_to_remove_an_empty_field_or_how_much_to_cut() -> None:
    assert one(check(seed(from_number="")), CODE).hint == "remove the field if it has no value"
    assert one(check(with_agent(analysis_summary_prompt="x" * 2003)), CODE).hint == "shorten it by 3 characters"
