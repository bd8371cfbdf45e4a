"""The schema pass: every violation, at the deepest useful pointer, with line and column."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers import check, check_text, one, seed, summary, with_agent, with_task
from validator import Settings
from validator.diagnostics import Fix
from validator.openapi.tools import did_you_mean

# A payload laid out so that positions are easy to read off: one key per line.
BAD_JSON = """{
  "from_number": 14157774444,
  "reserved_concurrency": -1,
  "tasks": [
    {"to_number": ""},
    {"override_agent_version": "Prod"},
    {"to_number": "+12137774445", "ignore_e164_validation": "yes"}
  ],
  "call_time_window": {
    "windows": [],
    "day": ["Funday"]
  }
}
"""


def test_bad_payload_reports_every_violation_with_position() -> None:
    report = check_text(BAD_JSON, "json")
    got = {(d.code, d.pointer): (d.severity.value, d.line, d.column) for d in report.diagnostics}
    assert got[("RBV201", "/from_number")] == ("error", 2, 18)  # the phone rule words the wrong type
    assert got[("RBV104", "/reserved_concurrency")] == ("error", 3, 27)
    assert got[("RBV105", "/tasks/0/to_number")] == ("error", 5, 19)
    assert got[("RBV101", "/tasks/1")] == ("error", 6, 5)
    assert got[("RBV102", "/tasks/2/ignore_e164_validation")] == ("error", 7, 61)
    assert got[("RBV108", "/call_time_window/windows")] == ("error", 10, 16)
    assert got[("RBV103", "/call_time_window/day/0")] == ("error", 11, 13)


def test_seed_example_is_clean() -> None:
    assert check(seed()).diagnostics == ()


@pytest.mark.parametrize("field", ["from_number", "tasks"])
def test_each_required_top_level_field(field: str) -> None:
    payload = seed()
    del payload[field]
    d = one(check(payload), "RBV101")
    assert (d.pointer, d.severity.value) == ("", "error")
    assert f"`{field}`" in d.message


def test_required_to_number_points_at_the_task() -> None:
    d = one(check(seed(tasks=[{"to_number": "+12137774445"}, {"metadata": {}}])), "RBV101")
    assert d.pointer == "/tasks/1"
    assert d.hint is not None and "E.164" in d.hint


def test_required_in_nested_objects() -> None:
    report = check(seed(call_time_window={"windows": [{"start": 540}]}))
    assert [(d.code, d.pointer) for d in report.diagnostics if d.code == "RBV101"] == [("RBV101", "/call_time_window/windows/0")]
    assert "`end`" in one(report, "RBV101").message


@pytest.mark.parametrize(
    ("payload", "pointer", "expected", "found"),
    [
        (seed(name=5), "/name", "a string", "integer"),
        (seed(tasks={"to_number": "+1"}), "/tasks", "a list", "object"),
        (seed(trigger_timestamp="1735718400000"), "/trigger_timestamp", "a number", "string"),
        (seed(reserved_concurrency=1.5), "/reserved_concurrency", "an integer", "number"),
        (seed(name=None), "/name", "a string", "null"),
        (with_task(ignore_e164_validation="true"), "/tasks/0/ignore_e164_validation", "a boolean", "string"),
        (with_task(retell_llm_dynamic_variables={"n": 3}), "/tasks/0/retell_llm_dynamic_variables/n", "a string", "integer"),
        (with_task(metadata=[1]), "/tasks/0/metadata", "an object", "array"),
    ],
)
def test_wrong_types(payload: dict[str, object], pointer: str, expected: str, found: str) -> None:
    d = one(check(payload), "RBV102")
    assert (d.pointer, d.severity.value) == (pointer, "error")
    assert f"must be {expected}, found {found}" in d.message


def test_nullable_fields_accept_null() -> None:
    assert check(with_agent(voice_model=None, agent_name=None, webhook_url=None)).diagnostics == ()
    assert check(with_agent("retell_llm", kb_config=None)).diagnostics == ()


@pytest.mark.parametrize(
    ("payload", "pointer", "guess"),
    [
        (seed(call_time_window={"windows": [{"start": 0, "end": 60}], "day": ["monday"]}), "/call_time_window/day/0", '"Monday"'),
        (with_agent(voice_model="eleven_turbo"), "/tasks/0/agent_override/agent/voice_model", '"eleven_turbo_v2"'),
        (with_agent(stt_mode="slow"), "/tasks/0/agent_override/agent/stt_mode", None),
        (with_agent(webhook_events=["call_ended", "call_end"]), "/tasks/0/agent_override/agent/webhook_events/1", '"call_ended"'),
    ],
)
def test_enum_violations(payload: dict[str, object], pointer: str, guess: str | None) -> None:
    d = one(check(payload), "RBV103")
    assert (d.pointer, d.severity.value) == (pointer, "error")
    if guess is None:
        assert d.hint is None or "did you mean" not in d.hint
    else:
        assert d.hint is not None and guess in d.hint


@pytest.mark.parametrize(
    ("fields", "pointer", "ok_fields"),
    [
        ({"voice_speed": 2.01}, "/tasks/0/agent_override/agent/voice_speed", {"voice_speed": 2}),
        ({"voice_speed": 0.49}, "/tasks/0/agent_override/agent/voice_speed", {"voice_speed": 0.5}),
        ({"ring_duration_ms": 4999}, "/tasks/0/agent_override/agent/ring_duration_ms", {"ring_duration_ms": 5000}),
        (
            {"data_storage_retention_days": 731},
            "/tasks/0/agent_override/agent/data_storage_retention_days",
            {"data_storage_retention_days": 730},
        ),
    ],
)
def test_range_violations_and_their_boundaries(fields: dict[str, Any], pointer: str, ok_fields: dict[str, Any]) -> None:
    d = one(check(with_agent(**fields)), "RBV104")
    assert (d.pointer, d.severity.value) == (pointer, "error")
    assert not [x for x in check(with_agent(**ok_fields)).diagnostics if x.code == "RBV104"]


def test_reserved_concurrency_minimum_boundary() -> None:
    assert one(check(seed(reserved_concurrency=-1)), "RBV104").pointer == "/reserved_concurrency"
    assert check(seed(reserved_concurrency=0)).diagnostics == ()


def test_string_length() -> None:
    d = one(check(seed(from_number="")), "RBV105")
    assert (d.pointer, d.severity.value) == ("/from_number", "error")
    long_prompt = "x" * 2001
    d = one(check(with_agent(analysis_summary_prompt=long_prompt)), "RBV105")
    assert d.pointer == "/tasks/0/agent_override/agent/analysis_summary_prompt"
    assert not [x for x in check(with_agent(analysis_summary_prompt="x" * 2000)).diagnostics if x.code == "RBV105"]


def test_one_of_scalar_gives_one_readable_message() -> None:
    # By default RBV501 (agent-version-reference) replaces this message; the generic one is checked here.
    report = check(with_task(override_agent_version=-1), settings=Settings(ignore=frozenset({"RBV501"})))
    rbv1 = [d for d in report.diagnostics if d.code.startswith("RBV1")]
    assert len(rbv1) == 1
    d = rbv1[0]
    assert d.pointer == "/tasks/0/override_agent_version"
    assert "non-negative integer" in d.message and "^(latest|" in d.message


def test_one_of_objects_reports_inside_the_branch_meant() -> None:
    engine = {"type": "conversation-flow"}
    d = one(check(with_agent(response_engine=engine)), "RBV101")
    assert d.pointer == "/tasks/0/agent_override/agent/response_engine"
    assert "`conversation_flow_id`" in d.message


def test_one_of_objects_with_unknown_discriminator() -> None:
    d = one(check(with_agent(response_engine={"type": "gpt"})), "RBV107")
    assert d.pointer == "/tasks/0/agent_override/agent/response_engine/type"
    assert "retell-llm" in d.message


def test_nested_one_of_post_call_analysis() -> None:
    item = {"type": "number", "name": "count"}  # description missing
    d = one(check(with_agent(post_call_analysis_data=[item])), "RBV101")
    assert d.pointer == "/tasks/0/agent_override/agent/post_call_analysis_data/0"
    assert "`description`" in d.message


def test_any_of_nullable_ref_reports_inside_the_object() -> None:
    d = one(check(with_agent("retell_llm", kb_config={"top_k": 11})), "RBV104")
    assert d.pointer == "/tasks/0/agent_override/retell_llm/kb_config/top_k"


def test_min_items_and_unique_items() -> None:
    assert one(check(seed(call_time_window={"windows": []})), "RBV108").pointer == "/call_time_window/windows"
    d = one(check(with_agent(pii_config={"mode": "post_call", "categories": ["email", "email"]})), "RBV109")
    assert d.pointer == "/tasks/0/agent_override/agent/pii_config/categories/1"


def test_closed_object_rejects_extra_key_at_the_key() -> None:
    option = {"agent_identity": "Acme", "call_purpose": "reminder", "agent_identiy": "x"}
    report = check_text(json.dumps(with_agent(call_screening_option=option), indent=1), "json")
    d = one(report, "RBV110")
    assert d.pointer == "/tasks/0/agent_override/agent/call_screening_option/agent_identiy"
    assert d.hint == "did you mean `agent_identity`?"
    assert d.line is not None


def test_unknown_keys_are_warnings_with_did_you_mean() -> None:
    report = check(seed(tasks=[{"to_number": "+12137774445", "ignore_e164_validaton": True}], nmae="x"))
    assert sorted(summary(report)) == [("RBV111", "warning", "/nmae"), ("RBV111", "warning", "/tasks/0/ignore_e164_validaton")]
    hints = {d.pointer: d.hint for d in report.diagnostics}
    assert hints["/tasks/0/ignore_e164_validaton"] == "did you mean `ignore_e164_validation`?"
    assert hints["/nmae"] == "did you mean `name`?"


def test_free_form_objects_are_not_checked_for_unknown_keys() -> None:
    payload = with_task(metadata={"anything": 1}, retell_llm_dynamic_variables={"x": "y"}, custom_sip_headers={"X-A": "b"})
    assert check(payload).diagnostics == ()


def test_unknown_key_inside_the_chosen_one_of_branch() -> None:
    engine = {"type": "retell-llm", "llm_id": "llm_1", "llm_idd": "x"}
    d = one(check(with_agent(response_engine=engine)), "RBV111")
    assert d.pointer == "/tasks/0/agent_override/agent/response_engine/llm_idd"
    assert d.hint == "did you mean `llm_id`?"


def test_unknown_keys_of_tasks_sharing_a_shape_are_each_reported() -> None:
    # Shapes are remembered per schema node: the second and third tasks reuse the first's answer.
    engine = {"type": "retell-llm", "llm_id": "llm_1"}
    typo = {"to_number": "+12137774445", "to_numbr": "+1", "agent_override": {"agent": {"response_engine": engine}}}
    clean = {"to_number": "+12137774446", "agent_override": {"agent": {"response_engine": {**engine, "llm_idd": "x"}}}}
    report = check(seed(tasks=[typo, clean, {**typo, "to_number": "+12137774447"}]))
    assert sorted(s for s in summary(report) if s[0] == "RBV111") == [
        ("RBV111", "warning", "/tasks/0/to_numbr"),
        ("RBV111", "warning", "/tasks/1/agent_override/agent/response_engine/llm_idd"),
        ("RBV111", "warning", "/tasks/2/to_numbr"),
    ]


def test_unknown_key_position_is_the_key() -> None:
    text = '{"from_number": "+14157774444",\n "tasks": [{"to_number": "+12137774445",\n   "to_numbr": "+1"}]}'
    d = one(check_text(text, "json"), "RBV111")
    assert (d.line, d.column) == (3, 4)


def test_each_missing_field_is_reported_once() -> None:
    report = check({"name": "x"})
    assert sorted((d.code, d.pointer, d.message) for d in report.diagnostics if d.code == "RBV101") == [
        ("RBV101", "", "missing required field `from_number`"),
        ("RBV101", "", "missing required field `tasks`"),
    ]


def test_an_object_as_type_tag_is_a_schema_error_not_a_crash() -> None:
    report = check(with_agent("conversation_flow", model_choice={"type": {}}))
    assert "RBV000" not in report.codes()
    d = one(report, "RBV107")
    assert d.pointer == "/tasks/0/agent_override/conversation_flow/model_choice/type"


# --- call_time_window: day names (RBV103) and an empty window list (RBV108) ---------------------------

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def days(*names: str) -> dict[str, Any]:
    return seed(call_time_window={"windows": [{"start": 540, "end": 1020}], "timezone": "America/Los_Angeles", "day": list(names)})


def test_lowercase_day_gets_a_safe_case_fix() -> None:
    d = one(check(days("monday")), "RBV103")
    assert (d.pointer, d.hint) == ("/call_time_window/day/0", 'did you mean "Monday"?')
    assert d.fix == Fix("Monday", True, 'use "Monday"')


def test_abbreviated_day_is_suggested_without_a_fix() -> None:
    d = one(check(days("Thu")), "RBV103")
    assert (d.hint, d.fix) == ('did you mean "Thursday"?', None)


@pytest.mark.parametrize(
    ("word", "meant"),
    [("Mon", "Monday"), ("thu", "Thursday"), ("Tues", "Tuesday"), ("Weds", "Wednesday"), ("Sa", "Saturday"), ("wednesdy", "Wednesday")],
)
def test_did_you_mean_abbreviations(word: str, meant: str) -> None:
    assert did_you_mean(word, DAYS) == meant


@pytest.mark.parametrize("word", ["T", "S", "xyz"])
def test_did_you_mean_refuses_ambiguous_or_unrelated_words(word: str) -> None:
    assert did_you_mean(word, DAYS) is None


def test_empty_windows_is_one_schema_finding_only() -> None:
    report = check(seed(call_time_window={"windows": [], "timezone": "America/New_York"}))
    assert [(d.code, d.pointer) for d in report.diagnostics] == [("RBV108", "/call_time_window/windows")]
    assert report.diagnostics[0].message == "`windows` must have at least 1 item(s), found 0"
