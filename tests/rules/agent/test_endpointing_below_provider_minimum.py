"""RBV505 endpointing-below-provider-minimum: `custom_stt_config.endpointing_ms` under the floor the spec states for its provider."""

from __future__ import annotations

from typing import Any

from tests.helpers import check, one, with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes
from validator.diagnostics import Fix

CODE = "RBV505"
POINTER = f"{AGENT}/custom_stt_config/endpointing_ms"
MINIMUMS = {"azure": 100, "deepgram": 10, "soniox": 500}


def stt(provider: str, endpointing_ms: Any) -> dict[str, Any]:
    return with_agent(stt_mode="custom", custom_stt_config={"provider": provider, "endpointing_ms": endpointing_ms})


CASES = [
    *(flags(f"{p} {m - 1}", stt(p, m - 1), At(POINTER, "error", says=f"minimum of {m}")) for p, m in MINIMUMS.items()),
    *(passes(f"{p} {m}", stt(p, m)) for p, m in MINIMUMS.items()),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)


def test_the_fix_raises_the_value_to_the_providers_minimum_unsafely() -> None:
    d = one(check(stt("soniox", 300)), CODE)
    assert (d.hint, d.fix) == ("use at least 500", Fix(500, False, "use the soniox minimum, 500"))
