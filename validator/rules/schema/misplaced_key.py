"""A key the API does not read where it is written, whose name says where it would be read.

Why it matters: create-batch-call ignores keys it does not know, without a word.
``agent_id`` at the top level (create-phone-call's name) leaves every call on the
from_number's default agent; ``day`` inside each window (the API reads
``call_time_window.day``) turns weekday calls into every-day calls;
``scheduled_timestamp`` (the name in the *response*) sends the batch at once;
``dynamic_variables`` drops the personalisation; ``timezone`` at the top level
leaves the windows in Los Angeles time. The batch runs, wrongly, and a CI gate
that only warns passes it.

A key is reported when it is a field at another place of the request (the spec
says so: ``voice_id`` belongs in ``tasks[].agent_override.agent``, ``from_number``
at the top level, ``begin_message`` in ``retell_llm``), or when a sourced table
(``validator/knowledge/data/misplaced_keys.yaml``) names its home
(``scheduled_timestamp`` → ``trigger_timestamp`` in milliseconds, ``variables`` →
each task's ``retell_llm_dynamic_variables``, ``start_hour`` → ``start`` in
minutes). A key with no such meaning stays RBV111's warning, and so does one
whose home already holds a value everywhere it would go (the key changes nothing).

The fix moves the value where the API reads it: into every task that has none
(task values win; with some tasks keeping their own the fix is unsafe), lifted
from the tasks or windows when they agree (when they differ, the batch cannot say
it: the finding says so and names the values), renamed in place, or converted
(seconds or ISO 8601 to milliseconds, day numbers to names, hours to minutes).
A move that keeps the value and overwrites nothing is safe; a conversion that
guesses (seconds, day numbering) is unsafe. Windows that carry their own days
are merged when their hours agree on every day (``day`` becomes their union).
``max_concurrency`` and the like have no home: the finding explains that
``reserved_concurrency`` is the number of calls kept free, not a cap.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from validator.calling.windows import DAY, clock
from validator.context import Context
from validator.diagnostics import Edit, Finding, Fix, Severity
from validator.json_values import preview, same_value
from validator.knowledge.misplaced import Converted, alias_for, convert, day_keys
from validator.knowledge.sdk import sdk_fields
from validator.pointer import join as pointer_join
from validator.pointer import tokens
from validator.rules import Example, Kind
from validator.rules.schema._fields import FieldIndex, Unknown, child_place, field_index, unknown_keys

CODE = "RBV112"
NAME = "misplaced-key"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('"agent_id": "agent_1", "tasks": [{"to_number": "+12137774445"}]', note="create-phone-call's agent_id at the top level")
PASSES = Example('"tasks": [{"to_number": "+12137774445", "override_agent_id": "agent_1"}]')
# The unknown-key warning (and a closed object's error) at the same key: this finding says where it belongs.
SUPERSEDES = ("RBV111", "RBV110")

_MISSING = object()
_WINDOWS = "/call_time_window/windows"
_DAY = "/call_time_window/day"
# What the batch does without the value, by home (the default: the value is dropped).
_CONSEQUENCES = {
    "/tasks/*/override_agent_id": "the calls run with the from_number's default agent",
    "/tasks/*/override_agent_version": "the calls run the agent's current version",
    "/trigger_timestamp": "the batch goes out at once",
    _DAY: "the windows apply every day",
    "/call_time_window/timezone": "the windows are read in America/Los_Angeles time",
    "/tasks/*/retell_llm_dynamic_variables": "the prompts get none of these values",
    "/from_number": "the batch has no number to call from",
    "/tasks/*/to_number": "the task has no number to call",
    "/tasks/*/agent_override/agent/response_engine": "the calls run the agent's own response engine",
    "/tasks/*/agent_override/agent/voice_id": "the calls speak with the agent's own voice",
    "/call_time_window/windows/*/start": "the window has no start",
    "/call_time_window/windows/*/end": "the window has no end",
}
_NEVER_FANNED_OUT = frozenset({"to_number"})  # one number per recipient: a top-level one is no task's
_GENERIC = 2  # a key that is a field at more places (type, description) does not say which one
# The objects people write keys in; the option objects below them take only distinctive (snake_case) names.
_SECTIONS = frozenset(
    {
        "",
        "/tasks/*",
        "/call_time_window",
        "/call_time_window/windows/*",
        "/tasks/*/agent_override",
        "/tasks/*/agent_override/agent",
        "/tasks/*/agent_override/retell_llm",
        "/tasks/*/agent_override/conversation_flow",
    }
)


@dataclass(frozen=True, slots=True)
class Home:
    """Where the API reads a misplaced key: a place (``None``: nowhere), how its value converts, and what to add."""

    template: str | None
    convert: str | None = None
    note: str | None = None
    choices: tuple[str, ...] = ()  # several places, decided per payload by which of their objects exists


def check(ctx: Context) -> Iterator[Finding]:
    found = unknown_keys(ctx)
    if not found:
        return
    index = field_index(ctx.spec)
    groups: dict[tuple[str, str], list[Unknown]] = {}
    for unknown in found:
        groups.setdefault((unknown.template, unknown.key), []).append(unknown)
    homes = {place: home for place in groups if (home := _home(place[0], place[1], index)) is not None and not _newer_field(*place)}
    wrapped = _wrap_into_a_task(ctx, groups, homes)
    for (template, key), occurrences in groups.items():
        home = homes.get((template, key))
        if home is None or (template, key) in wrapped:
            continue
        yield from _Group(ctx, index, key, template, home, occurrences).findings()
    yield from wrapped.values()


def _newer_field(template: str, key: str) -> bool:
    """Declared by the installed SDK where it is written: RBV113's (a spec older than the SDK), not misplaced."""
    fields = sdk_fields()
    return fields is not None and fields.declares(template, key)


