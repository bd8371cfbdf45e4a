"""What the pulled agents say that the tasks do not set: one analysis of the batch that RBV604-RBV610 share.

With ``agents`` set (``--agents DIR``), each task runs an agent: its
``override_agent_id`` (at its ``override_agent_version``), else each outbound agent
of the batch's ``from_number`` when that number was pulled. The tasks are grouped by
what decides the answer (agent, version, their variables' names, their
``agent_override``), so the work is per group, not per task; findings are grouped
per agent version and name, with the task count and the first task.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from validator.agents.model import Agents, PulledAgent, Ref, Resolved
from validator.agents.placeholders import is_system
from validator.agents.store import AgentsError, load_agents
from validator.context import Context, per_document
from validator.diagnostics import Fix
from validator.json_values import quote
from validator.pointer import join as pointer_join
from validator.rules.tasks._variables import FIELD, tasks_word

_EMPTY: dict[str, Any] = {}
VersionKey = tuple[str, int]


@dataclass
class Gap:
    """A placeholder an agent version needs that some tasks do not set.

    ``begin``: where it stands in the opening words, if it does; ``renames``: tasks that set a near miss, by its spelling.
    """

    resolved: Resolved
    name: str
    places: tuple[str, ...]
    begin: str | None
    first: int
    count: int = 0
    renames: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class NearMiss:
    """Tasks that set ``key`` where the agent version uses ``name``, which they do not set."""

    resolved: Resolved
    name: str
    key: str
    places: tuple[str, ...]
    tasks: list[int] = field(default_factory=list)


@dataclass
class Unused:
    """Tasks that set ``key``, which no placeholder of the agents they run uses."""

    agents: str
    key: str
    first: int
    count: int = 0


@dataclass
class Unpulled:
    """Tasks whose agent, or the version they pin, is not in the folder: their placeholders are not checked."""

    what: str
    command: str
    pointer: str
    count: int = 0


@dataclass
class AgentFindings:
    """What the pulled agents say against the tasks; ``error``: the folder could not be read (then nothing else)."""

    agents: Agents | None = None
    error: str | None = None
    gaps: dict[tuple[VersionKey, str], Gap] = field(default_factory=dict)
    near: dict[tuple[VersionKey, str, str], NearMiss] = field(default_factory=dict)
    unused: dict[tuple[tuple[VersionKey, ...], str], Unused] = field(default_factory=dict)
    unpulled: dict[str, Unpulled] = field(default_factory=dict)
    # Tasks checked against a pulled agent: RBV602 and RBV604, which guess without the agent, leave them alone.
    resolved: set[int] = field(default_factory=set)
    unresolved: int = 0  # tasks whose agent is not known (not pulled, or a schema error)


@per_document
def agent_findings(ctx: Context) -> AgentFindings | None:
    """The analysis, or ``None`` without ``agents`` set."""
    folder = ctx.settings.agents
    if folder is None:
        return None
    try:
        agents = load_agents(folder)
    except AgentsError as exc:
        return AgentFindings(error=str(exc))
    found = AgentFindings(agents)
    groups: dict[tuple[Any, ...], list[int]] = {}
    overrides: dict[str, dict[str, Any]] = {}
    tasks = ctx.document.get("tasks")
    # The hot loop of --agents (100,000 tasks): a few lookups per task, and the task joins its group.
    for index, task in enumerate(tasks if isinstance(tasks, list) else ()):
        if type(task) is not dict:
            continue
        get = task.get
        agent_id, ref, values, override = get("override_agent_id"), get("override_agent_version"), get(FIELD, _EMPTY), get("agent_override")
        if type(values) is not dict or not (agent_id is None or type(agent_id) is str) or not (ref is None or type(ref) in (str, int)):
            found.unresolved += 1
            continue  # a schema error: RBV1xx words it
        text = None
        if override is not None and type(override) is dict and override:
            text = json.dumps(override, sort_keys=True, ensure_ascii=False, default=str)
            overrides.setdefault(text, override)
        key = (agent_id, ref, tuple(values), text)
        group = groups.get(key)
        if group is None:
            groups[key] = [index]
        else:
            group.append(index)
    from_number = ctx.document.get("from_number")
    for (agent_id, ref, keys, text), indexes in groups.items():
        runs = _runs(found, agents, agent_id, ref, from_number, indexes)
        if not runs:
            found.unresolved += len(indexes)
            continue
        found.resolved.update(indexes)
        _compare(found, runs, [k for k in keys if isinstance(k, str)], overrides.get(text), indexes)
    return found


def _runs(found: AgentFindings, agents: Agents, agent_id: str | None, ref: Ref, from_number: object, indexes: list[int]) -> list[Resolved]:
    """The versions a group of tasks runs (several when the number splits its calls); what is not pulled is noted."""
    first, folder = indexes[0], agents.folder
    pinned = f"/tasks/{first}/override_agent_version" if ref is not None else None
    if agent_id is not None:
        wanted: list[tuple[str, Ref, str]] = [(agent_id, ref, f"/tasks/{first}/override_agent_id")]
    else:
        routes = agents.routes.get(from_number) if isinstance(from_number, str) else None
        if not routes:
            number = quote(from_number) if isinstance(from_number, str) else "NUMBER"
            command = f"retell-validate agent pull --from-number {number} -o {folder}"
            _unpulled(found, f"the outbound agent of from_number {number}", command, "/from_number", len(indexes))
            return []
        wanted = [(route.agent_id, ref if ref is not None else route.ref, "/from_number") for route in routes]
    runs = []
    for wanted_id, wanted_ref, pointer in wanted:
        pulled: PulledAgent | None = agents.agents.get(wanted_id)
        resolved = pulled.resolve(wanted_ref) if pulled is not None else None
        if resolved is not None:
            runs.append(resolved)
        elif pulled is None:
            _unpulled(
                found, f"agent {quote(wanted_id)}", f"retell-validate agent pull {quote(wanted_id)} -o {folder}", pointer, len(indexes)
            )
        else:
            version = quote(str(wanted_ref))
            command = f"retell-validate agent pull {quote(wanted_id)} --version {version} -o {folder}"
            _unpulled(found, f"version {version} of agent {quote(wanted_id)}", command, pinned or pointer, len(indexes))
    return runs


def _unpulled(found: AgentFindings, what: str, command: str, pointer: str, count: int) -> None:
    entry = found.unpulled.setdefault(what, Unpulled(what, command, pointer))
    entry.count += count


def _compare(found: AgentFindings, runs: list[Resolved], keys: list[str], override: Mapping[str, Any] | None, indexes: list[int]) -> None:
    """One group of tasks (same agent runs, same variable names, same override) against what each version says."""
    have = set(keys)
    speeches = [resolved.version.speech(override) for resolved in runs]
    used = {name for speech in speeches for name in speech.places}
    spare = [key for key in keys if key not in used]  # a name some agent of the group uses is nobody's misspelling
    opaque = any(speech.opaque for speech in speeches)
    near_keys: set[str] = set()
    for resolved, speech in zip(runs, speeches, strict=True):
        version = (resolved.version.agent_id, resolved.version.version)
        for name in speech.needs():
            if name in have or name in resolved.tag_variables:
                continue
            near = near_miss(name, spare)
            begin = speech.begin.get(name)
            if near is not None:
                near_keys.add(near)
            if near is not None and begin is None:
                entry = found.near.setdefault((version, name, near), NearMiss(resolved, name, near, speech.places[name]))
                entry.tasks.extend(indexes)
                continue
            gap = found.gaps.setdefault((version, name), Gap(resolved, name, speech.places[name], begin, indexes[0]))
            gap.count += len(indexes)
            gap.first = min(gap.first, indexes[0])
            if near is not None:
                gap.renames.setdefault(near, []).extend(indexes)
    if opaque:
        return  # a custom LLM's prompts are the user's server's: which names it uses is unknown
    versions = tuple((r.version.agent_id, r.version.version) for r in runs)
    for key in keys:
        if key not in used and key not in near_keys:
            unused = found.unused.setdefault((versions, key), Unused(_agents_words(runs), key, indexes[0]))
            unused.count += len(indexes)
            unused.first = min(unused.first, indexes[0])


def _agents_words(runs: Iterable[Resolved]) -> str:
    return " or ".join(resolved.words() for resolved in runs)


def near_miss(name: str, keys: Iterable[str]) -> str | None:
    """The one key that is ``name`` misspelt: the same letters in another case or with other separators
    (``firstName``, ``first-name``), else one letter off, or two in a long name (``customer_nmae``)."""
    target = _folded(name)
    if is_system(name) or not target:
        return None
    allowed = 0 if len(target) < 4 else 1 if len(target) < 8 else 2
    best: list[str] = []
    best_distance = allowed + 1
    for key in keys:
        folded = _folded(key)
        if folded == target:
            return key
        distance = _distance(folded, target, allowed)
        if distance < best_distance:
            best, best_distance = [key], distance
        elif distance == best_distance <= allowed:
            best.append(key)
    return best[0] if len(best) == 1 else None


def _folded(text: str) -> str:
    return "".join(char for char in text.lower() if char.isalnum())


def _distance(a: str, b: str, limit: int) -> int:
    """The optimal string alignment distance (a swap of neighbours counts once), ``limit + 1`` once past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


