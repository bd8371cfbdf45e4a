"""Where a batch's recipients are: tasks grouped by the place and the zones their number tells, and where they live.

Most numbers are decided by their first digits (an area code, or an exchange in the
few area codes split between zones or places), so grouping costs one lookup per such
head, not per task. The calling-hours and calling-law rules, ``split`` and ``hours``
all start from :func:`groups`.

A task whose dynamic variables hold one of the ``location-columns`` (``state``, ``zip``,
``postal code`` …: a contact list's columns) says where the person lives. People keep
their numbers when they move, so that place counts **in addition** to the number's: its
law applies too (:func:`validator.calling.law.governing`) and its zones join the number's,
so every clock the person may be on is checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from validator.context import Context, per_document
from validator.diagnostics import Members
from validator.knowledge.addresses import place_of_address
from validator.knowledge.locations import Location, location_of_e164, zones_of
from validator.knowledge.locations import deciding_length as place_deciding_length
from validator.knowledge.recipient_zones import RecipientZones, zones_for
from validator.knowledge.recipient_zones import deciding_length as zones_deciding_length
from validator.options import column_key


@dataclass(slots=True)
class Recipients:
    """The tasks whose numbers share one set of candidate zones: how many, the first one's pointer, and their groups."""

    count: int
    index: int
    pointer: str
    number: str
    groups: list[Group] = field(default_factory=list)


@dataclass(slots=True)
class Group:
    """Tasks whose numbers share a place and candidate zones: how many, the first one, and where they are in ``ctx.tasks``."""

    location: Location | None  # ``None``: the number cannot be parsed
    zones: RecipientZones
    count: int
    index: int
    pointer: str
    number: str
    indexes: list[int]
    lives: Location | None = None  # where the task's location column says the person lives
    number_zones: RecipientZones | None = None  # the number's own zones, when ``zones`` adds those of where the person lives

    @property
    def places(self) -> tuple[Location, ...]:
        """The places whose law governs the group: the number's, and where the person lives."""
        return tuple(dict.fromkeys(place for place in (self.location, self.lives) if place is not None))


GroupKey = tuple[Location | None, RecipientZones, Location | None]  # the number's place, the zones, where the person lives


@per_document  # the calling-hours and calling-law rules, and split, ask for the same document in a row
def groups(ctx: Context) -> dict[GroupKey, Group]:
    """Tasks grouped by place, zones and home; numbers that are not E.164 are left out (RBV2xx reports them)."""
    found: dict[GroupKey, Group] = {}
    # Most numbers are decided by their first digits (an area code, or an exchange in the few area codes
    # split between zones or places): one lookup per such head, not per task.
    lengths: dict[str, int] = {}  # first 4 digits → how many decide both (0: look each number up)
    keys: dict[str, tuple[Location | None, RecipientZones]] = {}  # "+" and the digits that decide → the key
    by_area: dict[str, Group] = {}  # "+" and 4 digits that decide → their group: the usual case, one lookup a task
    homes = _Homes(ctx.settings.location_columns)
    for index, (pointer, task) in enumerate(ctx.tasks):
        number = task.get("to_number")
        if not isinstance(number, str) or not is_e164(number):
            continue
        variables = task.get("retell_llm_dynamic_variables")
        # Tasks mostly share their variables' names: when those hold no location column, nothing to look up.
        lives = homes.of(variables) if type(variables) is dict and (homes.columns or variables.keys() != homes.names) else None
        group = by_area.get(number[:5]) if lives is None else None
        if group is None:
            key = _key(number, lengths, keys)
            if lives is key[0]:  # living where the number rings: nothing to add
                lives = None
            full = (key[0], _with_home(key[1], lives), lives)
            group = found.get(full)
            if group is None:
                group = found[full] = Group(key[0], full[1], 0, index, f"{pointer}/to_number", number, [], lives, key[1])
            if lengths[number[1:5]] == 4 and key[0] is not None and lives is None:
                by_area[number[:5]] = group
        group.count += 1
        group.indexes.append(index)
    return found


