"""``docs/rules.md``: every rule's documentation, generated from the registry.

Run ``python -m validator.cli.rulesdoc > docs/rules.md`` after adding or changing a
rule; a test fails while the file is out of date. The output depends only on
the rule modules, so it is the same on every machine.

Docstrings are written in reStructuredText habits (````code````, ``Fails::``
followed by an indented block, as the registry renders a rule's examples); they
are turned into Markdown here.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator

from validator.engine.registry import Rule, all_rules
from validator.rules import BASE_PAYLOAD, DEFAULT_NOW

COMMAND = "python -m validator.cli.rulesdoc > docs/rules.md"
_LITERAL = re.compile(r"``([^`]+)``")


def render(rules: Iterable[Rule] | None = None) -> str:
    """The whole Markdown document."""
    rules = list(all_rules() if rules is None else rules)
    lines = [
        "# Rules",
        "",
        f"<!-- Generated from the rule modules by `{COMMAND}`; do not edit by hand. -->",
        "",
        "Every rule has a stable code, a name, a default severity and a family (by hundreds).",
        "Select or ignore them by code or prefix (`--select RBV3`, `--ignore RBV203`);",
        "`retell-validate explain CODE` prints one section.",
        "",
        "Each section ends with a payload the rule flags (Fails) and a near miss it passes (Passes),",
        "both run by the tests (a rule that no payload reaches says why). JSON members are added to the base payload",
        f"`{json.dumps(dict(BASE_PAYLOAD))}` (their top-level keys replace the base's);",
        f"examples are checked at {DEFAULT_NOW} unless they say otherwise.",
        "`retell-validate explain CODE --format json` gives each example as a complete document.",
        "",
        "**The default gate** (`--fail-on error`) fails on errors only: a payload the API rejects, or one it",
        "accepts and runs differently from what it says (a key it does not read where it is written, RBV112;",
        "a value YAML changed, RBV008/RBV017/RBV018). Warnings are likely mistakes the API runs as written",
        "(`--fail-on warning` gates on them); infos are notes. See [ci.md](ci.md#what-fails-the-gate).",
        f"This version has {_counts(rules)}.",
        "",
        "| code | name | severity | family | summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in rules:
        summary = _inline(rule.summary).replace("|", "\\|")
        lines.append(f"| [{rule.code}](#{rule.url_fragment}) | {rule.name} | {rule.severity.value} | {rule.family} | {summary} |")
    for rule in rules:
        lines += ["", f"## {rule.code} {rule.name}", ""]
        lines += [f"- Severity: **{rule.severity.value}**", f"- Family: {rule.family}", f"- Module: `{rule.module}`"]
        if rule.supersedes:
            lines.append(f"- Supersedes at the same pointer: {', '.join(rule.supersedes)}")
        lines += ["", _inline(rule.summary), *_body(rule.doc)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip("\n") + "\n"


def _counts(rules: list[Rule]) -> str:
    """``69 error rules, 40 warning rules and 11 info rules``: the rules by default severity."""
    by = {severity: sum(1 for r in rules if r.severity.value == severity) for severity in ("error", "warning", "info")}
    return f"{by['error']} error rules, {by['warning']} warning rules and {by['info']} info rules"


def _body(doc: str) -> Iterator[str]:
    """The docstring after its summary line; a ``Label::`` line and the indented block after it become fenced code."""
    lines = doc.splitlines()[1:]
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        i += 1
        if not line.endswith("::"):
            yield _inline(line)
            continue
        yield _inline(line[:-1])
        block: list[str] = []
        while i < len(lines) and (not lines[i].strip() or lines[i][0].isspace()):
            block.append(lines[i].rstrip())
            i += 1
        code = block
        while code and not code[0]:
            code.pop(0)
        while code and not code[-1]:
            code.pop()
        indent = min((len(c) - len(c.lstrip()) for c in code if c), default=0)
        yield from ["", "```", *(c[indent:] for c in code), "```", ""]


def _inline(text: str) -> str:
    return _LITERAL.sub(r"`\1`", text)


def main() -> None:
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
