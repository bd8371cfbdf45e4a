"""``retell-validate agent pull``: fetch agents into a folder for ``check --agents``; and what ``check`` says about the folder.

``agent pull [AGENT_ID...] [--from-number E164...] [--version N...] -o DIR`` fetches each agent
with its response engine (Retell LLM or conversation flow) at the version it uses, at each
``--version``, and, for ``--from-number``, the number's outbound agents at the version the number
uses; then writes one JSON file per agent into DIR. Everything is fetched before anything is
written. Exit 0; 2 on any failure (no API key, refused key, unknown id, no network, no answer in
time), with a message and nothing written. Needs the ``retell`` extra (Retell's SDK), imported
only when the command runs.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from validator.agents.model import Ref
from validator.agents.store import AgentsError, load_agents, parse_agent, read_agent_file, save
from validator.cli.errors import echo_error
from validator.settings import Settings

INSTALL_HINT = "pip install 'retell-batch-validator[retell]'"
API_KEY = "RETELL_API_KEY"
EXIT_USAGE = 2


def _fail(message: str) -> NoReturn:
    echo_error(message)
    sys.exit(EXIT_USAGE)


def _number(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    for value in values:
        if not (value.startswith("+") and value[1:].isdigit() and 8 <= len(value) <= 16):
            raise click.BadParameter(f"{value!r} is not a phone number in E.164 format (+ and 7 to 15 digits, e.g. +14155550100)")
    return values


# The spec's AgentVersionReference: a number, "latest", or a tag (lower case; not v and digits, which reads as a number).
_TAG = re.compile(r"^(latest|latest_published|(?!(?:v\d+)$)[a-z][a-z0-9_-]{0,19})$")


def _versions(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[Ref, ...]:
    for value in values:
        if not (value.isascii() and value.isdigit()) and not _TAG.match(value):
            hint = f" (did you mean {value[1:]}?)" if value[:1] in "vV" and value[1:].isdigit() else ""
            raise click.BadParameter(f"{value!r} is not a version: a number (3) or a tag (prod, latest){hint}")
    return tuple(int(value) if value.isdigit() else value for value in values)


def _ids(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    if any(not value.strip() for value in values):
        raise click.BadParameter("an agent id is not empty")
    return values


@click.group("agent")
def agent_group() -> None:
    """Pull agents from Retell, so `check --agents DIR` knows the variables each agent uses."""


EXAMPLES = """\b
Examples:
  retell-validate agent pull agent_0b1c2d3e -o agents/
  retell-validate agent pull --from-number +14155550100 -o agents/
  retell-validate agent pull agent_0b1c2d3e --version 3 --version prod -o agents/
  retell-validate check batch.json --agents agents/

\b
The API key is read from RETELL_API_KEY. Exit status: 0 pulled, 2 nothing written (the reason on stderr).
"""


@agent_group.command("pull", epilog=EXAMPLES)
@click.argument("agent_ids", nargs=-1, metavar="[AGENT_ID]...", callback=_ids)
@click.option(
    "--from-number",
    "numbers",
    multiple=True,
    metavar="E164",
    callback=_number,
    help="Also pull this phone number's outbound agent(s) (repeatable).",
)
@click.option(
    "--version",
    "versions",
    multiple=True,
    metavar="N|TAG",
    callback=_versions,
    help="Also pull this version (a number, or a tag such as prod) of every agent pulled (repeatable).",
)
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False, path_type=Path), help="The folder to write into.")
@click.option("--base-url", metavar="URL", help="Retell's API at another address (a proxy, a test server). [default: the SDK's]")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a request after this long.",
)
@click.option(
    "--max-retries", type=click.IntRange(min=0), default=2, show_default=True, metavar="N", help="Retry a failed request this often."
)
def pull_command(
    agent_ids: tuple[str, ...],
    numbers: tuple[str, ...],
    versions: tuple[Ref, ...],
    output: Path,
    base_url: str | None,
    timeout: float,
    max_retries: int,
) -> None:
    """Fetch agents with their Retell LLM or conversation flow into DIR, one JSON file per agent."""
    if not agent_ids and not numbers:
        raise click.UsageError("name at least one AGENT_ID or --from-number")
    try:
        from retell import Retell

        from validator.agents.pull import PullError, pull
    except ImportError as exc:
        if exc.name is None or exc.name.split(".")[0] != "retell":
            raise
        _fail(f"agent pull needs Retell's SDK, which is not installed: {INSTALL_HINT}")
    key = os.environ.get(API_KEY)
    if not key:
        _fail(f"{API_KEY} is not set: export your Retell API key (dashboard → API Keys) to pull agents")
    options: dict[str, Any] = {"api_key": key, "timeout": timeout, "max_retries": max_retries}
    if base_url:
        options["base_url"] = base_url
    with Retell(**options) as client:
        try:
            pulled = pull(client, agent_ids, numbers, versions)
        except PullError as exc:
            _fail(f"{exc} (nothing written)")
    try:
        written = save(output, pulled.documents, pulled.numbers)
    except OSError as exc:
        _fail(f"{output}: cannot write: {exc.strerror or exc}")
    for path in written:
        click.echo(_describe(path))


def _describe(path: Path) -> str:
    """``agents/agent_1.json  agent_1: v3 (Retell LLM llm_1); tags prod; from +14155550100``."""
    agent = parse_agent(read_agent_file(path), path)
    versions = ", ".join(f"v{number}" + (" (latest)" if number == agent.latest else "") for number in sorted(agent.versions))
    engine = agent.versions[agent.latest].engine_words() if agent.latest in agent.versions else ""
    parts = [f"{agent.agent_id}: {versions}" + (f" of {engine}" if engine else "")]
    if agent.tags:
        parts.append("tags " + ", ".join(sorted(agent.tags)))
    numbers = sorted({route.number for route in agent.routes})
    if numbers:
        parts.append("outbound agent of " + ", ".join(numbers))
    return f"{path}  " + "; ".join(parts)


class AgentsRead:
    """The pulled-agent folders a ``check`` run reads: refused once each when unreadable, named in the closing note."""

    def __init__(self) -> None:
        self._read: dict[Path, str] = {}  # folder → what was read, in order of first use
        self._refused: dict[Path, str] = {}

    def problem(self, settings: Settings) -> str | None:
        """Why the folder the settings name cannot be checked against (``None``: it can, or none is named)."""
        folder = settings.agents
        if folder is None:
            return None
        if folder not in self._read and folder not in self._refused:
            try:
                self._read[folder] = load_agents(folder).describe()
            except AgentsError as exc:
                self._refused[folder] = f"--agents: {exc}"
        return self._refused.get(folder)

    def note(self) -> str | None:
        """``agents: 3 pulled agents from agents: …`` for each folder read, or ``None``."""
        return "\n".join(f"agents: {described}" for described in self._read.values()) or None

    @staticmethod
    def holds(settings: Settings, file: Path) -> bool:
        """``file`` is in the settings' agents folder: a pulled agent, not a payload."""
        return settings.agents is not None and file.resolve().parent == settings.agents.resolve()
