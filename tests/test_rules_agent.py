"""Agent-override rules (RBV5xx): each flags its payload and leaves the near miss alone."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from tests.helpers import ROOT, check, check_text, one, only, pointers, with_agent, with_task
from validator import Severity
from validator.openapi.load import load_spec
from validator.rules.agent._voices import provider_of_voice, providers, spec_voice_models

AO = "/tasks/0/agent_override"
AGENT = f"{AO}/agent"
LLM = f"{AO}/retell_llm"
FULL = ROOT / "fixtures" / "clean" / "full-featured.json"


def codes(payload: Any) -> list[str]:
    return [d.code for d in check(payload).diagnostics]


def agent5(payload: Any) -> list[tuple[str, str, str]]:
    """(code, severity, pointer) of the RBV5xx findings only."""
    return [(d.code, d.severity.value, d.pointer) for d in check(payload).diagnostics if d.code.startswith("RBV5")]


# ---- RBV501 agent-version-reference ----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message_part", "hint"),
    [
        ("v3", "v<number> are reserved", "use 3"),
        ("V12", "v<number> are reserved", "use 12"),
        ("Prod", "tags are lower-case", 'use "prod"'),
        ("LATEST", "tags are lower-case", 'use "latest"'),
        ("3", 'the string "3"', "use 3 without quotes"),
        ("a" * 21, "it has 21 characters, at most 20 are allowed", None),
        ("prod tag", 'found " "', None),
        ("_canary", "must start with a lower-case letter", None),
        ("", "is empty", None),
        (-1, "version numbers start at 0", None),
        (3.5, "is 3.5, but a version number is a whole number", "use 3 or 4"),
        (True, "is true", None),
        (None, "is null", None),
    ],
)
def test_version_reference_flags_with_one_clear_message(value: Any, message_part: str, hint: str | None) -> None:
    report = check(with_task(override_agent_version=value))
    found = one(report, "RBV501")
    assert (found.pointer, found.severity) == ("/tasks/0/override_agent_version", Severity.ERROR)
    assert message_part in found.message
    assert hint is None or found.hint == hint
    assert only(report, "RBV107") == only(report, "RBV106") == []  # superseded: one problem, one diagnostic


@pytest.mark.parametrize("value", [0, 3, 3.0, "latest", "prod", "v3x", "a" * 20, "canary_2-b"])
def test_version_reference_near_misses_pass(value: Any) -> None:
    assert codes(with_task(override_agent_version=value)) == []


def test_version_reference_fixes() -> None:
    quoted = one(check(with_task(override_agent_version="3")), "RBV501").fix
    reserved = one(check(with_task(override_agent_version="v3")), "RBV501").fix
    assert quoted is not None and (quoted.value, quoted.safe) == (3, True)
    assert reserved is not None and (reserved.value, reserved.safe) == (3, False)


def test_version_reference_is_reported_per_task() -> None:
    payload = with_task(override_agent_version="v3")
    payload["tasks"] += [{"to_number": "+12137774446", "override_agent_version": "v3"}, {"to_number": "+12137774447"}]
    assert pointers(check(payload), "RBV501") == ["/tasks/0/override_agent_version", "/tasks/1/override_agent_version"]


# ---- RBV502 / RBV503 response engine sections -------------------------------------------------

CF_ENGINE = {"type": "conversation-flow", "conversation_flow_id": "cf_1"}


def test_both_engine_sections_warn() -> None:
    payload = with_task(agent_override={"retell_llm": {"model": "gpt-4.1"}, "conversation_flow": {"model_temperature": 0.2}})
    assert agent5(payload) == [("RBV502", "warning", AO)]


def test_one_engine_section_or_an_empty_second_passes() -> None:
    assert agent5(with_task(agent_override={"retell_llm": {"model": "gpt-4.1"}, "conversation_flow": {}})) == []


def test_section_not_matching_the_engine_warns() -> None:
    payload = with_task(agent_override={"agent": {"response_engine": CF_ENGINE}, "retell_llm": {"model": "gpt-4.1"}})
    found = one(check(payload), "RBV503")
    assert (found.pointer, found.severity) == (LLM, Severity.WARNING)
    assert '"conversation-flow"' in found.message and found.hint == "move these settings to `conversation_flow`"


def test_with_a_known_engine_only_the_mismatch_is_reported_not_both() -> None:
    override = {
        "agent": {"response_engine": CF_ENGINE},
        "retell_llm": {"model": "gpt-4.1"},
        "conversation_flow": {"model_temperature": 0.2},
    }
    assert agent5(with_task(agent_override=override)) == [("RBV503", "warning", LLM)]


def test_section_matching_the_engine_passes() -> None:
    override = {"agent": {"response_engine": CF_ENGINE}, "conversation_flow": {"model_temperature": 0.2}}
    assert agent5(with_task(agent_override=override)) == []


def test_custom_llm_engine_takes_no_section() -> None:
    engine = {"type": "custom-llm", "llm_websocket_url": "wss://llm.example.com"}
    payload = with_task(agent_override={"agent": {"response_engine": engine}, "retell_llm": {"model": "gpt-4.1"}})
    assert agent5(payload) == [("RBV503", "warning", LLM)]


def test_unknown_engine_type_is_left_to_the_schema() -> None:
    payload = with_task(agent_override={"agent": {"response_engine": {"type": "foo"}}, "retell_llm": {"model": "gpt-4.1"}})
    assert codes(payload) == ["RBV107"]


def test_response_engine_without_its_id_reads_well_once() -> None:
    report = check(with_agent(response_engine={"type": "conversation-flow"}))
    found = one(report, "RBV101")
    assert found.pointer == f"{AGENT}/response_engine"
    assert found.message == "missing required field `conversation_flow_id`"
    assert found.hint == "add `conversation_flow_id`: ID of the Conversation Flow Response Engine"
    assert len(report.diagnostics) == 1


# ---- RBV504 documented-range ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "bad", "good", "allowed"),
    [
        ("voice_temperature", 2.01, 2, "[0, 2]"),
        ("voice_temperature", -0.01, 0, "[0, 2]"),
        ("volume", 2.5, 2, "[0, 2]"),
        ("ambient_sound_volume", 3, 0, "[0, 2]"),
        ("backchannel_frequency", 1.01, 1, "[0, 1]"),
        ("begin_message_delay_ms", 5001, 5000, "[0, 5000]"),
        ("end_call_after_silence_ms", 9999, 10000, "≥ 10000"),
        ("max_call_duration_ms", 59999, 60000, "[60000, 7200000]"),
        ("max_call_duration_ms", 7200001, 7200000, "[60000, 7200000]"),
        ("voicemail_detection_timeout_ms", 4999, 5000, "[5000, 180000]"),
        ("voicemail_detection_timeout_ms", 180001, 180000, "[5000, 180000]"),
        ("reminder_trigger_ms", 0, 1, "> 0"),
        ("reminder_max_count", -1, 0, "≥ 0"),
    ],
)
def test_documented_range(field: str, bad: float, good: float, allowed: str) -> None:
    extra: dict[str, Any] = {"enable_backchannel": True} if field == "backchannel_frequency" else {}
    found = one(check(with_task(agent_override={"agent": {field: bad, **extra}})), "RBV504")
    assert (found.pointer, found.severity, found.hint) == (f"{AGENT}/{field}", Severity.ERROR, f"allowed range: {allowed}")
    assert f"found {json.dumps(bad)}" in found.message and '(spec: "' in found.message
    assert codes(with_task(agent_override={"agent": {field: good, **extra}})) == []


def test_documented_range_in_the_llm_section() -> None:
    found = one(check(with_agent("retell_llm", model_temperature=1.5)), "RBV504")
    assert (found.pointer, found.severity) == (f"{LLM}/model_temperature", Severity.ERROR)
    assert codes(with_agent("retell_llm", model_temperature=1)) == []


def test_schema_ranges_are_not_reported_twice() -> None:
    assert codes(with_agent(voice_speed=3)) == ["RBV104"]
    assert codes(with_agent(ring_duration_ms=4999)) == ["RBV104"]
    assert codes(with_agent(data_storage_retention_days=731)) == ["RBV104"]


def test_wrong_types_are_left_to_the_schema() -> None:
    assert codes(with_agent(volume="3")) == ["RBV102"]


def test_documented_range_fix_clamps_unsafely() -> None:
    fix = one(check(with_agent(volume=5)), "RBV504").fix
    assert fix is not None and (fix.value, fix.safe) == (2, False)


# ---- RBV505 endpointing minimum -------------------------------------------------------------


@pytest.mark.parametrize(("provider", "minimum"), [("azure", 100), ("deepgram", 10), ("soniox", 500)])
def test_endpointing_below_provider_minimum(provider: str, minimum: int) -> None:
    low = with_agent(stt_mode="custom", custom_stt_config={"provider": provider, "endpointing_ms": minimum - 1})
    found = one(check(low), "RBV505")
    assert (found.pointer, found.severity) == (f"{AGENT}/custom_stt_config/endpointing_ms", Severity.ERROR)
    assert f"minimum of {minimum}" in found.message
    ok = with_agent(stt_mode="custom", custom_stt_config={"provider": provider, "endpointing_ms": minimum})
    assert codes(ok) == []


# ---- RBV506 / RBV507 / RBV508 prose conditions ----------------------------------------------


def test_model_and_s2s_model_both_set() -> None:
    found = one(check(with_agent("retell_llm", model="gpt-4.1", s2s_model="gpt-realtime")), "RBV506")
    assert (found.pointer, found.severity) == (f"{LLM}/s2s_model", Severity.ERROR)
    assert codes(with_agent("retell_llm", model=None, s2s_model="gpt-realtime")) == []
    assert codes(with_agent("retell_llm", model="gpt-4.1")) == []


def test_custom_stt_mode_needs_its_config() -> None:
    found = one(check(with_agent(stt_mode="custom")), "RBV507")
    assert (found.pointer, found.severity) == (f"{AGENT}/stt_mode", Severity.ERROR)
    assert "is missing" in found.message
    assert "is null" in one(check(with_agent(stt_mode="custom", custom_stt_config=None)), "RBV507").message
    assert codes(with_agent(stt_mode="accurate")) == []


@pytest.mark.parametrize(
    ("fields", "pointer", "part"),
    [
        ({"backchannel_frequency": 0.5, "enable_backchannel": False}, "backchannel_frequency", "sets `enable_backchannel` to false"),
        ({"backchannel_words": ["yeah"]}, "backchannel_words", "does not set `enable_backchannel`"),
        ({"signed_url_expiration_ms": 3600000}, "signed_url_expiration_ms", "does not set `opt_in_signed_url`"),
        ({"signed_url_expiration_ms": 3600000, "opt_in_signed_url": False}, "signed_url_expiration_ms", "to false"),
        ({"custom_stt_config": {"provider": "deepgram", "endpointing_ms": 300}, "stt_mode": "fast"}, "custom_stt_config", '"fast"'),
    ],
)
def test_setting_without_prerequisite(fields: dict[str, Any], pointer: str, part: str) -> None:
    found = one(check(with_agent(**fields)), "RBV508")
    assert (found.pointer, found.severity) == (f"{AGENT}/{pointer}", Severity.WARNING)
    assert part in found.message


@pytest.mark.parametrize(
    "fields",
    [
        {"backchannel_frequency": 0.5, "enable_backchannel": True},
        {"backchannel_words": None},
        {"signed_url_expiration_ms": 3600000, "opt_in_signed_url": True},
        {"signed_url_expiration_ms": None},
    ],
)
def test_prerequisite_met_or_setting_removed(fields: dict[str, Any]) -> None:
    assert codes(with_agent(**fields)) == []


def test_wrongly_typed_prerequisite_is_the_schema_finding_only() -> None:
    assert codes(with_agent(enable_backchannel="true", backchannel_words=["yeah"])) == ["RBV102"]


# ---- RBV509 multi in a language list --------------------------------------------------------


def test_multi_inside_language_list() -> None:
    report = check(with_agent(language=["en-US", "multi"]))
    found = one(report, "RBV509")
    assert (found.pointer, found.severity) == (f"{AGENT}/language/1", Severity.ERROR)
    assert only(report, "RBV103") == []  # superseded at that item
    assert found.hint == 'use "language": "multi" alone, or list concrete locales only: ["en-US"]'


def test_multi_as_scalar_and_concrete_lists_pass() -> None:
    assert codes(with_agent(language="multi")) == []
    assert codes(with_agent(language=["en-US", "es-ES"])) == []


def test_other_bad_locales_in_a_list_stay_enum_errors() -> None:
    assert [(d.code, d.pointer) for d in check(with_agent(language=["en-US", "xx"])).diagnostics] == [("RBV103", f"{AGENT}/language/1")]


# ---- RBV510 vocab_specialization ------------------------------------------------------------


def test_vocab_specialization_on_non_english_agent() -> None:
    found = one(check(with_agent(language="de-DE", vocab_specialization="medical")), "RBV510")
    assert (found.pointer, found.severity) == (f"{AGENT}/vocab_specialization", Severity.INFO)
    assert agent5(with_agent(language=["de-DE", "fr-FR"], vocab_specialization="medical")) == [
        ("RBV510", "info", f"{AGENT}/vocab_specialization")
    ]


@pytest.mark.parametrize("language", [["de-DE", "en-GB"], "en-IN", "multi", None])
def test_vocab_specialization_with_english_or_unknown_language_passes(language: Any) -> None:
    fields: dict[str, Any] = {"vocab_specialization": "medical"}
    if language is not None:
        fields["language"] = language
    assert codes(with_agent(**fields)) == []


# ---- RBV511 voice_emotion -------------------------------------------------------------------


def test_voice_emotion_with_unsupported_provider() -> None:
    found = one(check(with_agent(voice_id="11labs-Adrian", voice_emotion="calm")), "RBV511")
    assert (found.pointer, found.severity) == (f"{AGENT}/voice_emotion", Severity.WARNING)
    assert "Cartesia or MiniMax" in found.message


@pytest.mark.parametrize("voice", ["cartesia-Cimo", "minimax-Cimo", "retell-Cimo", "custom_voice_123"])
def test_voice_emotion_supported_or_unknowable_passes(voice: str) -> None:
    assert codes(with_agent(voice_id=voice, voice_emotion="calm")) == []


def test_voice_emotion_null_passes() -> None:
    assert codes(with_agent(voice_id="11labs-Adrian", voice_emotion=None)) == []


# ---- RBV512 termination key -----------------------------------------------------------------


@pytest.mark.parametrize(("key", "fix"), [("pound", "#"), ("star", "*"), ("##", None), ("A", None), ("", None), (" # ", "#")])
def test_termination_key_invalid(key: str, fix: str | None) -> None:
    found = one(check(with_agent(user_dtmf_options={"termination_key": key})), "RBV512")
    assert (found.pointer, found.severity) == (f"{AGENT}/user_dtmf_options/termination_key", Severity.ERROR)
    assert (found.fix.value if found.fix else None) == fix


@pytest.mark.parametrize("key", ["#", "*", "0", "9", None])
def test_termination_key_valid(key: str | None) -> None:
    assert codes(with_agent(user_dtmf_options={"termination_key": key})) == []


# ---- RBV513 / RBV514 / RBV515 voices --------------------------------------------------------


def test_every_spec_voice_model_has_exactly_one_provider() -> None:
    for model in spec_voice_models(load_spec()):
        owners = [p.key for p in providers() if p.offers(model)]
        assert len(owners) == 1, (model, owners)


def test_voice_id_prefixes() -> None:
    seen = {
        v: (p.key if (p := provider_of_voice(v)) else None)
        for v in ["11labs-Adrian", "cartesia-Cimo", "openai-Alloy", "minimax-Cimo", "fish-abc", "retell-Cimo", "x-1"]
    }
    assert seen == {
        "11labs-Adrian": "elevenlabs",
        "cartesia-Cimo": "cartesia",
        "openai-Alloy": "openai",
        "minimax-Cimo": "minimax",
        "fish-abc": "fish",
        "retell-Cimo": "retell",
        "x-1": None,
    }


@pytest.mark.parametrize(
    ("voice", "model"),
    [
        ("11labs-Adrian", "sonic-3"),
        ("cartesia-Cimo", "eleven_v3"),
        ("openai-Alloy", "s2-pro"),
        ("minimax-Cimo", "tts-1"),
        ("fish-x", "speech-02-turbo"),
    ],
)
def test_voice_model_from_another_provider(voice: str, model: str) -> None:
    found = one(check(with_agent(voice_id=voice, voice_model=model)), "RBV513")
    assert (found.pointer, found.severity) == (f"{AGENT}/voice_model", Severity.ERROR)
    assert found.hint is not None and found.hint.startswith("use one of [")


@pytest.mark.parametrize(
    ("voice", "model"),
    [
        ("11labs-Adrian", "eleven_turbo_v2_5"),
        ("cartesia-Cimo", "sonic-3.5"),
        ("openai-Alloy", "gpt-4o-mini-tts"),
        ("minimax-Cimo", "speech-2.8-turbo"),
        ("fish-x", "s2.1-pro"),
        ("retell-Cimo", "sonic-3"),
        ("custom_voice_1", "tts-1"),
    ],
)
def test_voice_model_of_the_same_provider_or_unknowable(voice: str, model: str) -> None:
    assert codes(with_agent(voice_id=voice, voice_model=model)) == []


def test_fallback_from_the_voice_ids_provider() -> None:
    report = check(with_agent(voice_id="11labs-Adrian", fallback_voice_ids=["cartesia-Cimo", "11labs-Rachel"]))
    assert [(d.code, d.severity.value, d.pointer) for d in report.diagnostics] == [("RBV514", "error", f"{AGENT}/fallback_voice_ids/1")]
    assert codes(with_agent(voice_id="11labs-Adrian", fallback_voice_ids=["cartesia-Cimo", "openai-Alloy"])) == []


def test_retell_voices_count_as_their_own_provider() -> None:
    assert agent5(with_agent(voice_id="retell-Cimo", fallback_voice_ids=["retell-Marissa"])) == [
        ("RBV514", "error", f"{AGENT}/fallback_voice_ids/0")
    ]
    assert codes(with_agent(voice_id="retell-Cimo", fallback_voice_ids=["cartesia-Cimo"])) == []


def test_fallbacks_sharing_a_provider() -> None:
    report = check(with_agent(voice_id="11labs-Adrian", fallback_voice_ids=["cartesia-Cimo", "cartesia-Tina", "openai-Alloy"]))
    assert [(d.code, d.severity.value, d.pointer) for d in report.diagnostics] == [("RBV515", "warning", f"{AGENT}/fallback_voice_ids/1")]
    assert codes(with_agent(fallback_voice_ids=["cartesia-Cimo", "minimax-Cimo", "custom_a", "custom_b"])) == []


# ---- RBV516 / RBV517 post-call analysis -----------------------------------------------------


def _item(kind: str, name: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "name": name, "description": "d", **extra}


def test_duplicate_analysis_names() -> None:
    items = [_item("string", "rating"), _item("number", "score"), _item("number", "rating")]
    found = one(check(with_agent(post_call_analysis_data=items)), "RBV516")
    assert (found.pointer, found.severity) == (f"{AGENT}/post_call_analysis_data/2/name", Severity.ERROR)
    assert "item 0" in found.message
    distinct = [_item("string", "rating"), _item("number", "Rating_score"), {"type": "system-presets", "name": "call_summary"}]
    assert codes(with_agent(post_call_analysis_data=distinct)) == []


def test_enum_analysis_without_choices() -> None:
    empty = one(check(with_agent(post_call_analysis_data=[_item("enum", "rating", choices=[])])), "RBV517")
    assert (empty.pointer, empty.severity) == (f"{AGENT}/post_call_analysis_data/0/choices", Severity.ERROR)
    blank = one(check(with_agent(post_call_analysis_data=[_item("enum", "rating", choices=["good", " "])])), "RBV517")
    assert blank.pointer == f"{AGENT}/post_call_analysis_data/0/choices/1"
    assert codes(with_agent(post_call_analysis_data=[_item("enum", "rating", choices=["good"])])) == []


def test_enum_analysis_missing_choices_is_the_required_field_error_only() -> None:
    assert codes(with_agent(post_call_analysis_data=[_item("enum", "rating")])) == ["RBV101"]


# ---- RBV518 / RBV519 / RBV521 webhook_url ---------------------------------------------------


@pytest.mark.parametrize(
    ("url", "part"),
    [
        ("hooks.example.com/retell", "has no https:// in front"),
        ("/retell", "has no https:// in front"),
        ("ftp://hooks.example.com", 'scheme "ftp"'),
        ("https://", "has no host name"),
        (" https://hooks.example.com", "whitespace around it"),
        ("https://hooks.example.com/a b", "contains whitespace"),
        ("https://hooks.example.com:99999/", "invalid port"),
        ("", "is empty"),
    ],
)
def test_webhook_url_invalid(url: str, part: str) -> None:
    found = one(check(with_agent(webhook_url=url)), "RBV518")
    assert (found.pointer, found.severity) == (f"{AGENT}/webhook_url", Severity.ERROR)
    assert part in found.message


def test_webhook_url_http_warns_and_https_passes() -> None:
    found = one(check(with_agent(webhook_url="http://hooks.example.com/retell")), "RBV519")
    assert (found.pointer, found.severity, found.hint) == (f"{AGENT}/webhook_url", Severity.WARNING, "use https://hooks.example.com/retell")
    assert codes(with_agent(webhook_url="https://hooks.example.com/retell")) == []
    assert codes(with_agent(webhook_url=None)) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://localhost:3000/x",
        "https://127.0.0.1/x",
        "https://10.1.2.3/x",
        "https://[::1]/x",
        "https://box.local/x",
        "https://intranet/x",
    ],
)
def test_webhook_url_unreachable(url: str) -> None:
    found = one(check(with_agent(webhook_url=url)), "RBV521")
    assert (found.pointer, found.severity) == (f"{AGENT}/webhook_url", Severity.WARNING)


@pytest.mark.parametrize("url", ["https://8.8.8.8/x", "https://hooks.example.com/x", "https://abc.ngrok-free.app/retell"])
def test_webhook_url_public_passes(url: str) -> None:
    assert codes(with_agent(webhook_url=url)) == []


# ---- RBV520 speaker-dependent settings ------------------------------------------------------


def test_begin_delay_when_the_user_speaks_first() -> None:
    override = {"agent": {"begin_message_delay_ms": 1000}, "retell_llm": {"start_speaker": "user"}}
    assert agent5(with_task(agent_override=override)) == [("RBV520", "info", f"{AGENT}/begin_message_delay_ms")]
    override["retell_llm"] = {"start_speaker": "agent"}
    assert agent5(with_task(agent_override=override)) == []


def test_user_silence_when_the_agent_speaks_first() -> None:
    assert agent5(with_agent("conversation_flow", start_speaker="agent", begin_after_user_silence_ms=2000)) == [
        ("RBV520", "info", f"{AO}/conversation_flow/begin_after_user_silence_ms")
    ]
    assert agent5(with_agent("conversation_flow", start_speaker="user", begin_after_user_silence_ms=2000)) == []


def test_empty_begin_message_contradicts_agent_start_speaker() -> None:
    assert agent5(with_agent("retell_llm", start_speaker="agent", begin_message="")) == [("RBV520", "info", f"{LLM}/begin_message")]
    assert agent5(with_agent("retell_llm", start_speaker="agent", begin_message="Hi!")) == []


# ---- RBV522 silence timers -------------------------------------------------------------------


def test_reminder_after_the_silence_hang_up() -> None:
    found = one(check(with_agent(reminder_trigger_ms=20000, end_call_after_silence_ms=20000)), "RBV522")
    assert (found.pointer, found.severity) == (f"{AGENT}/reminder_trigger_ms", Severity.WARNING)
    assert codes(with_agent(reminder_trigger_ms=19999, end_call_after_silence_ms=20000)) == []
    assert codes(with_agent(reminder_trigger_ms=20000, end_call_after_silence_ms=20000, reminder_max_count=0)) == []


def test_silence_hang_up_after_the_maximum_call_length() -> None:
    found = one(check(with_agent(end_call_after_silence_ms=3600000, max_call_duration_ms=3600000)), "RBV522")
    assert (found.pointer, found.severity) == (f"{AGENT}/end_call_after_silence_ms", Severity.WARNING)
    assert codes(with_agent(end_call_after_silence_ms=3599999, max_call_duration_ms=3600000)) == []


# ---- the whole family ------------------------------------------------------------------------


def test_full_featured_fixture_stays_clean() -> None:
    assert agent5(json.loads(FULL.read_text(encoding="utf-8"))) == []


def test_positions_through_yaml_text() -> None:
    text = (
        "from_number: '+14157774444'\n"
        "tasks:\n"
        "  - to_number: '+12137774445'\n"
        "    override_agent_version: v3\n"
        "    agent_override:\n"
        "      agent:\n"
        "        volume: 2.5\n"
    )
    report = check_text(text, "yaml")
    version, volume = one(report, "RBV501"), one(report, "RBV504")
    assert (version.line, version.column) == (4, 29)
    assert (volume.line, volume.column) == (7, 17)


HOSTILE: list[Any] = [None, 1, "x", [], [None], {"a": None}, True]


@pytest.mark.parametrize("value", HOSTILE)
def test_rules_never_crash_on_odd_shapes(value: Any) -> None:
    fields = [
        "voice_id", "voice_model", "fallback_voice_ids", "voice_emotion", "language", "webhook_url", "post_call_analysis_data",
        "custom_stt_config", "user_dtmf_options", "response_engine", "stt_mode", "begin_message_delay_ms", "vocab_specialization",
        "timezone", "voicemail_option", "webhook_timeout_ms", "boosted_keywords", "webhook_events",
    ]  # fmt: skip
    payload = with_agent(**dict.fromkeys(fields, value))
    payload["tasks"][0]["agent_override"]["retell_llm"] = dict.fromkeys(["model", "s2s_model", "start_speaker", "begin_message"], value)
    payload["tasks"][0]["override_agent_version"] = value
    payload["tasks"].append({"to_number": "+12137774446", "agent_override": copy.deepcopy(value)})
    assert only(check(payload), "RBV000") == []
