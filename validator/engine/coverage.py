"""The spec coverage ledger: each sentence of the spec that states a constraint, with the rules checking it or why none can.

A sentence is checked by a rule when the rule declares it (``SPEC_SENTENCES``: a
field path and a fragment of the sentence) or when it reads that kind of
constraint from the prose (``SPEC_PROSE``, e.g. every "Only applicable when …"
sentence :mod:`validator.openapi.prose` turns into a prerequisite). Sentences no
rule can check offline are listed, with the reason, in
``validator/knowledge/data/spec_coverage.yaml``. A sentence with neither is
*unchecked*: a newer spec's new constraints show up as such
(``retell-validate spec coverage FILE``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from validator.engine.registry import Rule, all_rules
from validator.knowledge.tables import load_table
from validator.openapi.coverage import Sentence, all_sentences, prose_sentences, states_constraint
from validator.openapi.load import Spec


@dataclass(frozen=True)
class Row:
    """One sentence of the ledger: the rules that check it, or the reason none does (both empty: unchecked)."""

    sentence: Sentence
    rules: tuple[str, ...] = ()
    reason: str | None = None

    @property
    def unchecked(self) -> bool:
        return not self.rules and self.reason is None


@dataclass(frozen=True)
class Reason:
    field: str | None  # None: any field
    fragment: str
    reason: str


def reasons() -> tuple[Reason, ...]:
    """The sentences no rule can check, from ``knowledge/data/spec_coverage.yaml``."""
    table: list[dict[str, Any]] = load_table("spec_coverage")
    return tuple(Reason(entry.get("field"), _norm(entry["sentence"]), entry["reason"]) for entry in table)


def ledger(spec: Spec, rules: Iterable[Rule] | None = None) -> list[Row]:
    """Every constraint sentence of ``spec``, and every sentence a rule declares, in schema order."""
    rules = list(all_rules() if rules is None else rules)
    prose = prose_sentences(spec)
    known = reasons()
    rows = []
    for sentence in all_sentences(spec):
        checking = tuple(rule.code for rule in rules if _checks(rule, sentence, prose))
        reason = None if checking else next((r.reason for r in known if _matches(r.field, r.fragment, sentence)), None)
        if checking or reason is not None or states_constraint(sentence):
            rows.append(Row(sentence, checking, reason))
    return rows


def stale_declarations(spec: Spec, rules: Iterable[Rule] | None = None) -> list[str]:
    """Declarations that match no sentence of ``spec`` (a rule or reason pointing at wording that is gone)."""
    rules = list(all_rules() if rules is None else rules)
    sentences = all_sentences(spec)
    stale = [
        f"{rule.code}: {field}: {fragment}"
        for rule in rules
        for field, fragment in rule.spec_sentences
        if not any(_matches(field, _norm(fragment), s) for s in sentences)
    ]
    stale += [f"reason: {r.field or '*'}: {r.fragment}" for r in reasons() if not any(_matches(r.field, r.fragment, s) for s in sentences)]
    prose = prose_sentences(spec)
    stale += [
        f"{rule.code}: SPEC_PROSE {kind!r} is not a kind of prose constraint"
        for rule in rules
        for kind in rule.spec_prose
        if kind not in prose
    ]
    return stale


def _checks(rule: Rule, sentence: Sentence, prose: dict[str, list[tuple[str, str]]]) -> bool:
    if any(_matches(field, _norm(fragment), sentence) for field, fragment in rule.spec_sentences):
        return True
    return any(field == sentence.field and sentence.text in text for kind in rule.spec_prose for field, text in prose.get(kind, ()))


def _matches(field: str | None, fragment: str, sentence: Sentence) -> bool:
    return (field is None or field == sentence.field) and fragment in sentence.text


def _norm(text: str) -> str:
    return " ".join(text.split())
