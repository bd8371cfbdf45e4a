"""RBV512 dtmf-termination-key: `user_dtmf_options.termination_key` that is not one key a phone can send."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV512"
POINTER = f"{AGENT}/user_dtmf_options/termination_key"


def key(value: Any) -> dict[str, Any]:
    return with_agent(user_dtmf_options={"termination_key": value})


CASES = [
    flags("pound", key("pound"), At(POINTER, "error", says='must be one key of 0 1 2 3 4 5 6 7 8 9 # *, found "pound"')),
    flags("star", key("star"), POINTER),
    flags("two keys", key("##"), POINTER),
    flags("a letter", key("A"), POINTER),
    flags("empty", key(""), POINTER),
    flags("a key with spaces around it", key(" # "), POINTER),
    passes("#", key("#")),
    passes("*", key("*")),
    passes("0", key("0")),
    passes("9", key("9")),
    passes("null", key(None)),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)


@pytest.mark.parametrize(("value", "fix"), [("pound", "#"), ("star", "*"), ("##", None), ("A", None), ("", None), (" # ", "#")])
def test_a_spelled_or_padded_key_gets_the_key_as_a_safe_fix(value: str, fix: str | None) -> None:
    d = one(check(key(value)), CODE)
    assert (d.fix.value if d.fix else None) == fix
    assert d.fix is None or d.fix.safe
