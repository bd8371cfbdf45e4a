"""Constraints the spec states that issue 18 found unchecked: each rule with a flagged case and a near miss."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import check, one, only, seed, with_agent, with_task
from validator import Settings, Severity
from validator.diagnostics import Fix
from validator.fix.apply import fix_file
from validator.openapi.load import load_spec

AO = "/tasks/0/agent_override"
AGENT = f"{AO}/agent"


def codes(payload: Any) -> list[str]:
    return [d.code for d in check(payload).diagnostics]


def engine(**fields: Any) -> dict[str, Any]:
    return with_agent(response_engine=fields)


# ---- RBV523 agent-timezone-unknown ------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "hint_part", "fix"),
    [
        ("America/NewYork", "use America/New_York", Fix("America/New_York", False, "use America/New_York")),
        ("PST", "PST is an abbreviation", Fix("America/Los_Angeles", False, "use America/Los_Angeles")),
        ("america/new_york", "case-sensitive", Fix("America/New_York", True, "use America/New_York")),
        ("UTC-5", "Etc/GMT+5", None),
    ],
)
def test_agent_timezone_gets_the_window_timezone_advice(zone: str, hint_part: str, fix: Fix | None) -> None:
    d = one(check(with_agent(timezone=zone)), "RBV523")
    assert (d.pointer, d.severity) == (f"{AGENT}/timezone", Severity.ERROR)
    assert f'found "{zone}"' in d.message and d.hint is not None and hint_part in d.hint
    assert d.fix == fix
    # The same advice as the call window's timezone (one helper, knowledge.timezones.unknown_zone).
    window = one(check(seed(call_time_window={"windows": [{"start": 540, "end": 1020}], "timezone": zone})), "RBV305")
    assert (window.hint, window.fix) == (d.hint, d.fix)


@pytest.mark.parametrize("zone", ["America/New_York", "UTC", None])
def test_agent_timezone_near_miss(zone: Any) -> None:
    assert only(check(with_agent(timezone=zone)), "RBV523") == []


# ---- RBV524 llm-websocket-url-invalid, RBV525 llm-websocket-url-unreachable -------------------

WS = f"{AGENT}/response_engine/llm_websocket_url"


@pytest.mark.parametrize(
    ("url", "problem", "fix"),
    [
        ("https://llm.example.com/ws", 'uses the scheme "https", not wss', Fix("wss://llm.example.com/ws", False, "use wss://")),
        ("http://localhost:8080", 'uses the scheme "http", not wss', Fix("ws://localhost:8080", False, "use ws://")),
        ("llm.example.com/ws", "has no wss:// in front", None),
        (
            " wss://llm.example.com/ws",
            "has whitespace around it",
            Fix("wss://llm.example.com/ws", True, "remove the surrounding whitespace"),
        ),
        ("wss:///ws", "has no host name", None),
        ("", "is empty", None),
    ],
)
def test_websocket_url_invalid(url: str, problem: str, fix: Fix | None) -> None:
    d = one(check(engine(type="custom-llm", llm_websocket_url=url)), "RBV524")
    assert (d.pointer, d.severity) == (WS, Severity.ERROR)
    assert problem in d.message and d.fix == fix


@pytest.mark.parametrize("url", ["wss://llm.example.com/ws", "ws://llm.example.com:8080/llm-websocket"])
def test_websocket_url_near_miss(url: str) -> None:
    assert codes(engine(type="custom-llm", llm_websocket_url=url)) == []


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ws://localhost:8080/llm", "resolves only on your own machine"),
        ("wss://127.0.0.1/llm", "a loopback address"),
        ("wss://10.0.0.5/llm", "a private network address"),
        ("wss://llm.local/llm", "resolves only on your own machine"),
    ],
)
def test_websocket_url_unreachable(url: str, reason: str) -> None:
    d = one(check(engine(type="custom-llm", llm_websocket_url=url)), "RBV525")
    assert (d.pointer, d.severity) == (WS, Severity.WARNING)
    assert reason in d.message and "Retell's servers cannot reach it" in d.message
    assert only(check(engine(type="custom-llm", llm_websocket_url=url)), "RBV524") == []


# ---- RBV508 setting-without-prerequisite: the conditions added from the spec -----------------


def test_dtmf_options_ignored_when_dtmf_is_off() -> None:
    d = one(check(with_agent(allow_user_dtmf=False, user_dtmf_options={"digit_limit": 4})), "RBV508")
    assert (d.pointer, d.severity) == (f"{AGENT}/user_dtmf_options", Severity.WARNING)
    assert "sets `allow_user_dtmf` to false" in d.message and '"If false, any DTMF input will be ignored."' in d.message


@pytest.mark.parametrize("extra", [{"allow_user_dtmf": True}, {}])
def test_dtmf_options_near_miss(extra: dict[str, Any]) -> None:
    # Unset, allow_user_dtmf defaults to true ("Default to true."): the options apply.
    assert only(check(with_agent(user_dtmf_options={"digit_limit": 4}, **extra)), "RBV508") == []


def analysis(**fields: Any) -> dict[str, Any]:
    return with_agent(post_call_analysis_data=[{"type": "string", "name": "reason", "description": "why", **fields}])


def test_conditional_prompt_ignored_when_required() -> None:
    d = one(check(analysis(required=True, conditional_prompt="only if they mention a reason")), "RBV508")
    assert d.pointer == f"{AGENT}/post_call_analysis_data/0/conditional_prompt"
    assert "but this item sets `required` to true" in d.message and '"If required is true, this is ignored."' in d.message


@pytest.mark.parametrize("extra", [{"required": False}, {}])
def test_conditional_prompt_near_miss(extra: dict[str, Any]) -> None:
    # Unset: the custom item's description states no default, so nothing is certain.
    assert only(check(analysis(conditional_prompt="only if they mention a reason", **extra)), "RBV508") == []


def test_agent_level_prerequisite_still_worded_for_the_base_agent() -> None:
    d = one(check(with_agent(signed_url_expiration_ms=3600000)), "RBV508")
    assert "this override does not set `opt_in_signed_url`: it is ignored unless the base agent has it" in d.message


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


# ---- RBV526 repeated-list-item ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "field", "value", "kept"),
    [
        ("agent", "language", ["en-US", "es-ES", "en-US"], ["en-US", "es-ES"]),
        ("agent", "webhook_events", ["call_started", "call_ended", "call_ended"], ["call_started", "call_ended"]),
        ("agent", "boosted_keywords", ["Retell", "Retell"], ["Retell"]),
        ("agent", "fallback_voice_ids", ["openai-Alloy", "openai-Alloy"], ["openai-Alloy"]),
        ("agent", "backchannel_words", ["yeah", "uh-huh", "yeah"], ["yeah", "uh-huh"]),
        ("retell_llm", "knowledge_base_ids", ["kb_1", "kb_1"], ["kb_1"]),
        ("conversation_flow", "knowledge_base_ids", ["kb_1", "kb_2", "kb_1"], ["kb_1", "kb_2"]),
    ],
)
def test_repeated_list_item(section: str, field: str, value: list[str], kept: list[str]) -> None:
    d = one(check(with_agent(section, **{field: value})), "RBV526")
    repeat = next(i for i, item in enumerate(value) if item in value[:i])
    assert (d.pointer, d.severity) == (f"{AO}/{section}/{field}/{repeat}", Severity.WARNING)
    assert d.fix == Fix(kept, True, "remove the repeated items", at=f"{AO}/{section}/{field}")
    assert only(check(with_agent(section, **{field: kept})), "RBV526") == []


def test_repeated_choices_in_an_analysis_item() -> None:
    item = {"type": "enum", "name": "outcome", "description": "d", "choices": ["yes", "no", "yes"]}
    d = one(check(with_agent(post_call_analysis_data=[item])), "RBV526")
    assert d.pointer == f"{AGENT}/post_call_analysis_data/0/choices/2"


def test_lists_the_spec_declares_unique_are_left_to_the_schema() -> None:
    payload = with_agent(pii_config={"mode": "post_call", "categories": ["email", "email"]})
    assert "RBV526" not in codes(payload) and "RBV109" in codes(payload)


def test_repeated_list_item_fix_rewrites_the_list(tmp_path: Path) -> None:
    path = tmp_path / "payload.json"
    path.write_text(json.dumps(with_agent(webhook_events=["call_ended", "call_started", "call_ended"]), indent=2))
    outcome = fix_file(path, settings=Settings(), spec=load_spec(), unsafe=False, write=True, max_bytes=None)
    assert outcome.applied == 1
    events = json.loads(path.read_text())["tasks"][0]["agent_override"]["agent"]["webhook_events"]
    assert events == ["call_ended", "call_started"] and only(outcome.report, "RBV526") == []


# ---- RBV527 whole-number-expected -------------------------------------------------------------


@pytest.mark.parametrize(("value", "what"), [(1.5, "not a whole number"), (-1, "negative")])
def test_engine_version_must_be_whole_and_non_negative(value: float, what: str) -> None:
    d = one(check(engine(type="retell-llm", llm_id="llm_1", version=value)), "RBV527")
    assert (d.pointer, d.severity) == (f"{AGENT}/response_engine/version", Severity.ERROR)
    assert f"is {what}, found {json.dumps(value)}" in d.message and "non-negative integer" in d.message


def test_digit_limit_fraction_and_its_schema_minimum() -> None:
    d = one(check(with_agent(user_dtmf_options={"digit_limit": 1.5})), "RBV527")
    assert d.pointer == f"{AGENT}/user_dtmf_options/digit_limit"
    # -1 is below the schema's own minimum (1): RBV104 says so, once.
    assert codes(with_agent(user_dtmf_options={"digit_limit": -1})) == ["RBV104"]


@pytest.mark.parametrize("value", [0, 3, 3.0, None])
def test_whole_numbers_near_miss(value: Any) -> None:
    assert only(check(engine(type="retell-llm", llm_id="llm_1", version=value)), "RBV527") == []
    assert only(check(with_agent(user_dtmf_options={"digit_limit": value or 4})), "RBV527") == []


# ---- RBV528 id-whitespace ---------------------------------------------------------------------


def test_override_agent_id_with_spaces_gets_a_safe_fix() -> None:
    d = one(check(with_task(override_agent_id=" agent_x ")), "RBV528")
    assert (d.pointer, d.severity) == ("/tasks/0/override_agent_id", Severity.ERROR)
    assert d.fix == Fix("agent_x", True, "remove the surrounding whitespace")


@pytest.mark.parametrize(
    ("payload", "pointer"),
    [
        (engine(type="retell-llm", llm_id="llm_1 "), f"{AGENT}/response_engine/llm_id"),
        (engine(type="conversation-flow", conversation_flow_id="\tcf_1"), f"{AGENT}/response_engine/conversation_flow_id"),
        (with_agent(voice_id="11labs-Adrian "), f"{AGENT}/voice_id"),
        (with_agent(fallback_voice_ids=["openai-Alloy", " deepgram-Angus"]), f"{AGENT}/fallback_voice_ids/1"),
        (with_agent("retell_llm", knowledge_base_ids=["kb_1 "]), f"{AO}/retell_llm/knowledge_base_ids/0"),
    ],
)
def test_every_id_field_is_checked(payload: dict[str, Any], pointer: str) -> None:
    assert one(check(payload), "RBV528").pointer == pointer


def test_blank_id_has_no_fix() -> None:
    d = one(check(with_agent(voice_id="   ")), "RBV528")
    assert "is blank" in d.message and d.fix is None


def test_ids_near_miss() -> None:
    assert only(check(with_task(override_agent_id="agent_x")), "RBV528") == []
    assert only(check(with_agent(voice_id="11labs-Adrian", fallback_voice_ids=["openai-Alloy"])), "RBV528") == []


# ---- RBV529 voicemail-text-empty --------------------------------------------------------------


@pytest.mark.parametrize(("kind", "text"), [("static_text", ""), ("prompt", "  ")])
def test_empty_voicemail_text(kind: str, text: str) -> None:
    d = one(check(with_agent(voicemail_option={"action": {"type": kind, "text": text}})), "RBV529")
    assert (d.pointer, d.severity) == (f"{AGENT}/voicemail_option/action/text", Severity.WARNING)
    assert d.fix == Fix({"type": "hangup"}, False, "hang up on voicemail instead", at=f"{AGENT}/voicemail_option/action")


def test_voicemail_near_misses() -> None:
    assert only(check(with_agent(voicemail_option={"action": {"type": "static_text", "text": "Call us back."}})), "RBV529") == []
    assert only(check(with_agent(voicemail_option={"action": {"type": "hangup"}})), "RBV529") == []
    # The spec documents voicemail_message "" as "hang up after hitting voicemail".
    assert only(check(with_agent(voicemail_message="")), "RBV529") == []


# ---- RBV530 implausible-duration, RBV504 without implied bounds -------------------------------


def test_zero_webhook_timeout_is_a_warning_that_quotes_no_limit() -> None:
    report = check(with_agent(webhook_timeout_ms=0))
    d = one(report, "RBV530")
    assert (d.pointer, d.severity) == (f"{AGENT}/webhook_timeout_ms", Severity.WARNING)
    assert "the spec states no range" in d.message and "spec: " not in d.message
    assert only(report, "RBV504") == []


@pytest.mark.parametrize(("field", "value"), [("signed_url_expiration_ms", 0), ("webhook_timeout_ms", -5)])
def test_implausible_durations(field: str, value: int) -> None:
    fields: dict[str, Any] = {"opt_in_signed_url": True, field: value}
    d = one(check(with_agent(**fields)), "RBV530")
    assert d.pointer == f"{AGENT}/{field}"


def test_implausible_duration_near_miss() -> None:
    assert codes(with_agent(webhook_timeout_ms=1)) == []
    assert only(check(with_agent("retell_llm", start_speaker="user", begin_after_user_silence_ms=0)), "RBV530") == []


# ---- one finding for a null outside an enum ---------------------------------------------------


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
