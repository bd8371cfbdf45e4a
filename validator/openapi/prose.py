"""Constraints the spec states only in words, read from its descriptions.

The OpenAPI schema says ``voice_temperature`` is a number; its description adds
"Value ranging from [0,2]". This module scans every description in the request
schema for such sentences and turns them into constraints keyed by where the
field sits in a payload, so rules check what the spec says rather than numbers
copied into code. tests/openapi/test_prose.py pins the exact set found: a change of
wording in a new spec version shows up there instead of silently dropping a check.

Locations are document paths from the payload root, ``*`` standing for every
item of a list: ``("tasks", "*", "agent_override", "agent", "volume")``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from validator.openapi.load import Schema, Spec, per_spec
from validator.openapi.tools import enum_values

Location = tuple[str, ...]

_NUMBER = r"-?\d[\d,]*(?:\.\d+)?"
_RANGE = re.compile(rf"(?:Value ranging from|Valid range is)\s*\[\s*({_NUMBER})\s*,\s*({_NUMBER})\s*\]", re.I)
_BETWEEN = re.compile(rf"Must be between ({_NUMBER}) and ({_NUMBER})", re.I)
_MINIMUM = re.compile(rf"minimum value allowed is ({_NUMBER})", re.I)
_MAXIMUM = re.compile(rf"maximum value allowed is ({_NUMBER})", re.I)
_POSITIVE = re.compile(r"Must be a positive (number|integer)", re.I)
_NON_NEGATIVE = re.compile(r"Must be a non[- ]negative (number|integer)", re.I)
_PER_PROVIDER = re.compile(rf"Minimum is ((?:{_NUMBER} for \w+(?:,\s*(?:and\s+)?)?)+)", re.I)
_PROVIDER_VALUE = re.compile(rf"({_NUMBER}) for (\w+)")
_ONLY_WHEN = re.compile(r"Only (?:applicable|used) when (\w+) is (?:set to )?(\w+)", re.I)
# "If required is true, this is ignored" (said of the ignored field).
_IGNORED_IF = re.compile(r"If (\w+) is (true|false), this is ignored", re.I)
# "If false, any DTMF input will be ignored" (said of `allow_X`: the `X_*` settings need it the other way).
_OFF_IGNORES = re.compile(r"If (true|false), any [\w ]+ input will be ignored", re.I)
# What a boolean is when unset: "If true or unset, …", "Default to true.", "the default value is false".
_UNSET_MEANS = re.compile(r"If (true|false) or unset|Defaults? to (true|false)\b|default value (?:is |of )?(true|false)\b", re.I)
_WHEN_SET_REQUIRES = re.compile(r"When set to (\w+), (\w+) must be provided", re.I)
_NOT_BOTH = re.compile(r"Can only set this or (\w+), not both", re.I)
_SUPPORTED_FOR = re.compile(r"supported for ([A-Z][\w ,]*?) TTS providers", re.I)
# A count or a version: "The maximum number of digits …", "Version of the … Response Engine."
_COUNT = re.compile(r"\bnumber of \w+|^Version of\b", re.I)
_KEY_RANGE = re.compile(r"\((\w)-(\w)\)")
_KEY_SINGLE = re.compile(r"\(([^\w\s()])\)")
_SENTENCE_END = re.compile(r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<=[.!?])\s+(?=[A-Z`])")  # "(e.g. America/…)" goes on


@dataclass(frozen=True)
class Range:
    """A numeric bound stated in prose. ``implied``: derived from the unit, not stated as a range."""

    location: Location
    low: float | None = None
    high: float | None = None
    low_exclusive: bool = False
    integer: bool = False
    implied: bool = False
    text: str = field(default="", compare=False)

    def admits(self, value: float) -> bool:
        if self.low is not None and (value <= self.low if self.low_exclusive else value < self.low):
            return False
        if self.high is not None and value > self.high:
            return False
        return not (self.integer and value != int(value))

    def interval(self) -> str:
        """``[0, 2]``, ``≥ 10000``, ``> 0``, ``≤ 5000``."""
        if self.low is not None and self.high is not None:
            return f"[{_show(self.low)}, {_show(self.high)}]"
        if self.low is not None:
            return f"{'>' if self.low_exclusive else '≥'} {_show(self.low)}"
        return f"≤ {_show(self.high)}" if self.high is not None else "any"

    def describe(self) -> str:
        """``from 0 to 2``, ``at least 10000``, ``greater than 0``, ``a non-negative integer``."""
        noun = "integer " if self.integer else ""
        if self.low is not None and self.high is not None:
            return f"{'an integer ' if noun else ''}from {_show(self.low)} to {_show(self.high)}"
        if self.low is not None:
            if self.low == 0:
                return f"a {'positive' if self.low_exclusive else 'non-negative'} {noun or 'number '}".rstrip()
            return f"{'greater than' if self.low_exclusive else 'at least'} {_show(self.low)}"
        if self.high is not None:
            return f"at most {_show(self.high)}"
        return f"an {noun}".rstrip()


@dataclass(frozen=True)
class ProviderMinimum:
    """ "Minimum is 100 for Azure, 10 for Deepgram": the minimum depends on the sibling ``selector``."""

    location: Location
    selector: str
    minimums: tuple[tuple[str, float], ...]
    text: str = field(default="", compare=False)


@dataclass(frozen=True)
class Prerequisite:
    """ "Only applicable when ``needs`` is ``value``": the setting at ``location`` needs a sibling set so.

    ``unset``: what the spec says ``needs`` is when not set (``None`` when it says nothing).
    ``stated_at``: the field whose description says so, when not the setting's own
    ("If false, any DTMF input will be ignored" is said of ``allow_user_dtmf``).
    """

    location: Location
    needs: str
    value: Any
    text: str = field(default="", compare=False)
    unset: Any = field(default=None, compare=False)
    stated_at: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Requirement:
    """ "When set to ``value``, ``required`` must be provided" (said of the field at ``location``)."""

    location: Location
    value: Any
    required: str
    text: str = field(default="", compare=False)


@dataclass(frozen=True)
class Exclusion:
    """ "Can only set this or ``other``, not both"."""

    location: Location
    other: str
    text: str = field(default="", compare=False)


@dataclass(frozen=True)
class KeySet:
    """ "Acceptable values include any digit (0-9), … (#), or … (*)": single characters allowed."""

    location: Location
    keys: str
    text: str = field(default="", compare=False)


@dataclass(frozen=True)
class SupportedProviders:
    """ "Currently supported for Cartesia and Minimax TTS providers" (names lower-cased)."""

    location: Location
    providers: tuple[str, ...]
    text: str = field(default="", compare=False)


@dataclass(frozen=True)
class Prose:
    """Everything the descriptions state, and the ranges left to check once the schema's own are removed."""

    ranges: tuple[Range, ...]
    unchecked_by_schema: tuple[Range, ...]
    provider_minimums: tuple[ProviderMinimum, ...]
    prerequisites: tuple[Prerequisite, ...]
    requirements: tuple[Requirement, ...]
    exclusions: tuple[Exclusion, ...]
    key_sets: tuple[KeySet, ...]
    supported_providers: tuple[SupportedProviders, ...]
    counts: tuple[Range, ...] = ()  # whole non-negative numbers the schema types only as "number"


