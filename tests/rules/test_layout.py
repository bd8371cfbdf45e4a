"""The rule tests mirror the rules: ``tests/rules/<family>/test_<rule_module>.py`` for every rule."""

from __future__ import annotations

import importlib

import pytest

from tests.helpers import ROOT
from validator.engine.registry import all_rules

RULES = {rule.code: rule for rule in all_rules()}


def _test_module(code: str) -> str:
    family, name = RULES[code].module.split(".")[-2:]
    return f"tests.rules.{family}.test_{name}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_a_test_module_with_a_flagged_case_and_a_near_miss(code: str) -> None:
    path = ROOT / (_test_module(code).replace(".", "/") + ".py")
    assert path.is_file(), f"{code} {RULES[code].name}: no {path.relative_to(ROOT)}"
    module = importlib.import_module(_test_module(code))
    if code == "RBV000":  # the internal-error rule is tested by making a rule raise, not by a payload
        return
    assert getattr(module, "CODE", None) == code
    cases = module.CASES
    assert any(c.expect for c in cases) and any(not c.expect for c in cases)


def test_no_test_module_outlives_its_rule() -> None:
    wanted = {_test_module(code) for code in RULES}
    found = {".".join(path.relative_to(ROOT).with_suffix("").parts) for path in (ROOT / "tests" / "rules").glob("*/test_*.py")}
    assert found <= wanted, sorted(found - wanted)
