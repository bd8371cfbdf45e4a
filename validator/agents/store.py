"""The folder of pulled agents: one JSON file per agent, read (cached until a file changes) and written atomically.

A file, as ``retell-validate agent pull`` writes it::

    {
      "retell_validate": "pulled-agent", "format": 1, "agent_id": "agent_123",
      "refs": {"latest": 4, "prod": 3},                  # what each reference resolved to when pulled
      "versions": [{"agent": {…}, "retell_llm": {…}}, …],  # as Retell's API returns them (or "conversation_flow")
      "tags": {"prod": {"version": 3, "dynamic_variables": {…}}},
      "phone_numbers": [{"phone_number": "+14155550100", "outbound_agents": [{"agent_id": "agent_123", …}], …}]
    }

Only ``retell_validate``, ``versions`` and, in each, the agent's ``agent_id``, ``version`` and
``response_engine`` (and the engine's object for a Retell LLM or a conversation flow) are required,
so a hand-written file for a test or an example stays short.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from validator.agents.model import ENGINE_SECTIONS, Agents, AgentVersion, PulledAgent, Route, Tag
from validator.files import read_regular, write_atomic

MARKER = "pulled-agent"
FORMAT = 1
MAX_FILE_BYTES = 64 * 1024 * 1024  # an agent with its engine is kilobytes; a conversation flow a few megabytes at most
SUFFIX = ".json"


class AgentsError(ValueError):
    """The folder cannot be read as pulled agents; the message names the folder or the file and what is wrong."""


def load_agents(folder: str | Path) -> Agents:
    """The agents pulled into ``folder``, read again only when a file was added, removed or changed."""
    path = Path(folder)
    try:
        entries = sorted(os.scandir(path), key=lambda entry: entry.name)
    except FileNotFoundError:
        raise AgentsError(f"{path}: no such folder (pull agents into it: retell-validate agent pull AGENT_ID -o {path})") from None
    except NotADirectoryError:
        raise AgentsError(f"{path}: not a folder (--agents names the folder `retell-validate agent pull -o` wrote)") from None
    except OSError as exc:
        raise AgentsError(f"{path}: cannot read: {exc.strerror or exc}") from None
    stamps = []
    for entry in entries:
        if entry.name.endswith(SUFFIX) and not entry.name.startswith("."):
            try:
                info = entry.stat()
            except OSError as exc:
                raise AgentsError(f"{Path(entry.path)}: cannot read: {exc.strerror or exc}") from None
            stamps.append((entry.name, info.st_mtime_ns, info.st_size))
    return _load(path, tuple(stamps))


@lru_cache(maxsize=16)
def _load(folder: Path, stamps: tuple[tuple[str, int, int], ...]) -> Agents:
    agents: dict[str, PulledAgent] = {}
    routes: dict[str, tuple[Route, ...]] = {}
    claimed: dict[str, Path] = {}
    for name, _, _ in stamps:
        file = folder / name
        agent = parse_agent(read_agent_file(file), file)
        if agent.agent_id in agents:
            raise AgentsError(f"{file}: agent {agent.agent_id} is also in {agents[agent.agent_id].file.name}: keep one file per agent")
        agents[agent.agent_id] = agent
        for number, listed in _by_number(agent.routes).items():
            if number in routes and routes[number] != listed:
                raise AgentsError(
                    f"{file}: phone number {number} has other outbound agents in {claimed[number].name}: "
                    f"pull it again (retell-validate agent pull --from-number {number} -o {folder})"
                )
            routes[number], claimed[number] = listed, file
    return Agents(folder, agents, routes)


def _by_number(routes: Iterable[Route]) -> dict[str, tuple[Route, ...]]:
    grouped: dict[str, list[Route]] = {}
    for route in routes:
        grouped.setdefault(route.number, []).append(route)
    return {number: tuple(listed) for number, listed in grouped.items()}


def read_agent_file(file: Path) -> dict[str, Any]:
    """A file's JSON object (not yet checked as an agent): :class:`AgentsError` when it cannot be read or parsed."""
    try:
        data = json.loads(read_regular(file, MAX_FILE_BYTES).decode("utf-8"), parse_constant=_no_constant)
    except OSError as exc:
        raise AgentsError(f"{file}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise AgentsError(f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise AgentsError(f"{file}: not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except ValueError as exc:
        raise AgentsError(f"{file}: not JSON ({exc})") from None
    except RecursionError:
        raise AgentsError(f"{file}: nested too deeply to be an agent") from None
    if not isinstance(data, dict):
        raise AgentsError(f"{file}: not a pulled agent (a JSON object written by retell-validate agent pull)")
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_agent(data: Mapping[str, Any], file: Path) -> PulledAgent:
    """A file's object as a :class:`PulledAgent`; :class:`AgentsError` naming the file and the field when it is not one."""
    if data.get("retell_validate") != MARKER:
        raise AgentsError(f'{file}: not a pulled agent (no "retell_validate": "{MARKER}"; retell-validate agent pull writes these files)')
    if data.get("format", FORMAT) != FORMAT:
        raise AgentsError(f"{file}: format {data.get('format')!r} is not one this version reads ({FORMAT}): pull the agent again")
    listed = data.get("versions")
    if not isinstance(listed, list) or not listed:
        raise AgentsError(f"{file}: versions: not a non-empty list of agent versions")
    versions: dict[int, AgentVersion] = {}
    for index, item in enumerate(listed):
        version = _version(item, f"{file}: versions[{index}]")
        if versions and version.agent_id != next(iter(versions.values())).agent_id:
            raise AgentsError(
                f"{file}: versions[{index}]: agent {version.agent_id}, where the file holds {next(iter(versions.values())).agent_id}"
            )
        versions[version.version] = version
    agent_id = next(iter(versions.values())).agent_id
    if data.get("agent_id", agent_id) != agent_id:
        raise AgentsError(f"{file}: agent_id {data.get('agent_id')!r} is not its versions' agent {agent_id}")
    refs = _refs(data.get("refs", {}), file)
    tags = _tags(data.get("tags", {}), file)
    routes = _routes(data.get("phone_numbers", []), agent_id, file)
    return PulledAgent(agent_id, file, versions, refs, tags, routes)


def _version(item: Any, where: str) -> AgentVersion:
    agent = item.get("agent") if isinstance(item, dict) else None
    if not isinstance(agent, dict):
        raise AgentsError(f"{where}: no agent object")
    agent_id, number, engine = agent.get("agent_id"), agent.get("version"), agent.get("response_engine")
    if not isinstance(agent_id, str) or not agent_id:
        raise AgentsError(f"{where}: agent.agent_id is not a string")
    if type(number) is not int:
        raise AgentsError(f"{where}: agent.version is not a whole number")
    if not isinstance(engine, dict) or not isinstance(engine.get("type"), str):
        raise AgentsError(f"{where}: agent.response_engine has no type")
    section = ENGINE_SECTIONS.get(engine["type"])
    body = item.get(section) if section else None
    if section and not isinstance(body, dict):
        raise AgentsError(f"{where}: the agent's engine is a {engine['type']}, but there is no {section} object")
    return AgentVersion(agent_id, number, agent, engine["type"], body)


def _refs(value: Any, file: Path) -> dict[str, int]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and type(v) is int for k, v in value.items()):
        raise AgentsError(f"{file}: refs: not an object of version references → version numbers")
    return dict(value)


