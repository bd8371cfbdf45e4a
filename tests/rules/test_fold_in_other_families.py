"""Tests of other families' rules (RBV101, RBV102, RBV103, RBV604) that sat with the agent rules, to fold into their families' modules."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import check, one, seed, with_agent
from validator import Severity

AO = "/tasks/0/agent_override"
AGENT = f"{AO}/agent"


def codes(payload: Any) -> list[str]:
    return [d.code for d in check(payload).diagnostics]


# ---- RBV101 ----------------------------------------------------------------------------------


def test_response_engine_without_its_id_reads_well_once() -> None:
    report = check(with_agent(response_engine={"type": "conversation-flow"}))
    found = one(report, "RBV101")
    assert found.pointer == f"{AGENT}/response_engine"
    assert found.message == "missing required field `conversation_flow_id`"
    assert found.hint == "add `conversation_flow_id`: ID of the Conversation Flow Response Engine"
    assert len(report.diagnostics) == 1


# ---- RBV604 with a version tag ----------------------------------------------------------------


def placeholder_task(version: Any) -> dict[str, Any]:
    task: dict[str, Any] = {"to_number": "+12137774445", "agent_override": {"retell_llm": {"begin_message": "Hi {{name}}"}}}
    if version is not None:
        task["override_agent_version"] = version
    return task


def test_placeholder_with_a_version_tag_is_qualified() -> None:
    d = one(check(seed(tasks=[placeholder_task("prod")])), "RBV604")
    assert d.severity is Severity.WARNING
    assert 'the task pins version tag "prod", whose dynamic variables may set it' in d.message
    assert d.hint == "check that the tag sets `name`, or add `name` to retell_llm_dynamic_variables"


def test_placeholder_with_some_tasks_on_a_tag() -> None:
    d = one(check(seed(tasks=[placeholder_task(3), placeholder_task("prod"), placeholder_task("latest")])), "RBV604")
    assert '3 tasks use it without setting it; 1 of them pins version tag "prod"' in d.message


@pytest.mark.parametrize("version", [3, "latest", None])
def test_placeholder_without_a_tag_near_miss(version: Any) -> None:
    d = one(check(seed(tasks=[placeholder_task(version)])), "RBV604")
    assert "version tag" not in d.message
    assert d.hint == "add `name` to retell_llm_dynamic_variables, or give it a default on the agent"


# ---- one finding for a null outside an enum (RBV103, RBV102) ----------------------------------


def test_null_start_speaker_is_reported_once() -> None:
    report = check(with_agent("retell_llm", start_speaker=None))
    assert [(d.code, d.pointer) for d in report.diagnostics] == [("RBV103", f"{AO}/retell_llm/start_speaker")]
    assert report.diagnostics[0].message == '`start_speaker` must be one of ["user", "agent"], found null'
    assert report.diagnostics[0].hint == "remove the field to use the default"


def test_wrong_type_without_enum_says_found_null_once() -> None:
    d = one(check(with_agent(webhook_timeout_ms=None)), "RBV102")
    assert d.message == "`webhook_timeout_ms` must be an integer, found null"


def test_wrong_type_keeps_its_own_finding_outside_enums() -> None:
    assert codes(with_agent(volume="3")) == ["RBV102"]