def _home(template: str, key: str, index: FieldIndex) -> Home | None:
    alias = alias_for(template, key)
    if alias is not None:
        return Home(alias.home, alias.convert, alias.note)
    homes = index.homes.get(key, ())
    if not homes or len(homes) > _GENERIC:
        return None
    elsewhere = [h for h in homes if _parent(h) != template and _says_where(h, template, key) and not _for_reference(index, h)]
    if not elsewhere:
        return None
    nearest = max(_shared(h, template) for h in elsewhere)
    choices = tuple(h for h in elsewhere if _shared(h, template) == nearest)
    return Home(choices[0]) if len(choices) == 1 else Home(None, choices=choices)


def _says_where(home: str, template: str, key: str) -> bool:
    """Whether a key written at ``template`` can mean the spec's field at ``home``.

    Not a field of the items of a list the key is outside (``name`` in a task is no
    post-call analysis item's name), except every task's from the top level; and a
    one-word name (``text``, ``action``) only as a field of a section people write keys in,
    not of an option object below one.
    """
    parent = tokens(_parent(home))
    shared = _shared(home, template)
    rest = parent[shared:]
    if "*" in rest and not (shared == 0 and rest[:2] == ["tasks", "*"] and "*" not in rest[2:]):
        return False
    return "_" in key or _parent(home) in _SECTIONS


def _for_reference(index: FieldIndex, home: str) -> bool:
    """A field the spec says is "only used for your own reference" (the batch's ``name``): the API does nothing with it,
    so a key of that name elsewhere (a contact's ``name`` in a task) is not one dropped on its way there."""
    return "for your own reference" in str(index.schemas.get(home, {}).get("description", "")).lower()


def _parent(template: str) -> str:
    return template.rsplit("/", 1)[0]


def _shared(home: str, template: str) -> int:
    """How many leading tokens the home's object shares with the place written."""
    count = 0
    for a, b in zip(tokens(_parent(home)), tokens(template), strict=False):
        if a != b:
            break
        count += 1
    return count


