"""``validator.retell`` with the real retell-sdk (sync and async) sending to a local server on 127.0.0.1.

A rejected payload sends nothing; an accepted one sends one request whose body is byte-identical to
what an unguarded client sends for the same call.
"""

from __future__ import annotations

import asyncio
import json
import logging
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from retell import AsyncRetell, Retell, not_given, omit

from tests.helpers import FIXED_NOW, ROOT
from tests.local_http import LocalServer, Reply, serve
from validator import Report, Settings, validate
from validator.config import ConfigError
from validator.diagnostics import Severity
from validator.openapi.load import bundled_spec_path
from validator.openapi.user import load_user_spec
from validator.retell import PayloadRejected, check_create_batch_call, guard

RESPONSE = json.dumps(
    {"batch_call_id": "batch_1", "name": "x", "from_number": "+14157774444", "scheduled_timestamp": 1, "total_task_count": 1}
).encode()
GOOD: dict[str, Any] = {
    "from_number": "+14157774444",
    "tasks": [
        {"to_number": "+12137774445", "retell_llm_dynamic_variables": {"customer_name": "Ada", "due": "2026-06-03"}},
        {"to_number": "+12137774446", "metadata": {"crm_id": 42}},
    ],
    "name": "June reminders",
    "call_time_window": {"windows": [{"start": 540, "end": 1020}], "day": ["Monday", "Tuesday"], "timezone": "America/Los_Angeles"},
}
BAD_PHONE = "/tasks/0/to_number"
PAST = 1735718400000  # 2025-01-01: before FIXED_NOW, a warning (RBV402)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve({"/create-batch-call": Reply(RESPONSE, status=201, content_type="application/json")}) as running:
        yield running


def sync_client(server: LocalServer) -> Retell:
    return Retell(api_key="test-key", base_url=server.url(""), max_retries=0)


def async_client(server: LocalServer) -> AsyncRetell:
    return AsyncRetell(api_key="test-key", base_url=server.url(""), max_retries=0)


def bad(**changes: Any) -> dict[str, Any]:
    tasks = [{**GOOD["tasks"][0], "to_number": "12137774445"}]
    return {**GOOD, "tasks": tasks, **changes}


def test_import_validator_does_not_import_the_sdk() -> None:
    code = "import sys, validator; print(sorted(m for m in sys.modules if m == 'retell' or m.startswith(('retell.', 'validator.retell'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_without_the_sdk_the_import_error_says_what_to_install() -> None:
    code = "import sys\nsys.modules['retell'] = None  # as if not installed\ntry:\n    import validator.retell\nexcept ImportError as exc:\n    print(exc)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.startswith("validator.retell needs retell-sdk>=6.0 (")
    assert out.stdout.rstrip().endswith("): pip install 'retell-batch-validator[retell]'")


def test_good_payload_sends_one_request_identical_to_the_unguarded_sdk(server: LocalServer) -> None:
    arguments = {**GOOD, "reserved_concurrency": omit, "trigger_timestamp": omit, "extra_body": {"name": "renamed"}}
    sync_client(server).batch_call.create_batch_call(**arguments)
    response = guard(sync_client(server), now=FIXED_NOW).batch_call.create_batch_call(**arguments)
    assert response.batch_call_id == "batch_1"
    unguarded, guarded = server.requests
    assert guarded.body == unguarded.body
    assert (guarded.method, guarded.path) == ("POST", "/create-batch-call")
    assert json.loads(guarded.body) == {**GOOD, "name": "renamed"}


def test_async_good_payload_sends_one_request_identical_to_the_unguarded_sdk(server: LocalServer) -> None:
    async def both() -> None:
        await async_client(server).batch_call.create_batch_call(**GOOD, extra_body={"reserved_concurrency": 2})
        response = await guard(async_client(server), now=FIXED_NOW).batch_call.create_batch_call(
            **GOOD, extra_body={"reserved_concurrency": 2}
        )
        assert response.batch_call_id == "batch_1"

    asyncio.run(both())
    unguarded, guarded = server.requests
    assert guarded.body == unguarded.body
    assert json.loads(guarded.body)["reserved_concurrency"] == 2


def test_rejected_payload_sends_nothing_and_carries_the_report(server: LocalServer) -> None:
    client = guard(sync_client(server), now=FIXED_NOW)
    with pytest.raises(PayloadRejected) as caught:
        client.batch_call.create_batch_call(**bad(trigger_timestamp=PAST))
    assert server.requests == []
    found = [(d.code, d.severity, d.pointer) for d in caught.value.report.diagnostics]
    assert found == [("RBV201", Severity.ERROR, BAD_PHONE), ("RBV402", Severity.WARNING, "/trigger_timestamp")]
    lines = str(caught.value).splitlines()
    assert lines[0] == "create_batch_call not sent: 1 error, 1 warning (failing at error or worse)"
    assert lines[1].startswith("<payload>: RBV201 [error] `to_number` must be in E.164 format") and lines[1].endswith(f"({BAD_PHONE})")
    assert lines[2] == '  hint: write "+12137774445"'
    assert lines[3].startswith("<payload>: RBV402 [warning] `trigger_timestamp` 1735718400000 (2025-01-01 08:00:00 UTC) is in the past")
    assert lines[3].endswith("(/trigger_timestamp)")


def test_payload_rejected_survives_pickling() -> None:
    error = PayloadRejected(check_create_batch_call(**bad(), now=FIXED_NOW), Severity.ERROR)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.report, copy.fail_on, str(copy)) == (error.report, Severity.ERROR, str(error))


