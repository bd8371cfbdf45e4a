"""RBV110 closed-object: a key a closed object (``additionalProperties: false``) does not allow, at the key, with the closest allowed key."""

from __future__ import annotations

import json

from tests.helpers import check, check_text, one, with_agent
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV110"
OPTION = "/tasks/0/agent_override/agent/call_screening_option"


def screening(**extra: str) -> dict[str, object]:
    return with_agent(call_screening_option={"agent_identity": "Acme", "call_purpose": "reminder", **extra})


CASES = [
    flags(
        "a misspelt key", screening(agent_identiy="x"), At(f"{OPTION}/agent_identiy", "error", says="`agent_identiy` is not allowed here")
    ),
    flags("a key the object lacks", screening(tone="warm"), f"{OPTION}/tone"),
    flags("in JSON text", json.dumps(screening(tone="warm"), indent=1), At(f"{OPTION}/tone", line=11), format="json"),
    passes("the allowed keys", screening()),
]

test_cases = cases_test(CODE, CASES)


def test_a_misspelt_key_is_located_with_did_you_mean() -> None:
    d = one(check_text(json.dumps(screening(agent_identiy="x"), indent=1), "json"), CODE)
    assert d.pointer == f"{OPTION}/agent_identiy"
    assert d.hint == "did you mean `agent_identity`?"
    assert d.line is not None


def test_without_a_close_key_the_hint_lists_the_allowed_ones() -> None:
    assert one(check(screening(tone="warm")), CODE).hint == "allowed keys: agent_identity, call_purpose"