class _Group:
    """Every occurrence of one key at one place, and what moving it means."""

    def __init__(self, ctx: Context, index: FieldIndex, key: str, template: str, home: Home, occurrences: list[Unknown]) -> None:
        self.ctx, self.index, self.key, self.template, self.home, self.occurrences = ctx, index, key, template, home, occurrences
        self.document = ctx.document

    def findings(self) -> Iterator[Finding]:
        home = self.home
        if home.template is None and not home.choices:
            for o in self.occurrences:
                yield self._finding(o, self._not_read(), None, None)
            return
        if home.template is not None and not self._fits(home.template):
            return  # not the kind of value the home takes: an unknown key, no more (RBV111)
        per_occurrence = [(o, self._destinations(o)) for o in self.occurrences]
        shared = {tuple(d) for _, d in per_occurrence if d is not None}
        if home.template is not None and len(shared) == 1 and len(next(iter(shared))) == 1 and not home.template.startswith("/tasks/*/"):
            yield from self._lift(next(iter(shared))[0])
            return
        for occurrence, destinations in per_occurrence:
            yield from self._move(occurrence, destinations)

    # -- a value read once for the batch, written in several tasks or windows ----------------------------------

    def _lift(self, destination: str) -> Iterator[Finding]:
        assert self.home.template is not None
        if self.home.convert == "days" and self.template == f"{_WINDOWS}/*":
            yield from self._lift_days(destination)
            return
        converted = [convert(self.home.convert, o.value) for o in self.occurrences]
        if any(c is None for c in converted):
            yield from self._unreadable(converted)
            return
        values = [c.value for c in converted if c is not None]
        existing = _at(self.document, destination)
        distinct = _distinct([*values, *([] if existing is _MISSING else [existing])])
        field = _field(self.home.template)
        if len(distinct) > 1:
            listed = ", ".join(preview(v) for v in distinct[:3]) + (f" and {len(distinct) - 3} more" if len(distinct) > 3 else "")
            message = f"{self._not_read()}; these give {len(distinct)} different values ({listed}) where the batch has one {field}"
            hint = f"send one batch per {field} (each with its own), or keep one value in {field}"
            for o in self.occurrences:
                yield self._finding(o, message, hint, None)
            return
        if existing is not _MISSING:
            return  # the home says the same: nothing is dropped (RBV111's redundant key)
        edits = [Edit(o.pointer, remove=True) for o in self.occurrences]
        fix = self._fix([*edits, Edit(destination, values[0])], all(c.certain for c in converted if c is not None), destination)
        for o, c in zip(self.occurrences, converted, strict=True):
            yield self._finding(o, self._not_read(c, o.value), self._hint(fix, destination), fix)

    def _lift_days(self, destination: str) -> Iterator[Finding]:
        """Days written in each window: one ``day`` list when the windows' hours are the same on every day they name."""
        windows = self.document["call_time_window"]["windows"]
        hours_by_day: dict[str, list[dict[str, Any]]] = {}
        certain = True
        for window in windows:
            if not isinstance(window, dict):
                return  # a schema error (RBV102) comes first
            written = [window[k] for k in window if k in day_keys()]
            days = convert("days", written[0]) if len(written) == 1 else Converted(list(_ALL_DAYS), True) if not written else None
            if days is None:
                yield from self._unreadable([None] * len(self.occurrences))
                return
            certain &= days.certain
            hours = {k: v for k, v in window.items() if k not in day_keys()}
            for day in days.value:
                if not any(same_value(hours, seen) for seen in hours_by_day.setdefault(day, [])):
                    hours_by_day[day].append(hours)
        shapes = _distinct(list(hours_by_day.values()))
        named = [day for day in _ALL_DAYS if day in hours_by_day]
        if len(shapes) > 1:
            groups = "; ".join(f"{', '.join(d for d in named if same_value(hours_by_day[d], shape))} {_hours(shape)}" for shape in shapes)
            message = (
                f"{self._not_read()}; the windows give different hours on different days ({groups}), "
                "and a batch has one set of windows for all its days"
            )
            hint = "send one batch per group of days, each with its own windows and call_time_window.day"
            for o in self.occurrences:
                yield self._finding(o, message, hint, None)
            return
        if _at(self.document, destination) is not _MISSING:
            return  # call_time_window.day is set: the windows' own days change nothing (RBV111)
        kept = shapes[0]
        merged = len(kept) != len(windows)
        # Windows repeated once per day become one window per hours (the list rewritten); otherwise only the keys go.
        edits = [Edit(_WINDOWS, kept)] if merged else [Edit(o.pointer, remove=True) for o in self.occurrences]
        if len(named) < len(_ALL_DAYS):
            edits.append(Edit(destination, named))
        fix = self._fix(edits, certain, destination)
        words = (
            f"; it lists {', '.join(named)} in call_time_window.day and keeps {len(kept)} of the {len(windows)} windows" if merged else ""
        )
        for o in self.occurrences:
            yield self._finding(o, self._not_read(), self._hint(fix, destination) + words, fix)

    # -- a value for its own task or window, or for every task -----------------------------------------------------

    def _move(self, occurrence: Unknown, destinations: list[str] | None) -> Iterator[Finding]:
        converted = convert(self.home.convert, occurrence.value)
        if converted is None:
            yield from self._unreadable([None], [occurrence])
            return
        home = self.home.template or self._choice(occurrence)
        if destinations is None:
            yield self._finding(occurrence, self._not_read(converted, occurrence.value, home), self._where_hint(), None)
            return
        edits: list[Edit] = []
        kept = 0  # places holding their own value for it, which wins
        for destination in destinations:
            existing = _at(self.document, destination)
            if existing is _MISSING:
                edits.append(Edit(destination, converted.value))
            elif isinstance(existing, dict) and isinstance(converted.value, dict) and self._merges():
                edits += [Edit(pointer_join(destination, k), v) for k, v in converted.value.items() if k not in existing]
                kept += any(k in existing and not same_value(existing[k], v) for k, v in converted.value.items())
            elif not same_value(existing, converted.value):
                kept += 1
        if not edits:
            return  # every place it would go holds a value already: the key changes nothing (RBV111)
        safe = converted.certain and not kept
        fix = self._fix([Edit(occurrence.pointer, remove=True), *edits], safe, home or destinations[0], creatable_from=destinations)
        fanned = not self.template.startswith("/tasks/*") and (home or "").startswith("/tasks/*/")
        hint = self._hint(fix, home or destinations[0], fanned=fanned, count=len(edits), kept=kept)
        yield self._finding(occurrence, self._not_read(converted, occurrence.value, home), hint, fix)

    def _merges(self) -> bool:
        """Whether the home is an object of free-form members (variables, headers, metadata) merged key by key."""
        schema = self.index.schemas.get(self.home.template or "", {})
        return isinstance(schema.get("additionalProperties"), dict)

    def _destinations(self, occurrence: Unknown) -> list[str] | None:
        """The concrete places the occurrence's value goes; ``None`` when the payload does not say which."""
        template = self.home.template or self._choice(occurrence)
        if template is None:
            return None
        home, written, parent = tokens(template), tokens(self.template), tokens(occurrence.parent)
        bound: list[str] = []
        for i, token in enumerate(home[:-1]):
            if i < len(written) and written[i] == token:
                bound.append(parent[i])
            else:
                rest = home[i:]
                break
        else:
            rest = home[len(bound) :]
        if "*" not in rest:
            return [pointer_join("", *bound, *rest)]
        if bound or rest[:2] != ["tasks", "*"] or "*" in rest[2:] or self.key in _NEVER_FANNED_OUT:
            return None  # into a list that is not the tasks, or a per-recipient field from above
        tasks = self.document.get("tasks")
        if not isinstance(tasks, list):
            return None
        return [pointer_join("", "tasks", str(i), *rest[2:]) for i, task in enumerate(tasks) if isinstance(task, dict)]

    def _choice(self, occurrence: Unknown) -> str | None:
        """Of several homes, the one whose object the payload has near this occurrence (``retell_llm`` or ``conversation_flow``)."""
        present = []
        for template in self.home.choices:
            parent = tokens(occurrence.parent)
            candidate = [parent[i] if t == "*" and i < len(parent) else t for i, t in enumerate(tokens(_parent(template)))]
            if _at(self.document, pointer_join("", *candidate)) is not _MISSING:
                present.append(template)
        return present[0] if len(present) == 1 else None

    def _fits(self, template: str) -> bool:
        """Whether the (converted) values are of a type the home takes: an object at a string's place is something else."""
        schema = self.index.schemas.get(template)
        if not isinstance(schema, dict) or "type" not in schema:
            return True
        allowed = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        for o in self.occurrences:
            converted = convert(self.home.convert, o.value)
            if (
                converted is not None
                and _json_type(converted.value) not in allowed
                and not (_json_type(converted.value) == "integer" and "number" in allowed)
            ):
                return False
        return True

    def _fix(self, edits: Sequence[Edit], safe: bool, home: str, *, creatable_from: Sequence[str] = ()) -> Fix | None:
        for target in creatable_from or [home]:
            if not self._creatable(target):
                return None
        return Fix.of(edits, safe=safe, title=f"move `{self.key}` to {_field(home)}")

    def _creatable(self, pointer: str) -> bool:
        """Whether the objects missing on the way to ``pointer`` may be created with it alone (no other required field)."""
        path = tokens(pointer)
        node: Any = self.document
        place = ""
        for depth, token in enumerate(path[:-1]):
            place = child_place(place, "*" if token.isdigit() and isinstance(node, list) else token)
            child = (
                node[int(token)]
                if isinstance(node, list) and token.isdigit() and int(token) < len(node)
                else (node.get(token, _MISSING) if isinstance(node, dict) else _MISSING)
            )
            if child is _MISSING:
                required = self.index.schemas.get(place, {}).get("required", [])
                if any(name != path[depth + 1] for name in required):
                    return False
                node = {}
            else:
                node = child
        return True

    # -- words ----------------------------------------------------------------------------------------------------------

    def _not_read(self, converted: Converted | None = None, value: Any = _MISSING, home: str | None = None) -> str:
        where = _where(self.template)
        home = home or self.home.template
        if home is None and self.home.choices:
            return f"`{self.key}` is not read {where}: the API reads {' or '.join(_field(c) for c in self.home.choices)}"
        if home is None:
            return f"`{self.key}` is not read {where}: {self.home.note or 'create-batch-call has no such setting'}"
        unit = " (in milliseconds)" if home == "/trigger_timestamp" else ""
        consequence = self.home.note or _CONSEQUENCES.get(home, "this value is dropped")
        read = (
            f"; {preview(value)} reads as {converted.words}" if converted is not None and converted.words and value is not _MISSING else ""
        )
        return f"`{self.key}` is not read {where}: the API reads {_field(home)}{unit}, so {consequence}{read}"

    def _hint(self, fix: Fix | None, home: str, *, fanned: bool = False, count: int = 1, kept: int = 0) -> str:
        if fix is None:
            return self._where_hint()
        where = f"into the {_tasks(count)} that {'has' if count == 1 else 'have'} none" if fanned else f"to {_field(home)}"
        keeping = f"; {_tasks(kept)} {'keeps its' if kept == 1 else 'keep their'} own (task values win)" if kept else ""
        return f"move it {where}; `--fix{'' if fix.safe else ' --unsafe-fixes'}` does it{keeping}"

    def _where_hint(self) -> str:
        if self.home.template is None and self.home.choices:
            return f"move it to {' or '.join(_field(c) for c in self.home.choices)}, whichever your agent's response engine uses"
        if self.home.template == "/call_time_window/timezone":
            return "add call_time_window (windows, and this timezone)"
        return f"move it to {_field(self.home.template or '')} by hand"

    def _unreadable(self, converted: Sequence[Converted | None], occurrences: Sequence[Unknown] | None = None) -> Iterator[Finding]:
        field = _field(self.home.template or "")
        for o, c in zip(occurrences or self.occurrences, converted, strict=False):
            if c is None:
                message = f"{self._not_read()}; {preview(o.value)} cannot be read as a value for it"
                yield self._finding(o, message, f"write it as {field} takes it, there", None)
            else:
                yield self._finding(o, self._not_read(c), f"write it as {field} takes it, there", None)

    def _finding(self, occurrence: Unknown, message: str, hint: str | None, fix: Fix | None) -> Finding:
        return Finding(occurrence.pointer, message, hint, "key", fix)


