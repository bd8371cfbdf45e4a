"""A pulled agent: what each version says (with a task's override), and how a task's version reference resolves."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.agents.sdk_agents import document
from validator.agents.model import Ref
from validator.agents.store import parse_agent

SALES = parse_agent(document("agent_sales", phone=True), Path("agent_sales.json"))
SUPPORT = parse_agent(document("agent_support"), Path("agent_support.json"))
CUSTOM = parse_agent(document("agent_custom"), Path("agent_custom.json"))


def test_a_retell_llm_version_says() -> None:
    speech = SALES.versions[3].speech()
    assert speech.needs() == ["first_name", "order_id", "goodbye", "address", "account_ref"]
    assert speech.begin == {"first_name": "begin message", "company": "begin message"}
    assert speech.filled == {"company", "order_status", "callback_time"}
    assert speech.places["first_name"] == ("begin message", "general prompt", "voicemail message")
    assert not speech.opaque


def test_a_conversation_flow_says_and_opens_with_its_start_node() -> None:
    speech = SUPPORT.versions[1].speech()
    assert speech.needs() == ["customer_name", "ticket_id", "product"]
    assert speech.begin == {"customer_name": "node 'Greeting' › instruction", "ticket_id": "node 'Greeting' › instruction"}
    assert speech.filled == {"plan_tier", "issue"}


def test_a_custom_llm_is_opaque() -> None:
    speech = CUSTOM.versions[0].speech()
    assert speech.opaque and speech.needs() == ["callback_number"]


def test_an_override_replaces_top_level_fields_and_marks_them() -> None:
    speech = SALES.versions[3].speech({"retell_llm": {"begin_message": "Yo {{nick}}"}, "agent": {"voicemail_option": None}})
    assert speech.begin == {"nick": "begin message (the task's agent_override)"}
    assert speech.places["first_name"] == ("general prompt",)
    assert (
        SALES.versions[3].speech({"retell_llm": {"begin_message": "Yo {{nick}}"}, "agent": {"voicemail_option": None}}) is speech
    )  # cached


@pytest.mark.parametrize(
    ("ref", "version", "tag", "tag_variables"),
    [
        (None, 3, None, {"goodbye"}),  # latest, its preferred tag's variables
        ("latest", 3, None, {"goodbye"}),
        (3, 3, None, {"goodbye"}),
        (2, 2, None, set()),  # beta has no variables
        ("prod", 3, "prod", {"goodbye"}),
        ("beta", 2, "beta", set()),
        (7, None, None, None),
        ("staging", None, None, None),
    ],
)
def test_a_reference_resolves_to_a_pulled_version(ref: Ref, version: int | None, tag: str | None, tag_variables: set[str] | None) -> None:
    resolved = SALES.resolve(ref)
    if version is None:
        assert resolved is None
        return
    assert resolved is not None
    assert (resolved.version.version, resolved.tag, set(resolved.tag_variables)) == (version, tag, tag_variables)


def test_the_words_for_an_agent_and_the_routes_of_its_number() -> None:
    resolved = SALES.resolve(None)
    assert resolved is not None and resolved.words() == 'agent agent_sales v3 ("Sales")'
    assert [(r.number, r.agent_id, r.ref, r.weight) for r in SALES.routes] == [("+14157774444", "agent_sales", "prod", 1.0)]
    assert SALES.versions[3].engine_words() == "Retell LLM llm_sales" and CUSTOM.versions[0].engine_words() == "custom LLM"
