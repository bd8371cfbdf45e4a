"""The installed SDK's request types, read from source without importing the SDK."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from validator.knowledge import sdk


def test_the_installed_sdk_declares_the_request_as_the_spec_shapes_it() -> None:
    fields = sdk.sdk_fields()
    assert fields is not None
    assert {"from_number", "tasks", "call_time_window", "name", "trigger_timestamp", "reserved_concurrency"} <= fields.fields[""]
    assert {"to_number", "override_agent_id", "agent_override", "retell_llm_dynamic_variables"} <= fields.fields["/tasks/*"]
    assert {"start", "end"} == fields.fields["/call_time_window/windows/*"]
    assert fields.declares("/tasks/*/agent_override/agent/response_engine", "llm_websocket_url")  # a Union of TypedDicts
    assert fields.declares("/tasks/*/agent_override/agent/pronunciation_dictionary/*", "phoneme")  # an Iterable of one
    assert not fields.declares("/tasks/*", "agent_id")


def test_aliases_are_the_names_on_the_wire() -> None:
    fields = sdk.sdk_fields()
    assert fields is not None
    places = [place for place, keys in fields.fields.items() if "additionalProperties" in keys]
    assert places and not any("additional_properties" in keys for keys in fields.fields.values())


def test_reading_it_imports_nothing_of_the_sdk() -> None:
    code = "import sys; from validator.knowledge.sdk import sdk_fields; assert sdk_fields(); print(any(m == 'retell' or m.startswith('retell.') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_a_module_that_cannot_be_read_declares_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "retell"
    (package / "types").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "types" / "batch_call_create_batch_call_params.py").write_text("class BatchCallCreateBatchCallParams(:\n")
    found = importlib.machinery.ModuleSpec("retell", None, is_package=True)
    found.submodule_search_locations = [str(package)]
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: found)
    sdk.sdk_fields.cache_clear()
    try:
        assert sdk.sdk_fields() is None
    finally:
        sdk.sdk_fields.cache_clear()
