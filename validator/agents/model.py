"""A pulled agent as the checks see it: its versions, what each version's prompts say, how a task's reference resolves.

An agent version is the agent and its response engine (a Retell LLM or a
conversation flow) as Retell's API returns them. What it *says* (:class:`Speech`)
is every ``{{placeholder}}`` in its configuration, where each stands, and what
fills a name without the task: the engine's ``default_dynamic_variables``, a
version tag's dynamic variables, Retell's system variables, variables the agent
sets itself during the call. A task's ``agent_override`` replaces top-level
fields of the agent and of its engine for that call, so the speech is computed
for the merged configuration.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from validator.agents.placeholders import SKIPPED_KEYS, is_system, label, set_during_call, uses

ENGINE_SECTIONS = {"retell-llm": "retell_llm", "conversation-flow": "conversation_flow"}  # response_engine.type → its key
ENGINE_WORDS = {"retell-llm": "Retell LLM", "conversation-flow": "conversation flow", "custom-llm": "custom LLM"}
ENGINE_IDS = {"retell-llm": "llm_id", "conversation-flow": "conversation_flow_id"}
OVERRIDE_MARK = " (the task's agent_override)"

Ref = int | str | None  # a version number, "latest", a tag name; None: the version Retell uses by default (latest)


@dataclass(frozen=True)
class Speech:
    """What one agent version (with one task's override) says.

    ``places``: each placeholder name → where it stands (words, in document order); ``begin``: the
    names in the opening words (the first the person hears) → where those stand; ``filled``: names that need no
    value from the task (defaults, system variables, set during the call); ``opaque``: a custom LLM,
    whose prompts live on the user's server, so what it uses is unknown.
    """

    places: Mapping[str, tuple[str, ...]]
    begin: Mapping[str, str]
    filled: frozenset[str]
    opaque: bool = False

    def needs(self) -> list[str]:
        """The names a task must set, in order of first use."""
        return [name for name in self.places if name not in self.filled and not is_system(name)]


@dataclass(frozen=True)
class AgentVersion:
    """One version of an agent: the agent and its engine as Retell returns them."""

    agent_id: str
    version: int
    agent: Mapping[str, Any]
    engine_type: str
    engine: Mapping[str, Any] | None
    _speeches: dict[str | None, Speech] = field(default_factory=dict, compare=False, repr=False)

    @property
    def engine_id(self) -> str | None:
        key = ENGINE_IDS.get(self.engine_type)
        value = self.engine.get(key) if self.engine is not None and key else None
        if value is None and key:
            engine = self.agent.get("response_engine")
            value = engine.get(key) if isinstance(engine, dict) else None
        return value if isinstance(value, str) else None

    @property
    def preferred_tag(self) -> str | None:
        """The version's preferred tag (listed first in ``assigned_tags``): its dynamic variables apply to it."""
        tags = self.agent.get("assigned_tags")
        return tags[0] if isinstance(tags, list) and tags and isinstance(tags[0], str) else None

    @property
    def published(self) -> bool:
        return self.agent.get("is_published") is True

    def engine_words(self) -> str:
        """``Retell LLM llm_123``, ``conversation flow cf_1``, ``custom LLM``."""
        words = ENGINE_WORDS.get(self.engine_type, self.engine_type)
        return f"{words} {self.engine_id}" if self.engine_id else words

    def speech(self, override: Mapping[str, Any] | None = None) -> Speech:
        """What this version says for a task with this ``agent_override`` (``None``: none); computed once per distinct override."""
        key = None if not override else json.dumps(override, sort_keys=True, ensure_ascii=False, default=str)
        found = self._speeches.get(key)
        if found is None:
            found = self._speeches[key] = _speech(self, override or {})
        return found


def _speech(version: AgentVersion, override: Mapping[str, Any]) -> Speech:
    places: dict[str, list[str]] = {}
    begin: dict[str, str] = {}
    filled: set[str] = set()
    section = ENGINE_SECTIONS.get(version.engine_type)
    # The engine first: its begin message and prompts are where a reader looks first; then the agent's own texts (voicemail …).
    docs = ([(section, version.engine)] if section and version.engine is not None else []) + [("agent", version.agent)]
    for name, base in docs:
        replaced = override.get(name)
        replaced = replaced if isinstance(replaced, dict) else {}
        merged = {**base, **replaced}
        start = _start_node(merged) if name == "conversation_flow" else None
        for key, value in merged.items():
            if key in SKIPPED_KEYS or not isinstance(value, dict | list | str):
                continue
            root = replaced if key in replaced else base
            mark = OVERRIDE_MARK if key in replaced else ""
            for use in uses(value, (key,)):
                where = label(root, use.path) + mark
                speaks_first = use.path[0] == "begin_message" if name == "retell_llm" else start is not None and use.path[:3] == start
                for placeholder in use.names:
                    spots = places.setdefault(placeholder, [])
                    if where not in spots:
                        spots.append(where)
                    if speaks_first:
                        begin.setdefault(placeholder, where)
        defaults = merged.get("default_dynamic_variables")
        if isinstance(defaults, dict):
            filled.update(key for key in defaults if isinstance(key, str))
        filled |= set_during_call(merged)
    return Speech(
        {name: tuple(spots) for name, spots in places.items()},
        begin,
        frozenset(filled),
        opaque=version.engine_type not in ENGINE_SECTIONS,
    )


def _start_node(flow: Mapping[str, Any]) -> tuple[str | int, ...] | None:
    """The path of the start node's instruction when the agent speaks first: its words open the call."""
    start, nodes = flow.get("start_node_id"), flow.get("nodes")
    if flow.get("start_speaker") != "agent" or not isinstance(nodes, list):
        return None
    for index, node in enumerate(nodes):
        if isinstance(node, dict) and node.get("id") == start:
            return ("nodes", index, "instruction")
    return None


@dataclass(frozen=True)
class Tag:
    """A version tag: the version it is assigned to (``None``: unassigned, resolves to latest) and its dynamic variables."""

    version: int | None
    variables: frozenset[str]


@dataclass(frozen=True)
class Route:
    """A phone number's outbound agent: ``weight`` of its outbound calls run ``agent_id`` at ``ref``."""

    number: str
    agent_id: str
    ref: Ref
    weight: float | None


@dataclass(frozen=True)
class Resolved:
    """The version a task's reference runs, and the names its tag fills (the tag named, else the version's preferred tag)."""

    version: AgentVersion
    tag: str | None
    tag_variables: frozenset[str]

    def words(self) -> str:
        """``agent_123 v3`` (``"Sales"``), as findings name the agent."""
        name = self.version.agent.get("agent_name")
        shown = f' ("{name}")' if isinstance(name, str) and name else ""
        return f"agent {self.version.agent_id} v{self.version.version}{shown}"


@dataclass(frozen=True)
class PulledAgent:
    """An agent pulled into a folder: its versions, what references resolved to when pulled, its tags and phone numbers."""

    agent_id: str
    file: Path
    versions: Mapping[int, AgentVersion]
    refs: Mapping[str, int]  # "latest", a tag, "latest_published" → the version Retell returned for it
    tags: Mapping[str, Tag]
    routes: tuple[Route, ...]

    @property
    def latest(self) -> int:
        return self.refs.get("latest", max(self.versions))

    def resolve(self, ref: Ref) -> Resolved | None:
        """The version ``ref`` runs, if it was pulled; ``None`` when it was not (pull it with ``--version``)."""
        tag: str | None = None
        if ref is None or ref == "latest":
            number: int | None = self.latest
        elif isinstance(ref, int):
            number = ref
        elif ref in self.refs:
            number, tag = self.refs[ref], ref if ref in self.tags else None
        elif ref in self.tags:
            tag = ref
            number = self.tags[ref].version if self.tags[ref].version is not None else self.latest
        else:
            return None
        version = self.versions.get(number) if number is not None else None
        if version is None:
            return None
        named = tag or version.preferred_tag
        variables = self.tags[named].variables if named is not None and named in self.tags else frozenset()
        return Resolved(version, tag, variables)


@dataclass(frozen=True)
class Agents:
    """The agents pulled into one folder, by id, and the phone numbers' outbound agents."""

    folder: Path
    agents: Mapping[str, PulledAgent]
    routes: Mapping[str, tuple[Route, ...]]

    def describe(self) -> str:
        """One line: the folder and each agent with its versions and engine."""
        if not self.agents:
            return f"no pulled agents in {self.folder}"
        listed = []
        for agent in self.agents.values():
            latest = agent.versions.get(agent.latest) or agent.versions[max(agent.versions)]
            others = sorted(set(agent.versions) - {latest.version})
            more = f" (also {', '.join(f'v{v}' for v in others)})" if others else ""
            listed.append(f"{agent.agent_id} v{latest.version} ({latest.engine_words()}){more}")
        count = len(self.agents)
        return f"{count} pulled agent{'s' if count != 1 else ''} from {self.folder}: " + "; ".join(listed)
