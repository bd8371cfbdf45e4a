"""RBV526 repeated-list-item: a list of names or ids in an override that repeats a value, with the safe fix that drops the repeats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import check, one, only, with_agent
from tests.rules.agent import AGENT, AO, others_test
from tests.rules.cases import At, Case, cases_test, flags, passes
from validator import Settings
from validator.diagnostics import Fix
from validator.fix.apply import fix_file
from validator.openapi.load import load_spec

CODE = "RBV526"

# (section, field, a list with a repeat, the list the fix keeps)
REPEATS: list[tuple[str, str, list[str], list[str]]] = [
    ("agent", "language", ["en-US", "es-ES", "en-US"], ["en-US", "es-ES"]),
    ("agent", "webhook_events", ["call_started", "call_ended", "call_ended"], ["call_started", "call_ended"]),
    ("agent", "boosted_keywords", ["Retell", "Retell"], ["Retell"]),
    ("agent", "fallback_voice_ids", ["openai-Alloy", "openai-Alloy"], ["openai-Alloy"]),
    ("agent", "backchannel_words", ["yeah", "uh-huh", "yeah"], ["yeah", "uh-huh"]),
    ("retell_llm", "knowledge_base_ids", ["kb_1", "kb_1"], ["kb_1"]),
    ("conversation_flow", "knowledge_base_ids", ["kb_1", "kb_2", "kb_1"], ["kb_1", "kb_2"]),
]


def first_repeat(value: list[str]) -> int:
    return next(i for i, item in enumerate(value) if item in value[:i])


CASES: list[Case] = [
    *(
        flags(f"{section}.{field}", with_agent(section, **{field: value}), At(f"{AO}/{section}/{field}/{first_repeat(value)}", "warning"))
        for section, field, value, _ in REPEATS
    ),
    *(passes(f"{section}.{field} without the repeat", with_agent(section, **{field: kept})) for section, field, _, kept in REPEATS),
    flags(
        "an analysis item's choices",
        with_agent(post_call_analysis_data=[{"type": "enum", "name": "outcome", "description": "d", "choices": ["yes", "no", "yes"]}]),
        At(f"{AGENT}/post_call_analysis_data/0/choices/2", says='`post_call_analysis_data.choices` lists "yes" more than once'),
    ),
    passes(
        "a list the spec declares unique is the schema's", with_agent(pii_config={"mode": "post_call", "categories": ["email", "email"]})
    ),
]

test_cases = cases_test(CODE, CASES)
test_other_rules = others_test(
    CODE,
    CASES,
    {
        "agent.backchannel_words": ["RBV508"],  # backchannel_words without enable_backchannel
        "agent.backchannel_words without the repeat": ["RBV508"],
        "a list the spec declares unique is the schema's": ["RBV109"],
    },
)


@pytest.mark.parametrize(("section", "field", "value", "kept"), REPEATS)
def test_the_safe_fix_keeps_the_first_of_each_value(section: str, field: str, value: list[str], kept: list[str]) -> None:
    d = one(check(with_agent(section, **{field: value})), CODE)
    assert d.fix == Fix(kept, True, "remove the repeated items", at=f"{AO}/{section}/{field}")


def test_fixing_a_file_rewrites_the_list(tmp_path: Path) -> None:
    path = tmp_path / "payload.json"
    path.write_text(json.dumps(with_agent(webhook_events=["call_ended", "call_started", "call_ended"]), indent=2))
    outcome = fix_file(path, settings=Settings(), spec=load_spec(), unsafe=False, write=True, max_bytes=None)
    assert outcome.applied == 1
    events = json.loads(path.read_text())["tasks"][0]["agent_override"]["agent"]["webhook_events"]
    assert events == ["call_ended", "call_started"] and only(outcome.report, CODE) == []