def numbers(ctx: Context, groups: Iterable[Group]) -> Members:
    """The ``to_number`` pointers of these groups' tasks, in task order: a grouped finding's members."""
    chosen = list(groups)

    def spell() -> Iterable[str]:
        tasks = ctx.tasks
        return (f"{tasks[index][0]}/to_number" for index in sorted(i for group in chosen for i in group.indexes))

    return Members(sum(group.count for group in chosen), spell)


class _Homes:
    """Where a task's location columns say the person lives; the columns found once per set of variable names."""

    def __init__(self, columns: tuple[str, ...]) -> None:
        self._wanted = {name: rank for rank, name in enumerate(columns)}
        self.names: Any = ()  # the last variable names seen (a keys view: compared in C)
        self.columns: tuple[str, ...] = ()  # which of them are location columns, in the option's order

    def of(self, variables: dict[str, Any]) -> Location | None:
        names = variables.keys()
        if names != self.names:
            ranked = sorted((self._wanted[key], str(name)) for name in names if (key := column_key(str(name))) in self._wanted)
            self.names, self.columns = names, tuple(name for _, name in ranked)
        for name in self.columns:  # the first column that names a place
            value = variables.get(name)
            place = place_of_address(value) if isinstance(value, str) else None
            if place is not None:
                return place
        return None


# (the number's zones, where the person lives) → both places' zones; process-wide: both are interned values
# (one instance each, compared by identity), so this holds a pure function of a bounded set of pairs.
_HOMED: dict[tuple[RecipientZones, Location], RecipientZones] = {}


def _with_home(zones: RecipientZones, lives: Location | None) -> RecipientZones:
    """The number's zones and those of the place the person lives (one instance per pair: zones compare by identity)."""
    if lives is None:
        return zones
    known = _HOMED.get((zones, lives))
    if known is None:
        extra = zones_of(lives.country, lives.subdivision)
        merged = tuple(dict.fromkeys((*zones.zones, *extra))) if zones.zones else extra
        known = _HOMED[(zones, lives)] = zones if merged == zones.zones else RecipientZones(merged, False)
    return known


def is_e164(text: str) -> bool:
    """``E164_PATTERN.fullmatch(text)`` without the regex engine: at 100,000 tasks the pattern costs more than the grouping."""
    digits = text[1:]
    return 2 <= len(digits) <= 15 and text[0] == "+" and digits[0] != "0" and digits.isascii() and digits.isdigit()


def _key(
    number: str, lengths: dict[str, int], by_head: dict[str, tuple[Location | None, RecipientZones]]
) -> tuple[Location | None, RecipientZones]:
    """A number's (place, zones), from its head's entry when the head decides, and kept for the next number of that head."""
    length = lengths.get(number[1:5])
    if length is None:
        length = lengths[number[1:5]] = _deciding(number[1:5]) if len(number) > 5 else 0
    key = by_head.get(number[: length + 1]) if length else None
    if key is None:
        zones = zones_for(number)
        assert zones is not None  # E.164
        key = (location_of_e164(number), zones)
        if length and key[0] is not None:  # an invalid number's answer is not its head's
            by_head[number[: length + 1]] = key
    return key


def _deciding(head: str) -> int:
    """Leading digits that decide both zones and place of numbers starting with ``head``; 0 when some number's type decides."""
    zones, place = zones_deciding_length(head), place_deciding_length(head)
    return 0 if zones is None or place is None else max(zones, place)


@per_document
def recipients(ctx: Context) -> dict[RecipientZones, Recipients]:
    """Tasks grouped by the zones their E.164 ``to_number`` may be in (other spellings are RBV2xx findings)."""
    by_zones: dict[RecipientZones, Recipients] = {}
    for group in groups(ctx).values():
        known = by_zones.get(group.zones)
        if known is None:
            by_zones[group.zones] = Recipients(group.count, group.index, group.pointer, group.number, [group])
        else:
            known.count += group.count
            known.groups.append(group)
            if group.index < known.index:
                known.index, known.pointer, known.number = group.index, group.pointer, group.number
    return dict(sorted(by_zones.items(), key=lambda item: item[1].index))  # in the order of each group's first task
