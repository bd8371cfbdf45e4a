"""RBV517 analysis-enum-choices: an `enum` post-call analysis item with no choices or a blank one."""

from __future__ import annotations

from typing import Any

from tests.helpers import with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV517"
CHOICES = f"{AGENT}/post_call_analysis_data/0/choices"


def enum_item(**extra: Any) -> dict[str, Any]:
    return with_agent(post_call_analysis_data=[{"type": "enum", "name": "rating", "description": "d", **extra}])


CASES = [
    flags("no choices", enum_item(choices=[]), At(CHOICES, "error", says="has no choices")),
    flags("a blank choice", enum_item(choices=["good", " "]), At(f"{CHOICES}/1", "error", says='has a blank choice " "')),
    passes("one choice", enum_item(choices=["good"])),
    passes("choices missing is the required-field error", enum_item()),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES, {"choices missing is the required-field error": ["RBV101"]})