def test_async_rejected_payload_sends_nothing(server: LocalServer) -> None:
    client = guard(async_client(server), now=FIXED_NOW)

    async def send() -> None:
        await client.batch_call.create_batch_call(**bad())

    with pytest.raises(PayloadRejected) as caught:
        asyncio.run(send())
    assert server.requests == []
    assert [(d.code, d.pointer) for d in caught.value.report.errors] == [("RBV201", BAD_PHONE)]


def test_the_async_method_stays_a_coroutine_function(server: LocalServer) -> None:
    client = guard(async_client(server))
    assert asyncio.iscoroutinefunction(client.batch_call.create_batch_call)
    assert client.batch_call.create_batch_call.__name__ == "create_batch_call"


def test_extra_body_is_merged_like_the_sdk_merges_it(server: LocalServer) -> None:
    """Top-level keys, extra_body wins, an Omit value removes the key: the check sees the body that would be sent."""
    client = guard(sync_client(server), now=FIXED_NOW)
    with pytest.raises(PayloadRejected) as caught:  # good arguments, bad tasks in extra_body
        client.batch_call.create_batch_call(**GOOD, extra_body={"tasks": bad()["tasks"]})
    assert [(d.code, d.pointer) for d in caught.value.report.errors] == [("RBV201", BAD_PHONE)]
    with pytest.raises(PayloadRejected) as caught:  # omit removes a required field
        client.batch_call.create_batch_call(**GOOD, extra_body={"from_number": omit})
    assert [(d.code, d.pointer) for d in caught.value.report.errors] == [("RBV101", "")]
    assert "from_number" in caught.value.report.errors[0].message
    assert server.requests == []
    client.batch_call.create_batch_call(**GOOD, extra_body={"name": omit})
    assert "name" not in json.loads(server.requests[0].body)


def test_sentinels_are_dropped(server: LocalServer) -> None:
    client = guard(sync_client(server), now=FIXED_NOW)
    client.batch_call.create_batch_call(**GOOD, reserved_concurrency=omit, trigger_timestamp=omit, timeout=not_given, max_retries=not_given)
    assert set(json.loads(server.requests[0].body)) == {"from_number", "tasks", "name", "call_time_window"}


def test_a_generator_of_tasks_is_read_once_and_sent(server: LocalServer) -> None:
    client = guard(sync_client(server), now=FIXED_NOW)
    tasks: Any = (dict(task) for task in GOOD["tasks"])
    client.batch_call.create_batch_call(from_number=GOOD["from_number"], tasks=tasks)
    assert json.loads(server.requests[0].body)["tasks"] == GOOD["tasks"]


