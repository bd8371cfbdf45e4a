"""RBV104 out-of-range: a number outside the schema's bounds, each bound checked on both sides."""

from __future__ import annotations

from tests.helpers import check, one, seed, with_agent
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV104"
AGENT = "/tasks/0/agent_override/agent"

CASES = [
    flags("voice speed above 2", with_agent(voice_speed=2.01), At(f"{AGENT}/voice_speed", "error", says="at most 2, found 2.01")),
    passes("voice speed 2", with_agent(voice_speed=2)),
    flags("voice speed below 0.5", with_agent(voice_speed=0.49), At(f"{AGENT}/voice_speed", says="at least 0.5")),
    passes("voice speed 0.5", with_agent(voice_speed=0.5)),
    flags("ring duration 4999 ms", with_agent(ring_duration_ms=4999), f"{AGENT}/ring_duration_ms"),
    passes("ring duration 5000 ms", with_agent(ring_duration_ms=5000)),
    flags("retention 731 days", with_agent(data_storage_retention_days=731), f"{AGENT}/data_storage_retention_days"),
    passes("retention 730 days", with_agent(data_storage_retention_days=730)),
    flags("concurrency -1", seed(reserved_concurrency=-1), "/reserved_concurrency"),
    passes("concurrency 0", seed(reserved_concurrency=0)),
    flags(
        "top_k 11 in a nullable knowledge-base config",
        with_agent("retell_llm", kb_config={"top_k": 11}),
        "/tasks/0/agent_override/retell_llm/kb_config/top_k",
    ),
    passes("top_k 10", with_agent("retell_llm", kb_config={"top_k": 10})),
]

test_cases = cases_test(CODE, CASES)


def test_zero_concurrency_is_clean() -> None:
    assert check(seed(reserved_concurrency=0)).diagnostics == ()


def test_the_hint_gives_the_allowed_range() -> None:
    assert one(check(with_agent(voice_speed=3)), CODE).hint == "allowed range: [0.5, 2]"