def _tags(value: Any, file: Path) -> dict[str, Tag]:
    if not isinstance(value, dict):
        raise AgentsError(f"{file}: tags: not an object of tag names → {{version, dynamic_variables}}")
    tags = {}
    for name, tag in value.items():
        version = tag.get("version") if isinstance(tag, dict) else None
        variables = tag.get("dynamic_variables") if isinstance(tag, dict) else None
        if not isinstance(tag, dict) or not (version is None or type(version) is int) or not isinstance(variables, dict | None):
            raise AgentsError(f"{file}: tags.{name}: not {{version: a whole number or null, dynamic_variables: an object}}")
        tags[name] = Tag(version, frozenset(variables or ()))
    return tags


def _routes(value: Any, agent_id: str, file: Path) -> tuple[Route, ...]:
    """Every outbound agent of each phone number in the file (not only this agent: a number may split its calls)."""
    if not isinstance(value, list):
        raise AgentsError(f"{file}: phone_numbers: not a list of phone numbers")
    routes = []
    for index, phone in enumerate(value):
        number = phone.get("phone_number") if isinstance(phone, dict) else None
        if not isinstance(number, str):
            raise AgentsError(f"{file}: phone_numbers[{index}]: no phone_number")
        outbound = phone.get("outbound_agents")
        if outbound is None and isinstance(phone.get("outbound_agent_id"), str):  # the single-agent form of older numbers
            outbound = [{"agent_id": phone["outbound_agent_id"], "agent_version": phone.get("outbound_agent_version")}]
        if not isinstance(outbound, list) or not all(isinstance(o, dict) and isinstance(o.get("agent_id"), str) for o in outbound):
            raise AgentsError(f"{file}: phone_numbers[{index}] ({number}): outbound_agents is not a list of agents")
        if agent_id not in {o["agent_id"] for o in outbound}:
            raise AgentsError(f"{file}: phone_numbers[{index}] ({number}) does not call out with agent {agent_id}")
        for entry in outbound:
            ref = entry.get("agent_version")
            weight = entry.get("weight")
            routes.append(
                Route(
                    number,
                    entry["agent_id"],
                    ref if isinstance(ref, int | str) else None,
                    weight if isinstance(weight, int | float) else None,
                )
            )
    return tuple(routes)