def test_headers_query_and_timeout_pass_through(server: LocalServer) -> None:
    client = guard(sync_client(server), now=FIXED_NOW)
    client.batch_call.create_batch_call(**GOOD, extra_headers={"X-Trace": "abc"}, extra_query={"dry": "1"}, timeout=5.0)
    request = server.requests[0]
    assert (request.path, request.headers["X-Trace"]) == ("/create-batch-call?dry=1", "abc")
    assert request.headers["Authorization"] == "Bearer test-key"


def test_findings_below_the_threshold_are_logged_and_the_request_is_sent(server: LocalServer, caplog: pytest.LogCaptureFixture) -> None:
    client = guard(sync_client(server), now=FIXED_NOW)
    with caplog.at_level(logging.INFO, logger="validator.retell"):
        client.batch_call.create_batch_call(**GOOD, trigger_timestamp=PAST)
    assert len(server.requests) == 1
    [record] = caplog.records
    assert (record.name, record.levelno) == ("validator.retell", logging.WARNING)
    assert record.getMessage().startswith("create_batch_call: RBV402 [warning] `trigger_timestamp` 1735718400000")
    assert record.getMessage().endswith("(/trigger_timestamp)")


def test_on_warning_receives_the_report_instead_of_the_log(server: LocalServer, caplog: pytest.LogCaptureFixture) -> None:
    seen: list[Report] = []
    client = guard(sync_client(server), now=FIXED_NOW, on_warning=seen.append)
    with caplog.at_level(logging.INFO, logger="validator.retell"):
        client.batch_call.create_batch_call(**GOOD, trigger_timestamp=PAST)
        client.batch_call.create_batch_call(**GOOD)  # clean: no call
    assert [[(d.code, d.pointer) for d in report.diagnostics] for report in seen] == [[("RBV402", "/trigger_timestamp")]]
    assert caplog.records == []
    assert len(server.requests) == 2


def test_fail_on_warning_rejects_a_warning(server: LocalServer) -> None:
    client = guard(sync_client(server), now=FIXED_NOW, fail_on="warning")
    with pytest.raises(PayloadRejected) as caught:
        client.batch_call.create_batch_call(**GOOD, trigger_timestamp=PAST)
    assert caught.value.fail_on is Severity.WARNING
    assert "(failing at warning or worse)" in str(caught.value)
    assert server.requests == []


def test_now_decides_what_is_in_the_past(server: LocalServer) -> None:
    client = guard(sync_client(server), now=datetime(2024, 12, 1, tzinfo=UTC), fail_on=Severity.WARNING)
    client.batch_call.create_batch_call(**GOOD, trigger_timestamp=PAST)  # in the future then
    assert len(server.requests) == 1


def test_settings_choose_the_rules(server: LocalServer) -> None:
    client = guard(sync_client(server), settings=Settings(ignore=frozenset({"RBV201"})), now=FIXED_NOW)
    client.batch_call.create_batch_call(**bad())
    assert json.loads(server.requests[0].body)["tasks"][0]["to_number"] == "12137774445"


