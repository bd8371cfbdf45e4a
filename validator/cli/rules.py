"""``retell-validate rules`` and ``explain``: the rule registry as a list and as documentation."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from validator.cli.errors import echo_error
from validator.engine.registry import Rule, all_rules, get_rule
from validator.options import RULE_CODES
from validator.rules import BASE_PAYLOAD, DEFAULT_NOW, Example

EXIT_USAGE = 2


@click.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(output_format: str) -> None:
    """List every rule: code, name, default severity and summary."""
    rules = all_rules()
    if output_format == "json":
        rows = [{"code": r.code, "name": r.name, "severity": r.severity.value, "family": r.family, "summary": r.summary} for r in rules]
        click.echo(json.dumps(rows, indent=2))
        return
    for r in rules:
        click.echo(f"{r.code}  {r.name:<32} {r.severity.value:<8} {r.summary}")


@click.command()
@click.argument("code")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: the rule and its examples as complete documents, ready to check.",
)
def explain(code: str, output_format: str) -> None:
    """Print the documentation of a rule (by code or name)."""
    rule = get_rule(code)
    if rule is None:
        echo_error(f"unknown rule {code!r}{RULE_CODES.suggestion(code)} (see `retell-validate rules`)")
        sys.exit(EXIT_USAGE)
    if output_format == "json":
        click.echo(json.dumps(rule_json(rule), indent=2, ensure_ascii=False))
        return
    click.echo(f"{rule.code} {rule.name} (default severity: {rule.severity.value}, family: {rule.family})\n")
    click.echo(rule.doc)
    if any(example.members is not None for example in (rule.fails, rule.passes) if example is not None):
        click.echo(
            f"\nJSON members are added to the base payload {json.dumps(dict(BASE_PAYLOAD))}; examples are checked at"
            f" {DEFAULT_NOW} unless they say otherwise; `--format json` gives each as a complete document."
        )
    click.echo(f"\nDefined in: {rule.module}")


def rule_json(rule: Rule) -> dict[str, Any]:
    """What ``explain --format json`` prints: the rule, and its examples as documents to check (null when it has none)."""
    examples = {"fails": _example_json(rule.fails), "passes": _example_json(rule.passes)} if rule.fails and rule.passes else None
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "family": rule.family,
        "summary": rule.summary,
        "doc": rule.doc,
        "module": rule.module,
        "examples": examples,
    }


def _example_json(example: Example) -> dict[str, Any]:
    return {
        "text": example.document(),
        "format": example.format,
        "now": example.now,
        "encoding": example.encoding,
        "config": dict(example.config),
        "agents": dict(example.agents),  # pulled agent files, by name, for the folder config["agents"] names
        "dnc": [dnc_list.to_json() for dnc_list in example.dnc],  # do-not-call lists: write each source, run its command
        "note": example.note,
    }