def _wrap_into_a_task(
    ctx: Context, groups: dict[tuple[str, str], list[Unknown]], homes: dict[tuple[str, str], Home]
) -> dict[tuple[str, str], Finding]:
    """A create-phone-call body sent here (no ``tasks``, task fields at the top level): one task made of them."""
    if "tasks" in ctx.document:
        return {}
    moved = {
        place: home.template
        for place, home in homes.items()
        if place[0] == "" and home.template is not None and home.template.startswith("/tasks/*/") and home.convert is None
    }
    if not any(template == "/tasks/*/to_number" for template in moved.values()):
        return {}
    task: dict[str, Any] = {}
    for (_, key), template in moved.items():
        node = task
        path = tokens(template)[2:]
        for token in path[:-1]:
            node = node.setdefault(token, {})
        node[path[-1]] = ctx.document[key]
    fix = Fix.of(
        [*(Edit(pointer_join("", key), remove=True) for _, key in moved), Edit("/tasks", [task])], safe=True, title="make them one task"
    )
    out = {}
    for (template, key), home_template in moved.items():
        [occurrence] = groups[(template, key)]
        message = (
            f"`{key}` is not read at the top level: the API reads {_field(home_template)}; this body has no `tasks` "
            "(it looks like a create-phone-call body)"
        )
        out[(template, key)] = Finding(occurrence.pointer, message, "put the call in `tasks`: `--fix` makes it one task", "key", fix)
    return out


