"""The layout's own contracts, beyond the import contracts that lint-imports checks."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import ROOT
from validator.engine import registry
from validator.readers import codes
from validator.rules import Kind

PACKAGE = ROOT / "validator"


def test_every_reader_code_is_a_raised_rule_of_the_same_name() -> None:
    rules = registry.rules_by_code()
    constants = {name: value for name, value in vars(codes).items() if name.isupper()}
    assert constants
    for name, code in constants.items():
        rule = rules[code]
        assert rule.kind is Kind.RAISED, code
        assert rule.name.replace("-", "_").upper() == name


def test_rule_modules_are_named_after_their_rule_and_sit_in_their_family() -> None:
    for rule in registry.all_rules():
        family, module = rule.module.split(".")[-2:]
        assert module == rule.name.replace("-", "_")
        prefix = importlib.import_module(f"validator.rules.{family}").PREFIX
        assert rule.code.startswith(prefix)


def _module(source: str, name: str = "validator.rules.window.fake_rule") -> ModuleType:
    module = ModuleType(name)
    exec(compile(source, name, "exec"), module.__dict__)
    return module


FAMILY = _module('PREFIX = "RBV3"\nFAMILY = "time-window"\n', "validator.rules.window")
HEADER = '"""A fake rule."""\nfrom validator.diagnostics import Severity\nfrom validator.rules import Kind\nCODE = "RBV399"\nSEVERITY = Severity.INFO\n'


@pytest.mark.parametrize(
    ("source", "complaint"),
    [
        (HEADER + 'NAME = "fake-rule"\nKIND = Kind.DOCUMENT\n', "needs ['check']"),
        (HEADER + 'NAME = "fake-rule"\nKIND = Kind.RAISED\ndef check(ctx): return []\n', "defines ['check']"),
        (HEADER + 'NAME = "other-name"\nKIND = Kind.RAISED\n', "not named after its rule"),
        (HEADER.replace("RBV399", "RBV499") + 'NAME = "fake-rule"\nKIND = Kind.RAISED\n', "is in family time-window"),
        (HEADER + 'NAME = "fake-rule"\n', "lacks KIND"),
    ],
)
def test_registry_refuses_a_module_that_breaks_the_rule_contract(source: str, complaint: str) -> None:
    with pytest.raises(RuntimeError, match=complaint.replace("[", r"\[").replace("]", r"\]")):
        registry._rule_from_module(_module(source), FAMILY)


def test_a_well_formed_module_is_a_rule() -> None:
    examples = 'from validator.rules import Example\nFAILS = Example("[]")\nPASSES = Example("{}")\n'
    rule = registry._rule_from_module(_module(HEADER + 'NAME = "fake-rule"\nKIND = Kind.RAISED\n' + examples), FAMILY)
    assert (rule.code, rule.name, rule.family, rule.kind) == ("RBV399", "fake-rule", "time-window", Kind.RAISED)


# The deferred imports of our own, each of a module needing an optional extra: the server needs pygls ([lsp]),
# agent pull Retell's SDK ([retell]), the web page Starlette and uvicorn ([web]).
OPTIONAL_EXTRA = {"lsp/command.py": "validator.lsp.server", "cli/agent.py": "validator.agents.pull", "cli/serve.py": "validator.web.server"}


def test_no_import_hides_inside_a_function() -> None:
    """Imports inside functions are only for optional or slow third-party modules, never our own (no cycle dodging)."""
    hidden = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    module = inner.module if isinstance(inner, ast.ImportFrom) else None
                    if module and module.startswith("validator") and OPTIONAL_EXTRA.get(path.relative_to(PACKAGE).as_posix()) != module:
                        hidden.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert hidden == []


def _imports(path: Path) -> list[tuple[str, str | None]]:
    """``(module, name)`` for every ``import module`` and ``from module import name`` in a file."""
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.module, alias.name) for alias in node.names]
    return found


def test_no_module_imports_another_packages_private_module_or_name() -> None:
    """``validator.a._helper`` is the package ``validator.a``'s own: only modules inside ``validator.a`` import it or its ``_names``.

    A test module counts as inside the package its folder mirrors (``tests/rules/agent/`` tests ``validator.rules.agent``).
    """
    wrong = []
    for path in sorted([*PACKAGE.rglob("*.py"), *(ROOT / "tests").rglob("*.py"), *(ROOT / "bench").glob("*.py")]):
        where = path.relative_to(ROOT).with_suffix("").parts
        here = ".".join(("validator", *where[1:]) if where[0] == "tests" else where)
        for module, name in _imports(path):
            if not module.startswith("validator"):
                continue
            parts = module.split(".")
            private = next((i for i, part in enumerate(parts) if part.startswith("_")), None)
            if private is not None and not here.startswith(".".join(parts[:private]) + "."):
                wrong.append(f"{here}: import {module}")
            if name and name.startswith("_") and not name.startswith("__") and not here.startswith(module.rsplit(".", 1)[0] + "."):
                wrong.append(f"{here}: from {module} import {name}")
    assert wrong == []
