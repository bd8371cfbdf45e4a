"""Tests of the agent-override rules (RBV5xx), one module per rule, and what they share.

``others_test`` adds to a module's cases what its rule's neighbours do with them:
a near miss draws no finding of any rule (so it is not a near miss only because
another rule took the value over), and a flagged case no finding beside the
rule's own (a superseded schema message stays superseded), unless the module
names the codes it expects instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pytest

from tests.rules.cases import Case

AO = "/tasks/0/agent_override"
AGENT = f"{AO}/agent"
LLM = f"{AO}/retell_llm"
FLOW = f"{AO}/conversation_flow"


def others_test(code: str, cases: Sequence[Case], others: Mapping[str, Sequence[str]] | None = None) -> Callable[[Case], None]:
    """A test that each case draws no finding of another rule than ``code``, or exactly the codes ``others`` names for its id."""
    told = dict(others or {})
    unknown = set(told) - {c.id for c in cases}
    assert not unknown, f"{code}: others names no case {sorted(unknown)}"

    @pytest.mark.parametrize("case", cases, ids=[c.id for c in cases])
    def test_other_rules(case: Case) -> None:
        found = [(d.code, d.pointer) for d in case.run().diagnostics if d.code != code]
        assert [c for c, _ in found] == list(told.get(case.id, ())), found

    return test_other_rules