_ALL_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _at(document: Any, pointer: str) -> Any:
    node = document
    for token in tokens(pointer):
        if isinstance(node, dict):
            node = node.get(token, _MISSING)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return _MISSING
        if node is _MISSING:
            return _MISSING
    return node


def _distinct(values: list[Any]) -> list[Any]:
    out: list[Any] = []
    for value in values:
        if not any(same_value(value, seen) for seen in out):
            out.append(value)
    return out


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {float: "number", str: "string", dict: "object", list: "array"}.get(type(value), "null")


def _field(template: str) -> str:
    """``/tasks/*/override_agent_id`` → ``tasks[].override_agent_id``."""
    return ".".join(tokens(template)).replace(".*", "[]")


def _where(template: str) -> str:
    if not template:
        return "at the top level"
    named = {"/tasks/*": "in a task", f"{_WINDOWS}/*": "in a window", "/call_time_window": "in call_time_window"}
    return named.get(template, f"in {_field(template).removeprefix('tasks[].')}")


def _hours(windows: list[dict[str, Any]]) -> str:
    return ", ".join(f"{_clock(w.get('start'))}–{_clock(w.get('end'))}" for w in windows) or "no window"


def _clock(minutes: Any) -> str:
    return clock(minutes) if isinstance(minutes, int) and not isinstance(minutes, bool) and 0 <= minutes <= DAY else preview(minutes)


def _tasks(count: int) -> str:
    return f"{count:,} task{'s' if count != 1 else ''}"