@per_spec
def prose_constraints(spec: Spec) -> Prose:
    """The constraints in ``spec``'s request-schema descriptions; computed once per loaded spec."""
    return _extract(spec.request_schema)


@per_spec
def schema_nodes(spec: Spec) -> dict[Location, tuple[Schema, ...]]:
    """Every request-schema node by the document location it describes (a field and its oneOf/anyOf/allOf branches)."""
    places: dict[Location, _Place] = {}
    _walk(spec.request_schema, (), None, places)
    return {location: tuple(place.nodes) for location, place in places.items()}


@dataclass
class _Place:
    """All schema nodes found at one location (a field and its oneOf/anyOf/allOf branches)."""

    nodes: list[Schema] = field(default_factory=list)
    parents: list[Schema] = field(default_factory=list)

    def descriptions(self) -> list[str]:
        seen: dict[str, None] = {}
        for node in self.nodes:
            text = node.get("description")
            if isinstance(text, str):
                seen.setdefault(" ".join(text.split()), None)
        return list(seen)

    def sibling(self, name: str) -> Schema | None:
        for parent in self.parents:
            found = parent.get("properties", {}).get(name)
            if isinstance(found, dict):
                return found
        return None


def _walk(node: Schema, location: Location, parent: Schema | None, places: dict[Location, _Place]) -> None:
    place = places.setdefault(location, _Place())
    place.nodes.append(node)
    if parent is not None and all(p is not parent for p in place.parents):
        place.parents.append(parent)
    for name, sub in node.get("properties", {}).items():
        if isinstance(sub, dict):
            _walk(sub, (*location, name), node, places)
    items = node.get("items")
    if isinstance(items, dict):
        _walk(items, (*location, "*"), None, places)
    for key in ("oneOf", "anyOf", "allOf"):
        for sub in node.get(key, []):
            if isinstance(sub, dict):
                _walk(sub, location, parent, places)


