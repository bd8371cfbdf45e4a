"""docs/spec.md: the CI job parses, and every ``retell-validate`` command in it names real subcommands and options."""

from __future__ import annotations

import re
import shlex
from typing import Any

import click
import pytest
import yaml

from tests.helpers import ROOT
from validator.cli.main import main

SPEC_DOC = ROOT / "docs" / "spec.md"


def workflow() -> Any:
    [block] = re.findall(r"```yaml\n(.*?)```", SPEC_DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    return yaml.safe_load(block)


def documented_commands() -> list[list[str]]:
    steps = workflow()["jobs"]["refresh"]["steps"]
    lines = [line.strip() for step in steps for line in step.get("run", "").splitlines()]
    return [shlex.split(line.split(">")[0])[1:] for line in lines if line.startswith("retell-validate ")]


def resolve(argv: list[str]) -> tuple[click.Command, list[str]]:
    command: click.Command = main
    rest = list(argv)
    while isinstance(command, click.Group):
        found = command.get_command(click.Context(command), rest[0])
        assert found is not None, f"no command {rest[0]!r}"
        command, rest = found, rest[1:]
    return command, rest


def test_the_workflow_fetches_diffs_and_checks() -> None:
    assert [argv[:2] for argv in documented_commands()] == [["spec", "fetch"], ["spec", "diff"], ["check", "batch-calls/"]]
    assert workflow()[True]["schedule"][0]["cron"] == "17 6 * * 1"  # YAML 1.1 reads the key `on` as true


@pytest.mark.parametrize("argv", documented_commands(), ids=" ".join)
def test_documented_options_exist(argv: list[str]) -> None:
    command, rest = resolve(argv)
    known = {opt for param in command.params for opt in param.opts}
    assert [word for word in rest if word.startswith("-") and word not in known] == []