def test_a_configuration_file_sets_rules_threshold_and_spec(server: LocalServer, tmp_path: Path) -> None:
    newer = tmp_path / "retell.yaml"
    newer.write_text(
        bundled_spec_path()
        .read_text(encoding="utf-8")
        .replace("            - eleven_v3\n", "            - eleven_v3\n            - eleven_v4\n", 1),
        encoding="utf-8",
    )
    config = tmp_path / ".retell-validate.toml"
    config.write_text('fail-on = "warning"\nspec = "retell.yaml"\nnow = "2026-06-01T12:00:00Z"\n', encoding="utf-8")
    agent = {"voice_id": "11labs-Adrian", "voice_model": "eleven_v4"}
    task: Any = {"to_number": "+12137774445", "agent_override": {"agent": agent}}
    with pytest.raises(PayloadRejected) as caught:  # the bundled spec does not know eleven_v4
        guard(sync_client(server)).batch_call.create_batch_call(from_number="+14157774444", tasks=[task])
    assert [(d.code, d.pointer) for d in caught.value.report.errors] == [("RBV103", "/tasks/0/agent_override/agent/voice_model")]
    client = guard(sync_client(server), config=config)
    client.batch_call.create_batch_call(from_number="+14157774444", tasks=[task])
    assert len(server.requests) == 1
    with pytest.raises(PayloadRejected):  # fail-on = "warning" from the file
        client.batch_call.create_batch_call(from_number="+14157774444", tasks=[task], trigger_timestamp=PAST)
    assert guard(sync_client(server), config=config, fail_on="error").batch_call.create_batch_call(
        from_number="+14157774444", tasks=[task], trigger_timestamp=PAST
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose pyproject.toml configures retell-validate; the current directory is a folder inside it."""
    (tmp_path / ".git").mkdir()  # the walk up stops here, as the CLI's does
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "app"\n\n[tool.retell-validate]\nignore = ["RBV201"]\nfail-on = "warning"\nnow = "2024-12-01T00:00:00Z"\n',
        encoding="utf-8",
    )
    (tmp_path / "app" / "jobs").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "app" / "jobs")
    return tmp_path


def test_guard_reads_the_nearest_configuration_like_the_cli(server: LocalServer, project: Path) -> None:
    client = guard(sync_client(server))
    client.batch_call.create_batch_call(**bad())  # ignore = ["RBV201"]: the bad number is not checked
    assert json.loads(server.requests[0].body)["tasks"][0]["to_number"] == "12137774445"
    client.batch_call.create_batch_call(**GOOD, trigger_timestamp=PAST)  # now = 2024-12-01: PAST is still ahead
    soon = int(datetime(2024, 11, 1, tzinfo=UTC).timestamp() * 1000)
    with pytest.raises(PayloadRejected) as caught:  # in the past on the configured clock; fail-on = "warning"
        client.batch_call.create_batch_call(**GOOD, trigger_timestamp=soon)
    assert [(d.code, d.severity) for d in caught.value.report.diagnostics] == [("RBV402", Severity.WARNING)]
    assert caught.value.fail_on is Severity.WARNING
    assert len(server.requests) == 2
    assert check_create_batch_call(**bad()).diagnostics == ()


def test_settings_or_config_replace_the_discovered_configuration(server: LocalServer, project: Path) -> None:
    with pytest.raises(PayloadRejected):  # settings given: nothing is discovered, RBV201 runs
        guard(sync_client(server), settings=Settings(), now=FIXED_NOW).batch_call.create_batch_call(**bad())
    other = project / "strict.toml"
    other.write_text('select = ["RBV2"]\n', encoding="utf-8")
    with pytest.raises(PayloadRejected):  # config given: that file only
        guard(sync_client(server), config=other, now=FIXED_NOW).batch_call.create_batch_call(**bad())
    assert [d.code for d in check_create_batch_call(**bad(), config=other, now=FIXED_NOW).diagnostics] == ["RBV201"]
    assert server.requests == []


def test_a_broken_discovered_configuration_or_a_bad_argument_is_refused_at_guard_time(server: LocalServer, project: Path) -> None:
    (project / "app" / ".retell-validate.toml").write_text('ignore = ["RBV7O5"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"ignore: 'RBV7O5' is not a rule code, prefix or name; did you mean 'RBV705'\?"):
        guard(sync_client(server))
    with pytest.raises(ValueError, match=r"^fail_on='sometimes' is not a severity \(use 'error', 'warning' or 'info'\)$"):
        guard(sync_client(server), settings=Settings(), fail_on="sometimes")
    with pytest.raises(ValueError, match=r"^now='tomorrow' is not a moment"):
        check_create_batch_call(**GOOD, settings=Settings(), now="tomorrow")


def test_with_options_and_raw_responses_stay_guarded(server: LocalServer) -> None:
    client = guard(sync_client(server), now=FIXED_NOW)
    with pytest.raises(PayloadRejected):
        client.with_options(timeout=5).batch_call.create_batch_call(**bad())
    with pytest.raises(PayloadRejected):
        client.copy(max_retries=1).batch_call.create_batch_call(**bad())
    with pytest.raises(PayloadRejected):
        client.with_raw_response.batch_call.create_batch_call(**bad())
    assert server.requests == []
    raw = client.with_raw_response.batch_call.create_batch_call(**GOOD)
    assert json.loads(raw.http_request.content) == GOOD


def test_guarding_twice_replaces_the_policy(server: LocalServer) -> None:
    first: list[Report] = []
    second: list[Report] = []
    client = guard(guard(sync_client(server), now=FIXED_NOW, on_warning=first.append), now=FIXED_NOW, on_warning=second.append)
    client.batch_call.create_batch_call(**GOOD, trigger_timestamp=PAST)
    assert (len(first), len(second), len(server.requests)) == (0, 1, 1)


def test_guard_takes_only_retell_clients() -> None:
    with pytest.raises(TypeError, match=re.escape("guard() takes a retell.Retell or retell.AsyncRetell client, not dict")):
        guard({})  # type: ignore[type-var]


def test_check_create_batch_call_reports_without_a_client() -> None:
    report = check_create_batch_call(**bad(), reserved_concurrency=omit, extra_headers={"X": "1"}, now=FIXED_NOW)
    assert [(d.code, d.severity, d.pointer) for d in report.diagnostics] == [("RBV201", Severity.ERROR, BAD_PHONE)]
    assert check_create_batch_call(**GOOD, now=FIXED_NOW).diagnostics == ()


def test_values_are_checked_as_the_sdk_encodes_them() -> None:
    """A datetime goes out as ISO text (fine for a string variable); NaN cannot be sent at all."""
    when = datetime(2026, 6, 3, 9, 30, tzinfo=UTC)
    task: Any = {"to_number": "+12137774445", "retell_llm_dynamic_variables": {"due": when}}  # the SDK's types say str
    assert check_create_batch_call(from_number="+14157774444", tasks=[task], now=FIXED_NOW).diagnostics == ()
    task = {"to_number": "+12137774445", "retell_llm_dynamic_variables": {"score": float("nan")}}
    report = check_create_batch_call(from_number="+14157774444", tasks=[task], now=FIXED_NOW)
    pointer = "/tasks/0/retell_llm_dynamic_variables/score"
    assert [(d.code, d.pointer) for d in report.errors] == [("RBV003", pointer), ("RBV102", pointer)]


def test_typeddict_aliases_are_applied_before_the_check(tmp_path: Path) -> None:
    """The SDK renames ``additional_properties`` to ``additionalProperties`` in session-tool parameters.

    The bundled spec predates session tools: a spec that knows them (closed, as JSON Schema) shows
    the check sees the renamed key, as the API would.
    """
    document = yaml.safe_load(bundled_spec_path().read_text(encoding="utf-8"))
    parameters = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"type": {"type": "string"}, "additionalProperties": {"type": "boolean"}},
    }
    tools = {
        "type": "array",
        "items": {"type": "object", "properties": {"type": {"type": "string"}, "name": {"type": "string"}, "parameters": parameters}},
    }
    document["components"]["schemas"]["AgentRequest"]["properties"]["pre_session_tools"] = tools
    newer = tmp_path / "newer.yaml"
    newer.write_text(yaml.safe_dump(document), encoding="utf-8")
    tool = {"type": "custom", "name": "lookup", "parameters": {"type": "object", "additional_properties": False}}
    task: Any = {"to_number": "+12137774445", "agent_override": {"agent": {"voice_id": "11labs-Adrian", "pre_session_tools": [tool]}}}
    assert check_create_batch_call(from_number="+14157774444", tasks=[task], spec=newer, now=FIXED_NOW).diagnostics == ()
    untransformed = validate({"from_number": "+14157774444", "tasks": [task]}, spec=load_user_spec(newer), now=FIXED_NOW)
    assert [(d.code, d.pointer) for d in untransformed.diagnostics] == [
        ("RBV110", "/tasks/0/agent_override/agent/pre_session_tools/0/parameters/additional_properties")
    ]
