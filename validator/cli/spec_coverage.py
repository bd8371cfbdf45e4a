"""``retell-validate spec coverage`` and ``docs/spec-coverage.md``: which constraint of the spec each rule checks.

Run ``python -m validator.cli.spec_coverage > docs/spec-coverage.md`` after adding
a rule or changing ``knowledge/data/spec_coverage.yaml``; a test fails while the
file is out of date. The ledger itself is :func:`validator.engine.coverage.ledger`.
"""

from __future__ import annotations

import sys

from validator.engine.coverage import Row, ledger, stale_declarations
from validator.engine.registry import rules_by_code
from validator.openapi.load import Spec, load_spec

COMMAND = "python -m validator.cli.spec_coverage > docs/spec-coverage.md"


def summary(rows: list[Row]) -> str:
    checked = sum(1 for row in rows if row.rules)
    explained = sum(1 for row in rows if not row.rules and row.reason is not None)
    unchecked = sum(1 for row in rows if row.unchecked)
    return f"{len(rows)} sentences: {checked} checked by rules, {explained} not checkable offline (reason given), {unchecked} unchecked"


def render_text(spec: Spec, *, every: bool) -> tuple[str, int]:
    """The ledger as text (only the unchecked sentences unless ``every``), and how many are unchecked."""
    rows = ledger(spec)
    lines = []
    for row in rows:
        if not (every or row.unchecked):
            continue
        verdict = ", ".join(row.rules) if row.rules else f"not checked: {row.reason}" if row.reason else "UNCHECKED"
        lines.append(f'{row.sentence.field or "(request body)"}: "{row.sentence.text}"\n  {verdict}')
    lines += [f"stale: {entry} (matches no sentence of this spec)" for entry in stale_declarations(spec)]
    lines.append(summary(rows))
    return "\n".join(lines) + "\n", sum(1 for row in rows if row.unchecked)


def render_markdown(spec: Spec | None = None) -> str:
    """``docs/spec-coverage.md`` for the bundled spec."""
    spec = spec or load_spec()
    rows = ledger(spec)
    rules = rules_by_code()
    lines = [
        "# Spec coverage",
        "",
        f"<!-- Generated from the bundled spec and the rules by `{COMMAND}`; do not edit by hand. -->",
        "",
        f"Every sentence of the descriptions of `{spec.title}` {spec.version} that states a constraint",
        '("must", "only", "minimum", "maximum", "range", "not both", "ignored", "required" …), with the',
        "rules that check it, or the reason no rule can check it offline. Rules declare what they check",
        "(`SPEC_SENTENCES`, `SPEC_PROSE` in their modules); the reasons are in",
        "`validator/knowledge/data/spec_coverage.yaml`. `retell-validate spec coverage FILE` lists the",
        "sentences of a newer spec that neither covers, and exits with 1 when there are any.",
        "",
        summary(rows) + ".",
        "",
        "| field | sentence | checked by |",
        "| --- | --- | --- |",
    ]
    for row in rows:
        if row.rules:
            verdict = ", ".join(f"[{code}](rules.md#{rules[code].url_fragment})" for code in row.rules)
        else:
            verdict = f"not checked: {row.reason}" if row.reason else "**unchecked**"
        cells = [f"`{row.sentence.field or '(request body)'}`", row.sentence.text, verdict]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - exercised through tests/openapi/test_coverage.py
    sys.stdout.write(render_markdown())
