"""``retell-validate rules`` and ``explain``: the rule registry as a list and as documentation."""

from __future__ import annotations

import json
import sys

import click

from validator.engine.registry import all_rules, get_rule

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
def explain(code: str) -> None:
    """Print the documentation of a rule (by code or name)."""
    rule = get_rule(code)
    if rule is None:
        click.echo(f"error: unknown rule {code!r} (see `retell-validate rules`)", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"{rule.code} {rule.name} (default severity: {rule.severity.value}, family: {rule.family})\n")
    click.echo(rule.doc)
    click.echo(f"\nDefined in: {rule.module}")
