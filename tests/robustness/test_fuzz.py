"""Property-based fuzzing (hypothesis), a few hundred examples per strategy, deterministic.

Invariants (tests/robustness/fuzz/invariants.py): no exception escapes, no RBV000, every diagnostic
has a code, a severity and a message, a pointer that exists in the parsed document and a
line inside the file; ``validate(dict)`` and ``validate_text(json.dumps(dict))`` agree.
The long run is ``python -m tests.robustness.fuzz.run`` (docs/robustness.md).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.fuzz import strategies as fuzz
from tests.robustness.fuzz.invariants import check_bytes, check_config, check_csv, check_payload, problems, resolves
from tests.robustness.fuzz.lsp import check_session, frame, sessions
from tests.robustness.fuzz.specs import SPEC_SEEDS, check_spec, spec_cases
from validator.diagnostics import Diagnostic, Report, Severity

EXAMPLES = settings(
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@EXAMPLES
@given(fuzz.payloads())
def test_spec_shaped_payloads(payload: dict[str, Any]) -> None:
    assert check_payload(payload) == []


@EXAMPLES
@given(fuzz.mutated_texts())
def test_spec_shaped_texts_cut_spliced_and_corrupted(case: tuple[str, bytes]) -> None:
    assert check_bytes(*case) == []


@EXAMPLES
@given(st.binary(max_size=96))
def test_random_bytes(data: bytes) -> None:
    assert check_bytes("json", data) == []
    assert check_bytes("yaml", data) == []


@EXAMPLES
@given(fuzz.csv_texts())
def test_csv_contact_lists(data: bytes) -> None:
    assert check_csv(data) == []


@EXAMPLES
@given(fuzz.yamlish)
def test_yaml_punctuation_soup(text: str) -> None:
    assert check_bytes("yaml", text.encode("utf-8")) == []


@EXAMPLES
@given(fuzz.json_values)
def test_any_json_value_as_payload(value: Any) -> None:
    assert check_payload(value) == []


def test_the_invariants_catch_what_they_claim() -> None:
    """The checker itself: a dangling pointer and an out-of-file line are reported."""
    assert resolves({"a": [1, {"b/c": 2}]}, "/a/1/b~1c")
    assert not resolves({"a": [1]}, "/a/1")
    assert not resolves({"a": [1]}, "/a/01x")
    bad = Report("f", (Diagnostic("RBV000", Severity.ERROR, "boom", "/missing", line=3, column=1),))
    assert [p.split(":")[0] for p in problems(bad, {"a": 1}, "{}\n")] == [
        "internal error",
        "pointer not in the document",
        "line outside the file (2 lines)",
    ]


@pytest.mark.parametrize("case", fuzz.SEEDS, ids=lambda case: f"{case[0]}:{case[1][:24]!r}")
def test_issue_19_seeds(case: tuple[str, bytes]) -> None:
    assert check_bytes(*case) == []


@EXAMPLES
@given(fuzz.config_files())
def test_configuration_files(case: tuple[str, bytes]) -> None:
    assert check_config(*case) == []


@EXAMPLES
@given(spec_cases())
def test_spec_documents(case: tuple[str, str, bool]) -> None:
    assert check_spec(*case) == []


@pytest.mark.parametrize("case", SPEC_SEEDS, ids=lambda case: case[0][-40:])
def test_spec_seeds(case: tuple[str, str, bool]) -> None:
    assert check_spec(*case) == []


@settings(max_examples=60, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
@given(sessions())
def test_language_server_sessions(messages: list[bytes]) -> None:
    assert check_session(messages) == []


def test_the_session_invariants_catch_an_unanswered_request(monkeypatch: pytest.MonkeyPatch) -> None:
    """A request answered nowhere (pygls's way with a negative position) is reported; with the answer, nothing is."""
    params: dict[str, Any] = {"processId": None, "rootUri": None, "capabilities": {}}
    initialize = frame({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": params})
    where = {"textDocument": {"uri": "file:///x.json"}, "position": {"line": -1, "character": 0}}
    hover = frame({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": where})
    assert check_session([initialize, hover]) == []
    monkeypatch.setattr("validator.lsp.transport.reply_error", lambda *args: None)
    assert check_session([initialize, hover]) == ["request 1 answered 0 times"]
