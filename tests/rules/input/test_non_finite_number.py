"""RBV003 non-finite-number: NaN, Infinity and numbers too large for a double, at their value (JSON, YAML, Python)."""

from __future__ import annotations

import math

import pytest

from tests.helpers import check_text, one, seed
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV003"
LITERALS = ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "9" * 400, "-" + "9" * 5000]


def timestamp(literal: str) -> str:
    """A JSON payload whose ``trigger_timestamp`` (line 3, column 23) is written as ``literal``."""
    return '{"from_number": "+14157774444",\n "tasks": [{"to_number": "+12137774445"}],\n "trigger_timestamp": ' + literal + "}"


CASES = [
    *(flags(f"JSON {literal[:8]}", timestamp(literal), At("/trigger_timestamp", "error", line=3), format="json") for literal in LITERALS),
    passes("the largest double", timestamp("1.7976931348623157e308"), format="json"),
    passes(
        "a long integer a double still holds",
        '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "metadata": {"n": ' + str(10**307) + "}}",
        format="json",
    ),
    flags(
        "YAML .inf and an integer too large (not one of 300 digits)",
        f'from_number: "+14157774444"\ntasks: []\nmetadata: {{a: {"9" * 5000}, b: .inf, c: {"9" * 300}}}\n',
        At("/metadata/a", line=3),
        At("/metadata/b", line=3),
        format="yaml",
    ),
    flags("a Python NaN", seed(trigger_timestamp=math.nan), "/trigger_timestamp"),
    flags("a Python -inf", seed(trigger_timestamp=-math.inf), "/trigger_timestamp"),
    flags("a Python integer too large for a double", seed(trigger_timestamp=10**400), "/trigger_timestamp"),
    passes("a Python float at the double's limit", seed(trigger_timestamp=1.7976931348623157e308)),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize("literal", LITERALS)
def test_the_position_is_the_value(literal: str) -> None:
    d = one(check_text(timestamp(literal), "json"), CODE)
    assert (d.line, d.column) == (3, 23)
