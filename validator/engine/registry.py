"""The rule registry: every module under :mod:`validator.rules` is one rule.

Rules live in family packages (``rules/<family>/``); each module declares
``CODE``, ``NAME``, ``SEVERITY`` and ``KIND`` (:class:`validator.rules.Kind`);
its docstring is its documentation, and ``FAILS`` and ``PASSES``
(:class:`validator.rules.Example`) are a payload it flags and one it passes,
appended to that documentation and run by the tests. A rule that no payload
reaches (RBV000, the checker's own failure) declares ``NO_EXAMPLES``, the reason,
instead. What a kind needs:

* ``Kind.DOCUMENT``: ``check(ctx) -> Iterable[Finding]``;
* ``Kind.SCHEMA``: ``KEYWORDS`` and ``describe(error, explain)`` (:data:`validator.rules.Describe`), turning the
  jsonschema errors for those keywords into findings;
* ``Kind.RAISED``: nothing more; a reader or the pipeline raises the code.

A rule that words a problem better than the generic schema message may declare
``SUPERSEDES = ("RBV107", ...)``: where it reports, findings of those codes at
the same pointer are dropped, so one problem gives one diagnostic.

What a rule enforces of the spec's prose is declared beside it, for the
coverage ledger (:mod:`validator.engine.coverage`): ``SPEC_SENTENCES`` lists
``(field path, sentence fragment)`` pairs (``"tasks.*.agent_override.agent.timezone"``,
``"IANA timezone"``), and ``SPEC_PROSE`` names the kinds of constraints read by
:mod:`validator.openapi.prose` that the rule checks (``("prerequisites",)``).

Nothing else lists rules: adding a module adds a rule.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

import validator.rules
from validator.diagnostics import Finding, RuleInfo
from validator.options import RULE_CODES
from validator.rules import Describe, Example, Kind

if TYPE_CHECKING:
    from validator.context import Context

CheckFn = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule(RuleInfo):
    """A rule as the engine runs it: its documentation (:class:`RuleInfo`) and what its kind needs."""

    module: str = ""
    kind: Kind = Kind.RAISED
    check: CheckFn | None = None
    keywords: tuple[str, ...] = ()
    describe: Describe | None = None
    supersedes: tuple[str, ...] = ()
    spec_sentences: tuple[tuple[str, str], ...] = ()
    spec_prose: tuple[str, ...] = ()
    fails: Example | None = None
    passes: Example | None = None


def _rule_from_module(module: ModuleType, family: ModuleType) -> Rule:
    doc = (module.__doc__ or "").strip()
    for attr in ("CODE", "NAME", "SEVERITY", "KIND"):
        if not hasattr(module, attr):
            raise RuntimeError(f"rule module {module.__name__} lacks {attr}")
    if not doc:
        raise RuntimeError(f"rule module {module.__name__} has no docstring")
    if module.__name__.rsplit(".", 1)[1] != module.NAME.replace("-", "_"):
        raise RuntimeError(f"rule module {module.__name__} is not named after its rule {module.NAME}")
    if not module.CODE.startswith(family.PREFIX):
        raise RuntimeError(f"rule {module.CODE} is in family {family.FAMILY} ({family.PREFIX}xx)")
    needs = {Kind.DOCUMENT: ("check",), Kind.SCHEMA: ("KEYWORDS", "describe"), Kind.RAISED: ()}[module.KIND]
    runs = [attr for attr in ("check", "KEYWORDS", "describe") if hasattr(module, attr)]
    if sorted(needs) != sorted(runs):
        raise RuntimeError(f"rule module {module.__name__} of kind {module.KIND} defines {runs}, needs {list(needs)}")
    fails, passes = _examples(module)
    if fails is not None and passes is not None:
        doc = f"{doc}\n\n{fails.rst('Fails')}\n\n{passes.rst('Passes')}"
    else:
        doc = f"{doc}\n\nExamples: none. {module.NO_EXAMPLES}"
    return Rule(
        code=module.CODE,
        name=module.NAME,
        severity=module.SEVERITY,
        summary=doc.splitlines()[0].strip(),
        doc=doc,
        module=module.__name__,
        family=family.FAMILY,
        kind=module.KIND,
        check=getattr(module, "check", None),
        keywords=tuple(getattr(module, "KEYWORDS", ())),
        describe=getattr(module, "describe", None),
        supersedes=tuple(getattr(module, "SUPERSEDES", ())),
        spec_sentences=tuple(getattr(module, "SPEC_SENTENCES", ())),
        spec_prose=tuple(getattr(module, "SPEC_PROSE", ())),
        fails=fails,
        passes=passes,
    )


def _examples(module: ModuleType) -> tuple[Example | None, Example | None]:
    """``FAILS`` and ``PASSES``, both :class:`Example`; or neither, and ``NO_EXAMPLES`` saying why no payload reaches the rule."""
    fails, passes = getattr(module, "FAILS", None), getattr(module, "PASSES", None)
    if hasattr(module, "NO_EXAMPLES"):
        if fails is not None or passes is not None:
            raise RuntimeError(f"rule module {module.__name__} declares NO_EXAMPLES and examples")
        return None, None
    for name, value in (("FAILS", fails), ("PASSES", passes)):
        if not isinstance(value, Example):
            raise RuntimeError(
                f"rule module {module.__name__} lacks {name} = Example(...): a payload the rule flags and a near miss it passes"
            )
    return fails, passes


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code. Imported once per process."""
    rules = []
    for family_info in pkgutil.iter_modules(validator.rules.__path__):
        family = importlib.import_module(f"{validator.rules.__name__}.{family_info.name}")
        for info in pkgutil.iter_modules(family.__path__):
            if not info.name.startswith("_"):  # helpers beside the rules
                rules.append(_rule_from_module(importlib.import_module(f"{family.__name__}.{info.name}"), family))
    rules.sort(key=lambda r: r.code)
    seen: dict[str, str] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in seen:
                raise RuntimeError(f"rule {key} defined twice: {seen[key]} and {rule.module}")
            seen[key] = rule.module
    return tuple(rules)


RULE_CODES.provide(lambda: ((rule.code, rule.name) for rule in all_rules()))  # what settings may select, ignore and override


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
    return [rule for rule in all_rules() if rule.kind is Kind.DOCUMENT]
