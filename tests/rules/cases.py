"""Data-driven rule tests: an input and exactly what one rule must report for it.

Each module ``tests/rules/<family>/test_<rule_module>.py`` declares ``CODE`` and
``CASES`` (at least one input the rule flags and one near miss it must leave
alone) and binds ``test_cases = cases_test(CODE, CASES)``; tests that need more
than a comparison (fixes, message wording, files) sit beside it in the same module.
``tests/rules/test_layout.py`` fails while a rule has no such module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.helpers import FIXED_NOW
from validator import Report, Settings, validate, validate_text
from validator.engine.registry import rules_by_code


@dataclass(frozen=True)
class At:
    """One expected finding: its pointer, and its severity (the rule's default when omitted) and line when told."""

    pointer: str
    severity: str | None = None
    line: int | None = None
    says: str | None = None  # a fragment the message must contain


@dataclass(frozen=True)
class Case:
    """An input and the findings of the rule under test it must produce, in report order (none: a near miss)."""

    id: str
    payload: Any  # a dict is checked with validate(); str or bytes with validate_text(format)
    expect: tuple[At, ...] = ()
    format: str | None = None
    now: str = FIXED_NOW
    settings: Settings | None = field(default=None, compare=False)

    def run(self) -> Report:
        if isinstance(self.payload, str | bytes):
            file = "payload." + (self.format or "txt")
            return validate_text(self.payload, self.format, file=file, now=self.now, settings=self.settings)  # type: ignore[arg-type]
        return validate(self.payload, now=self.now, settings=self.settings)


def flags(id: str, payload: Any, *expect: At | str, **options: Any) -> Case:
    """A case the rule must flag: each expectation an :class:`At` or just a pointer."""
    assert expect, "a flagged case names at least one finding"
    return Case(id, payload, tuple(e if isinstance(e, At) else At(e) for e in expect), **options)


def passes(id: str, payload: Any, **options: Any) -> Case:
    """A near miss: the rule must report nothing for it."""
    return Case(id, payload, (), **options)


def check_case(code: str, case: Case) -> None:
    """The rule's findings for the case are exactly the expected ones (pointer, severity, line, wording)."""
    default = rules_by_code()[code].severity.value
    report = case.run()
    assert not [d for d in report.diagnostics if d.code == "RBV000"], f"a rule raised: {report.diagnostics}"
    found = [d for d in report.diagnostics if d.code == code]
    got = [(d.pointer, d.severity.value, d.line if e.line is not None else None) for d, e in zip(found, case.expect, strict=False)]
    want = [(e.pointer, e.severity or default, e.line) for e in case.expect]
    assert (len(found), got) == (len(case.expect), want), [(d.pointer, d.severity.value, d.line, d.message) for d in found]
    for d, e in zip(found, case.expect, strict=True):
        assert e.says is None or e.says in d.message, (e.says, d.message)


def cases_test(code: str, cases: Sequence[Case]) -> Callable[[Case], None]:
    """``test_cases`` for a rule module: one parametrized test per case."""
    assert any(c.expect for c in cases) and any(not c.expect for c in cases), f"{code}: a flagged case and a near miss"

    @pytest.mark.parametrize("case", cases, ids=[c.id for c in cases])
    def test_cases(case: Case) -> None:
        check_case(code, case)

    return test_cases