def _extract(schema: Schema) -> Prose:
    places: dict[Location, _Place] = {}
    _walk(schema, (), None, places)
    ranges: list[Range] = []
    unchecked: list[Range] = []
    found: dict[str, list[Any]] = {
        name: [] for name in ("minimums", "prerequisites", "requirements", "exclusions", "keys", "providers", "counts")
    }
    for location, place in places.items():
        for text in place.descriptions():
            found["minimums"].extend(_provider_minimums(location, text, place))
            found["prerequisites"].extend(_prerequisites(location, text, place))
            found["requirements"].extend(_requirements(location, text, place))
            found["exclusions"].extend(_exclusions(location, text, place))
            found["keys"].extend(_key_sets(location, text))
            found["providers"].extend(_supported(location, text))
        found["counts"].extend(_counts(location, place))
        stated = _range(location, place.descriptions(), has_provider_minimum=any(m.location == location for m in found["minimums"]))
        if stated is not None:
            ranges.append(stated)
            left = _without_schema_bounds(stated, place.nodes)
            if left is not None:
                unchecked.append(left)
    return Prose(
        ranges=tuple(ranges),
        unchecked_by_schema=tuple(unchecked),
        provider_minimums=tuple(dict.fromkeys(found["minimums"])),
        prerequisites=tuple(dict.fromkeys(found["prerequisites"])),
        requirements=tuple(dict.fromkeys(found["requirements"])),
        exclusions=tuple(dict.fromkeys(found["exclusions"])),
        key_sets=tuple(dict.fromkeys(found["keys"])),
        supported_providers=tuple(dict.fromkeys(found["providers"])),
        counts=tuple(found["counts"]),
    )


def _range(location: Location, descriptions: list[str], *, has_provider_minimum: bool) -> Range | None:
    """One range per field, merging every bound its description states."""
    bounds: dict[str, Any] = {}
    quoted: list[str] = []
    for text in descriptions:
        for sentence in sentences(text):
            stated = _bounds_in(sentence)
            if stated:
                bounds.update(stated)
                quoted.append(sentence)
    if bounds:
        return Range(location, text=" ".join(quoted), **bounds)
    if has_provider_minimum:
        return None
    return _implied_by_unit(location, descriptions)


def _bounds_in(sentence: str) -> dict[str, Any]:
    bounds: dict[str, Any] = {}
    pair = _RANGE.search(sentence) or _BETWEEN.search(sentence)
    if pair:
        bounds.update(low=_number(pair.group(1)), high=_number(pair.group(2)))
    if minimum := _MINIMUM.search(sentence):
        bounds["low"] = _number(minimum.group(1))
    if maximum := _MAXIMUM.search(sentence):
        bounds["high"] = _number(maximum.group(1))
    if positive := _POSITIVE.search(sentence):
        bounds.update(low=0, low_exclusive=True, integer=positive.group(1).lower() == "integer")
    if non_negative := _NON_NEGATIVE.search(sentence):
        bounds.update(low=0, integer=non_negative.group(1).lower() == "integer")
    return bounds


def _implied_by_unit(location: Location, descriptions: list[str]) -> Range | None:
    """A duration "in milliseconds" cannot be negative; a timeout or expiration of 0 is no time at all."""
    for text in descriptions:
        for sentence in sentences(text):
            if "milliseconds" in sentence and "timestamp" not in sentence.lower():
                positive = re.search(r"\b(timeout|expiration)\b", sentence, re.I) is not None
                return Range(location, low=0, low_exclusive=positive, implied=True, text=sentence)
    return None


