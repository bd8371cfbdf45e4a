"""RBV529 voicemail-text-empty: a voicemail action that would leave a silent message, with hanging up as the unsafe fix."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes
from validator.diagnostics import Fix

CODE = "RBV529"
ACTION = f"{AGENT}/voicemail_option/action"


def action(**fields: Any) -> dict[str, Any]:
    return with_agent(voicemail_option={"action": fields})


CASES = [
    flags("static text empty", action(type="static_text", text=""), At(f"{ACTION}/text", "warning", says="silent message")),
    flags("a prompt of spaces", action(type="prompt", text="  "), At(f"{ACTION}/text", "warning")),
    passes("a message", action(type="static_text", text="Call us back.")),
    passes("hang up", action(type="hangup")),
    # The spec documents voicemail_message "" as "hang up after hitting voicemail".
    passes('voicemail_message ""', with_agent(voicemail_message="")),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)


@pytest.mark.parametrize(("kind", "text"), [("static_text", ""), ("prompt", "  ")])
def test_the_fix_hangs_up_on_voicemail_instead(kind: str, text: str) -> None:
    d = one(check(action(type=kind, text=text)), CODE)
    assert d.fix == Fix({"type": "hangup"}, False, "hang up on voicemail instead", at=ACTION)
