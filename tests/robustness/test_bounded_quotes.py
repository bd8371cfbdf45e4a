"""What a finding quotes from the input is bounded (json_values.quote / preview), so an alias
repeating a megabyte value a thousand times makes a thousand short messages, not gigabytes."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import FIXED_NOW
from validator import validate_text
from validator.engine.pipeline import MAX_MESSAGE
from validator.json_values import preview, quote
from validator.readers import yaml as yaml_reader


def test_quote_and_preview_cut_with_an_ellipsis() -> None:
    assert quote("k" * 70) == "k" * 59 + "…"
    assert quote("short") == "short"
    assert preview("x" * 1_000_000) == '"' + "x" * 58 + "…"
    assert preview({"a": "b" * 1_000_000}, 20) == '{"a": "bbbbbbbbbbbb…'


def test_an_aliased_megabyte_number_is_quoted_short_in_every_finding() -> None:
    long = "9" * 1_000_000
    text = "\n".join(["from_number: '+14157774444'", "tasks:", f"  - to_number: &n '{long}'", *["  - to_number: *n"] * 50]) + "\n"
    report = validate_text(text, "yaml", now=FIXED_NOW)
    duplicates = [d for d in report.diagnostics if d.code == "RBV204"]
    assert sorted(d.pointer for d in duplicates) == sorted(f"/tasks/{i}/to_number" for i in range(1, 51))
    assert duplicates[0].message.startswith("tasks[1] calls " + "9" * 59 + "… again: tasks[0] already calls it")
    assert max(len(d.message) + len(d.hint or "") for d in report.diagnostics) < 400


def test_an_unknown_key_of_a_megabyte_is_named_short() -> None:
    key = "z" * 1_000_000
    report = validate_text(f'{{"from_number": "+14157774444", "tasks": [], "{key}": 1}}', "json", now=FIXED_NOW)
    unknown = [d for d in report.diagnostics if d.code == "RBV111"]
    assert [d.message for d in unknown] == [f"unknown key `{'z' * 59}…`: the API ignores it"]
    assert all(len(d.message) <= MAX_MESSAGE for d in report.diagnostics)


def test_findings_in_an_aliased_mapping_index_its_keys_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    original = yaml_reader._key_token

    def counting(*args: Any) -> str | None:
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(yaml_reader, "_key_token", counting)
    variables = "\n".join(f"      v{i}: [1]" for i in range(100))
    tasks = "\n".join(f"  - to_number: '+1213777{i:04d}'\n    retell_llm_dynamic_variables: *d" for i in range(30))
    text = (
        f"from_number: '+14157774444'\ntasks:\n  - to_number: '+12137774445'\n    retell_llm_dynamic_variables: &d\n{variables}\n{tasks}\n"
    )
    report = validate_text(text, "yaml", now=FIXED_NOW, locate_first=None)
    wrong = [d for d in report.diagnostics if d.pointer.endswith("/retell_llm_dynamic_variables/v99")]
    assert [(d.pointer, d.line) for d in wrong] == [("/tasks/0/retell_llm_dynamic_variables/v99", 104)]  # worded where written
    referred = [(d.pointer, d.line, d.column) for d in report.diagnostics if d.pointer.endswith("/retell_llm_dynamic_variables")]
    assert referred == [(f"/tasks/{i}/retell_llm_dynamic_variables", 106 + 2 * (i - 1), 5) for i in range(1, 31)]  # at each *d
    assert len(calls) < 1_000  # scanning the keys per finding was 31 × 100 × 100
