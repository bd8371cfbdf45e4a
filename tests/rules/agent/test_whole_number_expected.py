"""RBV527 whole-number-expected: a version or a count the spec types as a number, negative or with a fraction."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV527"
VERSION = f"{AGENT}/response_engine/version"
DIGITS = f"{AGENT}/user_dtmf_options/digit_limit"


def engine_version(value: Any) -> dict[str, Any]:
    return with_agent(response_engine={"type": "retell-llm", "llm_id": "llm_1", "version": value})


def digit_limit(value: Any) -> dict[str, Any]:
    return with_agent(user_dtmf_options={"digit_limit": value})


CASES = [
    flags("version 1.5", engine_version(1.5), At(VERSION, "error", says="is not a whole number, found 1.5")),
    flags("version -1", engine_version(-1), At(VERSION, "error", says="is negative, found -1")),
    flags("digit_limit 1.5", digit_limit(1.5), At(DIGITS, "error", says="is not a whole number, found 1.5")),
    passes("version 0", engine_version(0)),
    passes("version 3", engine_version(3)),
    passes("version 3.0 is whole", engine_version(3.0)),
    passes("version null", engine_version(None)),
    passes("digit_limit 3", digit_limit(3)),
    passes("digit_limit 3.0 is whole", digit_limit(3.0)),
    passes("digit_limit 4", digit_limit(4)),
    passes("digit_limit -1 is below the schema's own minimum", digit_limit(-1)),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES, {"digit_limit -1 is below the schema's own minimum": ["RBV104"]})


@pytest.mark.parametrize(("value", "what"), [(1.5, "not a whole number"), (-1, "negative")])
def test_the_message_says_what_the_value_can_only_be(value: float, what: str) -> None:
    d = one(check(engine_version(value)), CODE)
    assert f"is {what}, found {json.dumps(value)}" in d.message and "non-negative integer" in d.message
