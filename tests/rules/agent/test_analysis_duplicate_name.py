"""RBV516 analysis-duplicate-name: two `post_call_analysis_data` items with one `name`."""

from __future__ import annotations

from typing import Any

from tests.helpers import with_agent
from tests.rules.agent import AGENT, others_test
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV516"


def item(kind: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "name": name, "description": "d", **extra}


CASES = [
    flags(
        "the third item repeats the first's name",
        with_agent(post_call_analysis_data=[item("string", "rating"), item("number", "score"), item("number", "rating")]),
        At(f"{AGENT}/post_call_analysis_data/2/name", "error", says="item 0"),
    ),
    passes(
        "names that differ by case or suffix, and a preset",
        with_agent(
            post_call_analysis_data=[
                item("string", "rating"),
                item("number", "Rating_score"),
                {"type": "system-presets", "name": "call_summary"},
            ]
        ),
    ),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(CODE, CASES)
