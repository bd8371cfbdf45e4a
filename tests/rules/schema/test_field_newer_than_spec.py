"""RBV113 field-newer-than-spec: a key the bundled spec lacks but the installed retell-sdk declares there (info, not RBV111)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator

import pytest

from tests.helpers import check, seed, with_agent
from tests.rules.cases import At, cases_test, flags, passes
from validator.knowledge import sdk

CODE = "RBV113"
AGENT = "/tasks/0/agent_override/agent"

CASES = [
    flags(
        "a field the SDK sends in the agent override",
        with_agent(enable_dnc_detection=True),
        At(f"{AGENT}/enable_dnc_detection", "info", says="retell-sdk 6."),
    ),
    flags(
        "a section of the LLM override the spec lacks",
        with_agent("retell_llm", model_config={"type": "cascading"}),
        At("/tasks/0/agent_override/retell_llm/model_config", says="in tasks[].agent_override.retell_llm"),
    ),
    passes("a field the spec has", with_agent(enable_backchannel=True)),
    passes("a typo of one (RBV111)", with_agent(enable_dnc_detecton=True)),
    passes("the SDK's field at another level (RBV111)", seed(enable_dnc_detection=True)),
]

test_cases = cases_test(CODE, CASES)


def test_it_replaces_the_unknown_key_warning_and_points_to_spec_fetch() -> None:
    [d] = check(with_agent(enable_dnc_detection=True)).diagnostics
    assert (d.code, d.severity.value) == (CODE, "info")
    assert d.message.startswith("`enable_dnc_detection` is not in the spec in use (version ")
    assert "`retell-validate spec fetch -o retell.yaml`, then `--spec retell.yaml`" in (d.hint or "")


@pytest.fixture
def no_sdk(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    sdk.sdk_fields.cache_clear()
    yield
    sdk.sdk_fields.cache_clear()


@pytest.mark.usefixtures("no_sdk")
def test_without_the_sdk_the_key_is_unknown_as_before() -> None:
    assert sdk.sdk_fields() is None
    report = check(with_agent(enable_dnc_detection=True))
    assert [(d.code, d.severity.value) for d in report.diagnostics] == [("RBV111", "warning")]