# -- wording shared by the rules ------------------------------------------------------------------------------


def where(places: tuple[str, ...]) -> str:
    """``begin message``, ``general prompt and tool 'book' › description``, ``… and 3 more places``."""
    shown = list(places[:3])
    more = len(places) - len(shown)
    text = ", ".join(shown[:-1]) + (" and " if len(shown) > 1 and not more else ", " if more else "") + shown[-1]
    return text + (f" and {more} more place{'s' if more > 1 else ''}" if more else "")


def some_tasks(ctx: Context, count: int, first: int) -> str:
    """``tasks[4]``, or ``1,200 tasks (first tasks[4])``."""
    return ctx.task_ref(first) if count == 1 else f"{tasks_word(count)} (first {ctx.task_ref(first)})"


def filled_by(resolved: Resolved) -> str:
    """Where a default could be set: the engine's ``default_dynamic_variables``."""
    version = resolved.version
    if version.engine is None:  # a custom LLM: no defaults here
        return "or take it out of the agent's own texts"
    return f"or give it a default in the {version.engine_words()}'s default_dynamic_variables"


def variables_of(ctx: Context, index: int) -> str:
    """The pointer of the task's variables when it has them, else of the task."""
    task = ctx.document["tasks"][index]
    return f"/tasks/{index}/{FIELD}" if isinstance(task, dict) and FIELD in task else f"/tasks/{index}"


