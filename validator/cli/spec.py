"""Spec commands: ``schema`` (JSON Schema for editors), ``spec info``, ``spec diff``, ``spec fetch``, and the ``--spec`` option."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from validator.cli.errors import echo_error
from validator.cli.options import click_option
from validator.cli.spec_coverage import render_markdown, render_text
from validator.config import ConfigError, ConfigFinder, configured_spec
from validator.engine.coverage import ledger
from validator.openapi.diff import diff_specs
from validator.openapi.export import DRAFTS, Draft, export_schema
from validator.openapi.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, DEFAULT_URL, FetchError, fetch_spec
from validator.openapi.load import Spec, SpecError
from validator.openapi.source import describe_spec
from validator.openapi.user import load_user_spec
from validator.options import SPEC

F = TypeVar("F", bound=Callable[..., Any])


def _load(path: str | None, param: str) -> Spec:
    try:
        return load_user_spec(path)
    except SpecError as exc:
        raise click.BadParameter(str(exc), param_hint=param) from None


def spec_option(command: F) -> F:
    """``--spec PATH``: the command receives ``spec``, the validated document at PATH, or ``None`` (see :func:`configured_spec`)."""
    return click_option(SPEC, callback=lambda _ctx, _param, value: None if value is None else _load(value, SPEC.flags[0]))(command)


def _spec_for_cwd(given: Spec | None) -> Spec:
    """``--spec``, else ``spec`` in the configuration nearest to the current directory, else the bundled one."""
    if given is not None:
        return given
    try:
        return configured_spec(ConfigFinder().for_path(Path.cwd()))
    except (ConfigError, SpecError) as exc:
        raise click.UsageError(str(exc)) from None


@click.command("schema")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of standard output.")
@click.option("--draft", type=click.Choice(sorted(DRAFTS)), default="07", show_default=True, help="JSON Schema draft to declare.")
@spec_option
def schema(output: Path | None, draft: Draft, spec: Spec | None) -> None:
    """Write a JSON Schema of the request body, for editor autocomplete and hover docs."""
    try:
        document = export_schema(_spec_for_cwd(spec), draft)
    except SpecError as exc:
        raise click.BadParameter(str(exc), param_hint="--draft") from None
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


@click.group("spec")
def spec_group() -> None:
    """Inspect the OpenAPI spec in use, compare it with a newer one, or fetch the newest from Retell's docs."""


@spec_group.command("info")
@spec_option
def info(spec: Spec | None) -> None:
    """Print the title, version, sha256, location and source of the spec `check` uses (--spec, the configuration's, or the bundled one)."""
    spec = _spec_for_cwd(spec)
    source = describe_spec(spec)
    click.echo(
        f"title:   {spec.title}\nversion: {spec.version}\nsha256:  {spec.sha256}\npath:    {spec.path}\nsource:  {source.describe()}"
    )


@spec_group.command("diff")
@click.argument("new", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--base",
    type=click.Path(exists=True, dir_okay=False),
    help="Compare with this spec instead of the bundled one (e.g. the file you commit).",
)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff(new: str, base: str | None, output_format: str) -> None:
    """List request-body fields and enum values added or removed in NEW compared with the bundled spec (or --base).

    Exit status 0 when nothing differs, 1 when something does (like diff(1)).
    """
    old, newer = _load(base, "--base" if base else "bundled spec"), _load(new, "NEW")
    changes = diff_specs(old, newer)
    if output_format == "json":
        click.echo(json.dumps({"old": _about(old), "new": _about(newer), "changes": [c.to_dict() for c in changes]}, indent=2))
    else:
        click.echo(f"--- {old.title} {old.version} ({base or 'bundled'}, sha256 {old.sha256[:12]})")
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


def _about(spec: Spec) -> dict[str, str | None]:
    about = describe_spec(spec).to_dict()
    return {
        "title": about["title"],
        "version": about["version"],
        "sha256": about["sha256"],
        "path": about["source"],
        "origin": about["origin"],
    }


@spec_group.command("fetch")
@click.option("--url", default=DEFAULT_URL, show_default=True, help="The docs page (Markdown) holding the OpenAPI document.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Write the spec to FILE.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds for the whole download.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    metavar="N",
    help="Refuse a page larger than N bytes.",
)
def fetch(url: str, output: Path, timeout: float, max_bytes: int) -> None:
    """Download Retell's create-batch-call docs page, check the OpenAPI document in it, and write it to FILE.

    Proxies come from the environment (https_proxy, no_proxy). Any failure is exit status 2
    and leaves FILE as it was. Then use it with `--spec FILE` or `spec = "FILE"` in the configuration.
    """
    try:
        fetched = fetch_spec(output, url, timeout=timeout, max_bytes=max_bytes)
    except FetchError as exc:
        echo_error(str(exc))
        sys.exit(2)
    spec = fetched.spec
    state = "written" if fetched.changed else "unchanged"
    click.echo(f"{output}: {state}: {spec.title} {spec.version}, sha256 {spec.sha256[:12]}, from {url}")
