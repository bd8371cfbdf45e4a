"""RBV000 internal-error: a rule or the schema pass that raises becomes one finding naming it; the rest is still checked.

No payload triggers it (every rule must handle any JSON-shaped input), so the tests make a rule raise.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from tests.helpers import check, check_text, one, seed, summary
from validator.context import Context
from validator.diagnostics import Finding
from validator.engine import pipeline, registry

CODE = "RBV000"
# An unknown key (RBV111, the rule made to fail) and a missing required field (RBV101, the schema pass).
PAYLOAD = {"tasks": [{"to_number": "+12137774445", "to_numbr": "+1"}]}


def fail(ctx: Context) -> Iterator[Finding]:
    raise ValueError("boom")


@pytest.fixture
def failing_unknown_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """RBV111 unknown-key raises whenever it runs."""
    rules = [dataclasses.replace(r, check=fail) if r.code == "RBV111" else r for r in registry.semantic_rules()]
    monkeypatch.setattr(pipeline, "semantic_rules", lambda: rules)


@pytest.mark.usefixtures("failing_unknown_key")
def test_a_rule_that_raises_is_one_error_naming_it_and_the_rest_is_checked() -> None:
    report = check(PAYLOAD)
    d = one(report, CODE)
    assert (d.severity.value, d.pointer) == ("error", "")
    assert d.message == "rule RBV111 (unknown-key) failed: ValueError: boom"
    assert d.hint == "please report this with the payload"
    assert "RBV111" not in report.codes
    assert ("RBV101", "error", "") in summary(report)


@pytest.mark.usefixtures("failing_unknown_key")
def test_a_rule_that_raises_on_text_is_located_at_the_start() -> None:
    d = one(check_text('{"from_number": "+14157774444",\n "tasks": [{"to_number": "+12137774445"}]}', "json"), CODE)
    assert (d.line, d.column) == (1, 1)


def test_a_schema_pass_that_raises_is_one_error_and_the_rules_still_report(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> Iterator[object]:
        raise KeyError("properties")

    monkeypatch.setattr(pipeline, "schema_issues", broken)
    report = check(PAYLOAD)
    d = one(report, CODE)
    assert d.message == "the schema pass failed: KeyError: 'properties'"
    assert "RBV101" not in report.codes
    assert ("RBV111", "warning", "/tasks/0/to_numbr") in summary(report)


def test_near_miss_rules_that_do_not_raise_report_no_internal_error() -> None:
    report = check(PAYLOAD)
    assert CODE not in report.codes
    assert {"RBV101", "RBV111"} <= set(report.codes)
    assert CODE not in check(seed()).codes
