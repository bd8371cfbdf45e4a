"""RBV523 agent-timezone-unknown: `agent.timezone` that is no IANA zone name, with the advice the call window's zone gets."""

from __future__ import annotations

import pytest

from tests.helpers import check, one, seed, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes
from validator.diagnostics import Fix

CODE = "RBV523"
POINTER = f"{AGENT}/timezone"

CASES = [
    flags("a missing underscore", with_agent(timezone="America/NewYork"), At(POINTER, "error", says='found "America/NewYork"')),
    flags("an abbreviation", with_agent(timezone="PST"), At(POINTER, says='found "PST"')),
    flags("the wrong case", with_agent(timezone="america/new_york"), At(POINTER, says='found "america/new_york"')),
    flags("a UTC offset", with_agent(timezone="UTC-5"), At(POINTER, says='found "UTC-5"')),
    passes("an IANA name", with_agent(timezone="America/New_York")),
    passes("UTC", with_agent(timezone="UTC")),
    passes("null restores the default", with_agent(timezone=None)),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)


@pytest.mark.parametrize(
    ("zone", "hint_part", "fix"),
    [
        ("America/NewYork", "use America/New_York", Fix("America/New_York", False, "use America/New_York")),
        ("PST", "PST is an abbreviation", Fix("America/Los_Angeles", False, "use America/Los_Angeles")),
        ("america/new_york", "case-sensitive", Fix("America/New_York", True, "use America/New_York")),
        ("UTC-5", "Etc/GMT+5", None),
    ],
)
def test_the_advice_is_the_call_windows_timezone_advice(zone: str, hint_part: str, fix: Fix | None) -> None:
    d = one(check(with_agent(timezone=zone)), CODE)
    assert d.hint is not None and hint_part in d.hint
    assert d.fix == fix
    # One helper (knowledge.timezones.unknown_zone) advises both fields.
    window = one(check(seed(call_time_window={"windows": [{"start": 540, "end": 1020}], "timezone": zone})), "RBV305")
    assert (window.hint, window.fix) == (d.hint, d.fix)