def key_of(index: int, key: str) -> str:
    return pointer_join(f"/tasks/{index}", FIELD, key)


def rename_fix(ctx: Context, name: str, renames: Mapping[str, list[int]]) -> Fix:
    """Rename each near-miss key to ``name`` in the tasks that set it (unsafe: the agent then gets a value it did not before)."""
    tasks = list(ctx.document["tasks"])
    count = 0
    for key, indexes in renames.items():
        for index in indexes:
            task = tasks[index]
            tasks[index] = {**task, FIELD: {(name if k == key else k): v for k, v in task[FIELD].items()}}
            count += 1
    spellings = " and ".join(f"`{quote(key)}`" for key in renames)
    return Fix(tasks, safe=False, title=f"rename {spellings} to `{quote(name)}` in {tasks_word(count)}", at="/tasks")


def example_agent(
    llm: Mapping[str, str], *, version: int = 3, refs: Mapping[str, int] | None = None, phone_numbers: list[Any] | None = None
) -> dict[str, Any]:
    """A pulled-agent file for a rule's documented examples: ``agent_sales`` at ``version``, its Retell LLM holding ``llm``'s prompts."""
    engine = {"type": "retell-llm", "llm_id": "llm_sales", "version": version}
    pulled: dict[str, Any] = {"retell_validate": "pulled-agent"}
    if refs is not None:
        pulled["refs"] = dict(refs)
    pulled["versions"] = [
        {"agent": {"agent_id": "agent_sales", "version": version, "response_engine": engine}, "retell_llm": {"llm_id": "llm_sales", **llm}}
    ]
    if phone_numbers is not None:
        pulled["phone_numbers"] = phone_numbers
    return pulled
