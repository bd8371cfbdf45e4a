"""RBV501 agent-version-reference: a task's `override_agent_version` that is no version number or tag, named by its mistake."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import check, check_text, one, with_task
from tests.rules.agent import others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV501"
POINTER = "/tasks/0/override_agent_version"


def version(value: Any) -> dict[str, Any]:
    return with_task(override_agent_version=value)


def two_tasks_on_v3() -> dict[str, Any]:
    payload = version("v3")
    payload["tasks"] += [{"to_number": "+12137774446", "override_agent_version": "v3"}, {"to_number": "+12137774447"}]
    return payload


YAML = (
    "from_number: '+14157774444'\n"
    "tasks:\n"
    "  - to_number: '+12137774445'\n"
    "    override_agent_version: v3\n"
    "    agent_override:\n"
    "      agent:\n"
    "        volume: 2.5\n"
)

CASES = [
    flags("v3 is reserved", version("v3"), At(POINTER, "error", says="v<number> are reserved")),
    flags("V12 is reserved", version("V12"), At(POINTER, says="v<number> are reserved")),
    flags("upper-case tag", version("Prod"), At(POINTER, says="tags are lower-case")),
    flags("upper-case latest", version("LATEST"), At(POINTER, says="tags are lower-case")),
    flags("a number in quotes", version("3"), At(POINTER, says='the string "3"')),
    flags("21 characters", version("a" * 21), At(POINTER, says="it has 21 characters, at most 20 are allowed")),
    flags("a space in the tag", version("prod tag"), At(POINTER, says='found " "')),
    flags("starts with an underscore", version("_canary"), At(POINTER, says="must start with a lower-case letter")),
    flags("empty", version(""), At(POINTER, says="is empty")),
    flags("a superscript digit is no number", version("²"), At(POINTER, says="which is not a valid tag")),
    flags("-1", version(-1), At(POINTER, says="version numbers start at 0")),
    flags("a fraction", version(3.5), At(POINTER, says="is 3.5, but a version number is a whole number")),
    flags("true", version(True), At(POINTER, says="is true")),
    flags("null", version(None), At(POINTER, says="is null")),
    flags("per task", two_tasks_on_v3(), "/tasks/0/override_agent_version", "/tasks/1/override_agent_version"),
    flags("through YAML text", YAML, At(POINTER, line=4), format="yaml"),
    passes("0 is the first version", version(0)),
    passes("3", version(3)),
    passes("3.0 is whole", version(3.0)),
    passes("latest", version("latest")),
    passes("prod", version("prod")),
    passes("v3x is a tag, not v<number>", version("v3x")),
    passes("20 characters", version("a" * 20)),
    passes("digits, _ and -", version("canary_2-b")),
]

test_cases = cases_test(CODE, CASES)
# RBV107 and RBV106 are superseded at the pointer: one problem, one diagnostic.
test_other_rules = others_test(CODE, CASES, {"per task": ["RBV702", "RBV709", "RBV709", "RBV709"], "through YAML text": ["RBV504"]})


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("v3", "use 3"),
        ("V12", "use 12"),
        ("Prod", 'use "prod"'),
        ("LATEST", 'use "latest"'),
        ("3", "use 3 without quotes"),
        (3.5, "use 3 or 4"),
    ],
)
def test_the_hint_names_the_value_meant(value: Any, hint: str) -> None:
    assert one(check(version(value)), CODE).hint == hint


def test_a_quoted_number_gets_a_safe_fix_and_a_reserved_tag_an_unsafe_one() -> None:
    quoted = one(check(version("3")), CODE).fix
    reserved = one(check(version("v3")), CODE).fix
    assert quoted is not None and (quoted.value, quoted.safe) == (3, True)
    assert reserved is not None and (reserved.value, reserved.safe) == (3, False)


def test_the_position_in_yaml_text_is_the_value() -> None:
    found = one(check_text(YAML, "yaml"), CODE)
    assert (found.line, found.column) == (4, 29)