# -- writing ------------------------------------------------------------------------------------------------


def agent_file_name(agent_id: str) -> str:
    """``agent_123.json``; characters a file name cannot safely hold become ``_``."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in agent_id).lstrip(".")
    return (safe or "agent") + SUFFIX


def agent_document(
    agent_id: str,
    versions: Iterable[Mapping[str, Any]],
    refs: Mapping[str, int],
    tags: Mapping[str, Mapping[str, Any]],
    phone_numbers: Iterable[Mapping[str, Any]],
) -> dict[str, Any]:
    """The file's object: versions sorted by number, phone numbers by number, so a file changes only when the agent does."""
    ordered = sorted(versions, key=lambda item: item["agent"]["version"])
    return {
        "retell_validate": MARKER,
        "format": FORMAT,
        "agent_id": agent_id,
        "refs": dict(sorted(refs.items())),
        "versions": ordered,
        "tags": dict(sorted(tags.items())),
        "phone_numbers": sorted(phone_numbers, key=lambda phone: str(phone.get("phone_number"))),
    }


def write_json_atomic(path: Path, document: Mapping[str, Any]) -> None:
    """Write ``document`` to ``path`` all or nothing (:func:`validator.files.write_atomic`: a replaced file keeps its mode)."""
    write_atomic(path, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def save(folder: Path, documents: Mapping[str, Mapping[str, Any]], numbers: Iterable[str]) -> list[Path]:
    """Merge what a pull fetched into ``folder``'s files and write each file that changes (atomically); the paths written.

    An agent's file keeps the versions and phone numbers pulled before and not fetched now
    (published versions never change); the phone numbers fetched now are taken out of the files of
    agents they no longer call out with, so one number never routes to two places.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fetched_numbers = set(numbers)
    existing: dict[str, tuple[Path, dict[str, Any]]] = {}
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            data = read_agent_file(path)
            existing[parse_agent(data, path).agent_id] = (path, data)
        except AgentsError:
            continue  # not an agent of ours: left alone (unless a fetched agent's file replaces it)
    written = []
    for agent_id, fetched in documents.items():
        path, old = existing.pop(agent_id, (folder / agent_file_name(agent_id), {}))
        kept = {item["agent"]["version"]: item for item in old.get("versions", [])}
        kept.update({item["agent"]["version"]: item for item in fetched["versions"]})
        phones = [p for p in old.get("phone_numbers", []) if p.get("phone_number") not in fetched_numbers] + list(fetched["phone_numbers"])
        document = agent_document(agent_id, kept.values(), {**old.get("refs", {}), **fetched["refs"]}, fetched["tags"], phones)
        write_json_atomic(path, document)
        written.append(path)
    for path, old in existing.values():
        phones = old.get("phone_numbers", [])
        remaining = [p for p in phones if p.get("phone_number") not in fetched_numbers]
        if len(remaining) != len(phones):
            write_json_atomic(path, {**old, "phone_numbers": remaining})
            written.append(path)
    return written
