"""Spec commands: ``schema`` (JSON Schema for editors), ``spec info``, ``spec diff``, and the ``--spec`` option."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from validator.cli.spec_coverage import render_markdown, render_text
from validator.engine.coverage import ledger
from validator.spec.diff import diff_specs
from validator.spec.export import DRAFTS, Draft, export_schema
from validator.spec.load import Spec, SpecError, bundled_spec_path
from validator.spec.user import load_user_spec

F = TypeVar("F", bound=Callable[..., Any])


def _load(path: str | None, param: str) -> Spec:
    try:
        return load_user_spec(path)
    except SpecError as exc:
        raise click.BadParameter(str(exc), param_hint=param) from None


def spec_option(command: F) -> F:
    """``--spec PATH``: the command receives ``spec``, the bundled spec or the validated document at PATH."""
    return click.option(
        "--spec",
        "spec",
        metavar="PATH",
        callback=lambda _ctx, _param, value: _load(value, "--spec"),
        help="Check against this OpenAPI document (e.g. a newer Retell spec) instead of the bundled one.",
    )(command)


@click.command("schema")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of standard output.")
@click.option("--draft", type=click.Choice(sorted(DRAFTS)), default="07", show_default=True, help="JSON Schema draft to declare.")
@spec_option
def schema(output: Path | None, draft: Draft, spec: Spec) -> None:
    """Write a JSON Schema of the request body, for editor autocomplete and hover docs."""
    try:
        document = export_schema(spec, draft)
    except SpecError as exc:
        raise click.BadParameter(str(exc), param_hint="--draft") from None
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


@click.group("spec")
def spec_group() -> None:
    """Inspect the bundled OpenAPI spec, or compare it with a newer one."""


@spec_group.command("info")
@spec_option
def info(spec: Spec) -> None:
    """Print the spec's title, version, sha256 and location."""
    click.echo(f"title:   {spec.title}\nversion: {spec.version}\nsha256:  {spec.sha256}\npath:    {spec.path}")


@spec_group.command("diff")
@click.argument("new", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff(new: str, output_format: str) -> None:
    """List request-body fields and enum values added or removed in NEW compared with the bundled spec.

    Exit status 0 when nothing differs, 1 when something does (like diff(1)).
    """
    old, newer = _load(None, "bundled spec"), _load(new, "NEW")
    changes = diff_specs(old, newer)
    if output_format == "json":
        click.echo(json.dumps({"old": _about(old), "new": _about(newer), "changes": [c.to_dict() for c in changes]}, indent=2))
    else:
        click.echo(f"--- {old.title} {old.version} (bundled, sha256 {old.sha256[:12]})")
        click.echo(f"+++ {newer.title} {newer.version} ({new}, sha256 {newer.sha256[:12]})")
        for change in changes:
            click.echo(str(change))
        click.echo(f"{len(changes)} change(s) in request-body fields and enum values")
    sys.exit(1 if changes else 0)


@spec_group.command("coverage")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--all", "every", is_flag=True, help="List every constraint sentence, not only the unchecked ones.")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def coverage(file: str | None, every: bool, output_format: str) -> None:
    """List the sentences of FILE's descriptions (the bundled spec by default) that state a constraint no rule checks.

    Each such sentence ("must", "only", "minimum", "not both", "ignored" …) is either
    checked by a rule, or listed with the reason it cannot be checked offline; the
    others are UNCHECKED. Exit status 0 when none is unchecked, 1 when some are (a
    newer spec states something new), 2 when FILE cannot be read.
    """
    spec = _load(file, "FILE")
    if output_format == "markdown":
        click.echo(render_markdown(spec), nl=False)
        unchecked = sum(1 for row in ledger(spec) if row.unchecked)
    else:
        text, unchecked = render_text(spec, every=every)
        click.echo(text, nl=False)
    sys.exit(1 if unchecked else 0)


def _about(spec: Spec) -> dict[str, str]:
    path = "bundled" if spec.path == bundled_spec_path() else str(spec.path)
    return {"title": spec.title, "version": spec.version, "sha256": spec.sha256, "path": path}
