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