def _without_schema_bounds(stated: Range, nodes: list[Schema]) -> Range | None:
    """The part of a prose range the schema does not already enforce (None when nothing is left)."""
    keywords: set[str] = set()
    for node in nodes:
        keywords.update(k for k in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum") if k in node)
        kind = node.get("type")
        if kind == "integer" or (isinstance(kind, list) and "integer" in kind):
            keywords.add("integer")
    left = stated
    if keywords & {"minimum", "exclusiveMinimum"}:
        left = replace(left, low=None, low_exclusive=False)
    if keywords & {"maximum", "exclusiveMaximum"}:
        left = replace(left, high=None)
    if "integer" in keywords:
        left = replace(left, integer=False)
    if left.low is None and left.high is None and not left.integer:
        return None
    return left


def _counts(location: Location, place: _Place) -> Iterator[Range]:
    """A field typed "number" whose description calls it a number of things or a version: a whole number ≥ 0.

    The lower bound is left to the schema when it states one (``digit_limit`` has ``minimum: 1``).
    """
    kinds: set[str] = set()
    for node in place.nodes:
        kind = node.get("type")
        kinds.update([kind] if isinstance(kind, str) else kind if isinstance(kind, list) else [])
    if "number" not in kinds or "integer" in kinds:
        return
    for text in place.descriptions():
        sentence = next((s for s in sentences(text) if _COUNT.search(s)), None)
        if sentence is not None:
            bounded = any(k in node for node in place.nodes for k in ("minimum", "exclusiveMinimum"))
            yield Range(location, low=None if bounded else 0, integer=True, implied=True, text=sentence)
            return


def _provider_minimums(location: Location, text: str, place: _Place) -> Iterator[ProviderMinimum]:
    for match in _PER_PROVIDER.finditer(text):
        minimums = tuple((name.lower(), _number(value)) for value, name in _PROVIDER_VALUE.findall(match.group(1)))
        names = {name for name, _ in minimums}
        selector = next((s for s in _sibling_names(place) if names <= set(enum_values(place.sibling(s) or {}))), None)
        if selector is not None:
            yield ProviderMinimum(location, selector, minimums, _sentence_with(text, match.group(0)))


def _prerequisites(location: Location, text: str, place: _Place) -> Iterator[Prerequisite]:
    for match in _ONLY_WHEN.finditer(text):
        name, raw = match.group(1), match.group(2)
        sibling = place.sibling(name)
        if sibling is not None and name != location[-1]:
            yield Prerequisite(location, name, _literal(raw, sibling), _sentence_with(text, match.group(0)), _unset(sibling))
    for match in _IGNORED_IF.finditer(text):
        name, raw = match.group(1), match.group(2)
        sibling = place.sibling(name)
        if sibling is not None and _is_boolean(sibling) and name != location[-1]:
            needed = raw.lower() != "true"  # ignored when it is `raw`: it applies only the other way
            yield Prerequisite(location, name, needed, _sentence_with(text, match.group(0)), _unset(sibling))
    for match in _OFF_IGNORES.finditer(text):
        stem = location[-1].removeprefix("allow_") + "_"
        node = place.nodes[0] if place.nodes else {}
        if location[-1].startswith("allow_") and _is_boolean(node):
            needed = match.group(1).lower() != "true"
            for name in _sibling_names(place):
                if name.startswith(stem):
                    sentence = _sentence_with(text, match.group(0))
                    yield Prerequisite((*location[:-1], name), location[-1], needed, sentence, _unset(node), location)


def _unset(schema: Schema) -> Any:
    """The boolean a field's description says it has when unset, else ``None``."""
    text = schema.get("description")
    found = _UNSET_MEANS.search(text) if isinstance(text, str) and _is_boolean(schema) else None
    if found is None:
        return None
    return next(g for g in found.groups() if g).lower() == "true"


def _is_boolean(schema: Schema) -> bool:
    kinds = schema.get("type")
    return kinds == "boolean" or (isinstance(kinds, list) and "boolean" in kinds)


def _requirements(location: Location, text: str, place: _Place) -> Iterator[Requirement]:
    for match in _WHEN_SET_REQUIRES.finditer(text):
        raw, required = match.group(1), match.group(2)
        node = place.nodes[0] if place.nodes else {}
        if place.sibling(required) is not None:
            yield Requirement(location, _literal(raw, node), required, _sentence_with(text, match.group(0)))


def _exclusions(location: Location, text: str, place: _Place) -> Iterator[Exclusion]:
    for match in _NOT_BOTH.finditer(text):
        if place.sibling(match.group(1)) is not None:
            yield Exclusion(location, match.group(1), _sentence_with(text, match.group(0)))


def _key_sets(location: Location, text: str) -> Iterator[KeySet]:
    marker = text.find("Acceptable values include")
    if marker < 0:
        return
    tail = text[marker:]
    keys: list[str] = []
    for first, last in _KEY_RANGE.findall(tail):
        keys.extend(chr(c) for c in range(ord(first), ord(last) + 1))
    keys.extend(_KEY_SINGLE.findall(tail))
    if keys:
        yield KeySet(location, "".join(keys), _sentence_with(text, "Acceptable values include"))


def _supported(location: Location, text: str) -> Iterator[SupportedProviders]:
    for match in _SUPPORTED_FOR.finditer(text):
        names = [n.strip().lower() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group(1)) if n.strip()]
        yield SupportedProviders(location, tuple(names), _sentence_with(text, match.group(0)))


def _sibling_names(place: _Place) -> list[str]:
    return [name for parent in place.parents for name in parent.get("properties", {})]


def _literal(raw: str, schema: Schema) -> Any:
    """``true``/``false`` as booleans for boolean fields; otherwise the word as written."""
    if raw.lower() in ("true", "false") and _is_boolean(schema):
        return raw.lower() == "true"
    return raw


def sentences(text: str) -> list[str]:
    """A description split into sentences."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _sentence_with(text: str, fragment: str) -> str:
    return next((s for s in sentences(text) if fragment in s), fragment)


def _number(text: str) -> float:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def default_zone(spec: Spec) -> str | None:
    """The zone the spec's prose says applies when ``call_time_window.timezone`` is omitted ("Defaults to … if omitted")."""
    schema = spec.component_schemas.get("CallTimeWindow", {})
    prose = schema.get("properties", {}).get("timezone", {}).get("description", "")
    match = re.search(r"Defaults to (\S+?) if omitted", prose if isinstance(prose, str) else "")
    return match.group(1) if match else None
