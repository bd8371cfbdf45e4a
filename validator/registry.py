"""The rule registry: every module in :mod:`validator.rules` is one rule.

A rule module declares ``CODE``, ``NAME`` and ``SEVERITY`` and has a docstring
that is its documentation (first line: the summary). What runs depends on the
family:

* semantic rules define ``check(ctx) -> Iterable[Finding]``;
* schema rules define ``KEYWORDS`` and ``describe(error, ctx)``, turning the
  jsonschema errors for those keywords into findings;
* input rules are raised by the readers, which import their module for the code.

A semantic rule that words a problem better than the generic schema message
may declare ``SUPERSEDES = ("RBV107", ...)``: where it reports, findings of
those codes at the same pointer are dropped, so one problem gives one diagnostic.

Nothing else lists rules: adding a module adds a rule.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from validator.diagnostics import Finding, Severity

if TYPE_CHECKING:
    from validator.context import Context

FAMILIES = {
    "0": "input",
    "1": "schema",
    "2": "phone",
    "3": "time-window",
    "4": "scheduling",
    "5": "agent",
    "6": "tasks",
    "7": "calling-hours",
    "8": "csv",
}

CheckFn = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    module: str
    check: CheckFn | None = None
    keywords: tuple[str, ...] = ()
    describe: Callable[..., Any] | None = None
    supersedes: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[3:4], "other")

    @property
    def url_fragment(self) -> str:
        return f"{self.code.lower()}-{self.name}"


def _rule_from_module(module: ModuleType) -> Rule:
    doc = (module.__doc__ or "").strip()
    for attr in ("CODE", "NAME", "SEVERITY"):
        if not hasattr(module, attr):
            raise RuntimeError(f"rule module {module.__name__} lacks {attr}")
    if not doc:
        raise RuntimeError(f"rule module {module.__name__} has no docstring")
    return Rule(
        code=module.CODE,
        name=module.NAME,
        severity=module.SEVERITY,
        summary=doc.splitlines()[0].strip(),
        doc=doc,
        module=module.__name__,
        check=getattr(module, "check", None),
        keywords=tuple(getattr(module, "KEYWORDS", ())),
        describe=getattr(module, "describe", None),
        supersedes=tuple(getattr(module, "SUPERSEDES", ())),
    )


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code. Imported once per process."""
    import validator.rules as package

    rules = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        rules.append(_rule_from_module(importlib.import_module(f"{package.__name__}.{info.name}")))
    rules.sort(key=lambda r: r.code)
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                raise RuntimeError(f"rule {key} defined twice: {seen[key]} and {rule.module}")
            seen[key] = rule.module
    return tuple(rules)


@cache
def rules_by_code() -> dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}


def get_rule(code_or_name: str) -> Rule | None:
    wanted = code_or_name.strip()
    for rule in all_rules():
        if rule.code.lower() == wanted.lower() or rule.name == wanted:
            return rule
    return None


@cache
def schema_rule_for_keyword() -> dict[str, Rule]:
    table: dict[str, Rule] = {}
    for rule in all_rules():
        for keyword in rule.keywords:
            table[keyword] = rule
    return table


def semantic_rules() -> list[Rule]:
    return [rule for rule in all_rules() if rule.check is not None]
