"""Every option, declared once: name, type, default, parser, command-line flags and help, configuration key, precedence, documentation.

Generated from :data:`OPTIONS`:

* :class:`validator.settings.Settings`: each field is ``OPTION.field()``, so its default and its
  validation come from here (and mypy checks the field's type against the option's);
* :mod:`validator.config`: the keys a configuration file may hold, how each is parsed, and how
  the command line combines with it;
* :mod:`validator.cli.options`: the click options, the same on every command that reads a configuration;
* ``docs/configuration.md`` (the key table) and ``docs/configuration.schema.json``
  (``python -m validator.cli.configdoc``).

This module holds data and the value parsers, one per kind of value (:class:`Kind`); it imports
only the diagnostics model. Rule codes are checked against :data:`RULE_CODES`, which the rule
registry (a layer above) provides.
"""

from __future__ import annotations

import dataclasses
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from validator.diagnostics import Severity
from validator.spelling import did_you_mean

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

CALL_PURPOSES = (
    "solicitation",
    "informational",
    "debt-collection",
    "charitable",
    "poll",
)  # the first is the default: the conservative reading
DEFAULT_CALLING_HOURS = (8 * 60, 21 * 60)  # 08:00-21:00 at the called party's location (TCPA)
DEFAULT_HORIZON_DAYS = 14  # how far ahead of the batch's start the calling-time law is checked
MAX_HORIZON_DAYS = 366


class Invalid(ValueError):
    """A value an option cannot take. ``str()`` reads "<value> <problem>"; ``at`` is the table key it sits under, if any."""

    def __init__(self, value: object, problem: str, at: str | None = None) -> None:
        self.value, self.problem, self.at = value, problem, at
        super().__init__(f"{quoted_value(value)} {problem}")

    def under(self, at: str) -> Invalid:
        """The same problem, found under the key ``at`` of a table (a severity under its code, codes under their glob)."""
        return Invalid(self.value, self.problem, at)


def quoted_value(value: object) -> str:
    """A value as a message quotes it: its repr, cut to 40 characters."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


# -- the rule codes settings may name ------------------------------------------------------------------


class RuleCodes:
    """The codes and names of every rule, for reading ``select``, ``ignore``, ``severity`` and suppression comments.

    The registry sits above this layer, so it provides them (:meth:`provide`, when it is imported,
    which ``import validator`` does); they are read when a code is first checked.
    """

    def __init__(self) -> None:
        self._source: Callable[[], Iterable[tuple[str, str]]] | None = None

    def provide(self, source: Callable[[], Iterable[tuple[str, str]]]) -> None:
        """``source()``: ``(code, name)`` of every rule."""
        self._source = source

    def _rules(self) -> Iterable[tuple[str, str]]:
        if self._source is None:
            raise RuntimeError("rule codes are not known yet: import validator before checking settings")
        return self._source()

    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self._rules())

    def names(self) -> Mapping[str, str]:
        """A rule's name → its code (``outside-legal-hours`` → ``RBV705``)."""
        return _names(tuple(self._rules()))

    def resolve(self, candidates: Iterable[str]) -> list[str]:
        """Each candidate as a code or prefix: ``ALL``, ``RBV`` and digits that begin a rule's code, or a rule's name
        (any case, ``_`` for ``-``), which stands for its code. Anything else is :class:`Invalid`, with a guess."""
        resolved = []
        for word in candidates:
            upper = word.strip().upper()
            if upper == "ALL":
                resolved.append(upper)
                continue
            codes = self.codes()
            if _CODE_WORD.fullmatch(upper) and upper in _prefixes(codes):
                resolved.append(upper)
                continue
            names = self.names()
            named = names.get(word.strip().lower().replace("_", "-"))
            if named is None:
                raise Invalid(word, f"is not a rule code, prefix or name{self.suggestion(word)} ({_ACCEPTED})")
            resolved.append(named)
        return resolved

    def suggestion(self, word: str) -> str:
        """``; did you mean 'RBV705'?`` for a mistyped code, prefix or name (``RBV7O5``, ``outside-legal-hour``), else nothing."""
        upper = word.strip().upper()
        if upper.startswith("RBV"):
            guess = did_you_mean(upper, [p for p in _prefixes(self.codes()) if len(p) == len(upper)])  # a typo, not a shorter prefix
            return f"; did you mean {guess!r}?" if guess else ""
        names = self.names()
        guess = did_you_mean(word.strip().lower().replace("_", "-"), names)
        return f"; did you mean {guess!r} ({names[guess]})?" if guess else ""


_CODE_WORD = re.compile(r"RBV[0-9]*")
_ACCEPTED = "ALL, RBV and digits that begin a code, or a rule's name: see `retell-validate rules`"


@lru_cache(maxsize=4)
def _prefixes(codes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(code[:end] for code in codes for end in range(len("RBV"), len(code) + 1))


@lru_cache(maxsize=4)
def _names(rules: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    return MappingProxyType({name: code for code, name in rules})


RULE_CODES = RuleCodes()


class RegionCodes:
    """The regions whose numbering plans are known, for checking ``region``.

    The phone-number knowledge sits above this layer, so it provides them (:meth:`provide`, when it
    is imported, which ``import validator`` does); they are read when a region is first checked.
    """

    def __init__(self) -> None:
        self._source: Callable[[], Iterable[str]] | None = None

    def provide(self, source: Callable[[], Iterable[str]]) -> None:
        self._source = source

    def known(self) -> frozenset[str]:
        if self._source is None:
            raise RuntimeError("regions are not known yet: import validator before checking settings")
        return frozenset(self._source())


REGION_CODES = RegionCodes()


# -- kinds of values: one parser each ----------------------------------------------------------------------


class Kind(ABC, Generic[T_co]):
    """A kind of value: how a configuration or command-line value becomes it, how a library value does, how it is described.

    ``parse`` takes what TOML and the command line give (strings; a list or tuple of strings for
    repeatable options); ``coerce`` takes what a Python caller gives, which may also be the value
    itself (a frozenset, a tuple of minutes, a datetime). Both raise :class:`Invalid`.
    """

    noun = ""  # the "type" column of docs/configuration.md
    metavar = "VALUE"  # on the command line
    multiple = False  # the command-line flag is repeatable
    flag = False  # the command-line flag takes no value (on when given)
    listing = ""  # how a repeatable flag's values are written, for its help
    choices: tuple[str, ...] = ()  # a closed list of words

    @abstractmethod
    def parse(self, value: object) -> T_co: ...

    def coerce(self, value: object) -> T_co:
        return self.parse(value)

    @abstractmethod
    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the value as a configuration file holds it."""

    def to_json(self, value: Any) -> Any:
        """A value (a default) as a configuration file would write it."""
        return value

    def relative_to(self, value: Any, folder: Path) -> Any:
        """A parsed value read from a configuration file in ``folder`` (paths there are relative to it)."""
        return value


def _strings(value: object, problem: str) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        raise Invalid(value, problem)
    return list(value)


def _anycase(word: str) -> str:
    """A regular expression for ``word`` in any case (JSON Schema patterns have no flags)."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


_CODE = f"(?:{_anycase('ALL')}|{_anycase('RBV')}[0-9]*)"


def _entry() -> str:
    """A code or prefix, or a rule's name as ``retell-validate rules`` writes it (the reader also takes any case and ``_``)."""
    return f"(?:{_CODE}|{'|'.join(sorted(map(re.escape, RULE_CODES.names())))})"


class Codes(Kind[frozenset[str]]):
    """Rule codes or prefixes (``RBV1``, ``RBV102``, ``ALL``) or rule names (``outside-legal-hours``), in any case,
    listed or comma-separated. A name stands for its rule's code."""

    noun = "list of codes/prefixes/names"
    metavar = "CODES"
    multiple = True
    listing = "comma-separated, repeatable"

    def parse(self, value: object) -> frozenset[str]:
        items = _strings(value, 'is not a list of rule codes or names (strings), such as ["RBV1", "outside-legal-hours"]')
        words = sorted({part.strip() for item in items for part in item.split(",") if part.strip()})
        return frozenset(RULE_CODES.resolve(words))

    def coerce(self, value: object) -> frozenset[str]:
        """Also one string, as on the command line (``"RBV705"``, ``"RBV1,RBV2"``), and any collection of strings."""
        if isinstance(value, str):
            return self.parse([value])
        if isinstance(value, Iterable) and not isinstance(value, bytes | Mapping):
            return self.parse(list(value))
        return self.parse(value)

    def schema(self) -> dict[str, Any]:
        entry = _entry()
        return {"type": "array", "items": {"type": "string", "pattern": rf"^\s*{entry}(?:\s*,\s*{entry})*\s*$"}}

    def to_json(self, value: Any) -> Any:
        return sorted(value)


class Choice(Kind[T_co]):
    """One word of a closed list, in any case; ``values`` maps each word to the value it stands for."""

    metavar = "WORD"

    def __init__(self, values: Mapping[str, T_co], what: str) -> None:
        self.values, self.what = values, what  # what: "a severity", for messages
        self.choices = tuple(values)
        self.noun = "/".join(f'`"{word}"`' for word in self.choices)

    def parse(self, value: object) -> T_co:
        if isinstance(value, str) and value.lower() in self.values:
            return self.values[value.lower()]
        guess = did_you_mean(value, self.choices) if isinstance(value, str) else None
        suggestion = f"; did you mean {guess!r}?" if guess else ""
        raise Invalid(value, f"is not {self.what}{suggestion} (use {_or(self.choices)})")

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [{"enum": list(self.choices)}, {"type": "string", "pattern": f"^(?:{'|'.join(map(_anycase, self.choices))})$"}]}

    def to_json(self, value: Any) -> Any:
        return next(word for word, meant in self.values.items() if meant == value)


def _or(words: Iterable[str]) -> str:
    quoted = [repr(word) for word in words]
    return ", ".join(quoted[:-1]) + f" or {quoted[-1]}" if len(quoted) > 1 else quoted[0]


class SeverityTable(Kind[Mapping[str, Severity]]):
    """Code or prefix → severity. A Python caller gets it resolved per code, a longer prefix winning (``coerce``)."""

    noun = 'table: code/prefix/name → `"error"`/`"warning"`/`"info"`'

    def parse(self, value: object) -> Mapping[str, Severity]:
        if not isinstance(value, Mapping):
            raise Invalid(value, 'is not a table of code = "error"|"warning"|"info", such as {RBV111 = "error"}')
        for code in value:
            if not isinstance(code, str):
                raise Invalid(code, "is not a rule code (a string)")
        table: dict[str, Severity] = {}
        for code, level in value.items():
            [resolved] = RULE_CODES.resolve([code])
            try:
                table[resolved] = SEVERITY.parse(level)
            except Invalid as exc:
                raise exc.under(code) from None
        return MappingProxyType(table)

    def coerce(self, value: object) -> Mapping[str, Severity]:
        table = self.parse(value)
        if not table:
            return table
        codes = RULE_CODES.codes()
        exact = set(codes)
        resolved: dict[str, Severity] = {}
        for prefix in sorted(table, key=len):  # a longer prefix is applied later: it wins
            matching = [prefix] if prefix in exact else [code for code in codes if prefix == "ALL" or code.startswith(prefix)]
            resolved.update(dict.fromkeys(matching, table[prefix]))
        return MappingProxyType(resolved)

    def schema(self) -> dict[str, Any]:
        return {"type": "object", "propertyNames": {"pattern": f"^{_entry()}$"}, "additionalProperties": SEVERITY.schema()}

    def to_json(self, value: Any) -> Any:
        return {code: str(level) for code, level in value.items()}


_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def time_of_day(text: str) -> int | None:
    """``"HH:MM"`` → minutes after local midnight (``24:00`` is 1440); ``None`` when not a time of day.

    The one reader of that notation: ``calling-hours``, the CSV ``--window`` option, the calling-time law table.
    """
    match = _TIME.match(text)
    if match is None or int(match[2]) > 59 or int(match[1]) * 60 + int(match[2]) > 1440:
        return None
    return int(match[1]) * 60 + int(match[2])


def time_range(text: str) -> tuple[int, int] | None:
    """``"HH:MM-HH:MM"`` → two :func:`time_of_day` minutes; ``None`` when not two times of day."""
    start, sep, end = text.partition("-")
    low, high = time_of_day(start), time_of_day(end) if sep else None
    return (low, high) if low is not None and high is not None else None


def clock_time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class Hours(Kind[tuple[int, int]]):
    """``"HH:MM-HH:MM"``, start before end, up to ``24:00`` → minutes after local midnight, ``(480, 1260)``."""

    noun = '`"HH:MM-HH:MM"`'
    metavar = "HH:MM-HH:MM"

    def parse(self, value: object) -> tuple[int, int]:
        hours = time_range(value) if isinstance(value, str) else None
        if hours is None or hours[0] >= hours[1]:
            raise Invalid(value, 'is not a range of local times such as "08:00-21:00" (start before end, up to 24:00)')
        return hours

    def coerce(self, value: object) -> tuple[int, int]:
        """Also two minutes after midnight, ``(480, 1260)``."""
        if isinstance(value, tuple | list) and len(value) == 2 and all(type(m) is int and 0 <= m <= 1440 for m in value):
            if value[0] < value[1]:
                return (value[0], value[1])
            raise Invalid(value, "is not a range of local times: the start must come before the end")
        return self.parse(value)

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^\s*[0-9]{1,2}:[0-9]{2}\s*-\s*[0-9]{1,2}:[0-9]{2}\s*$"}

    def to_json(self, value: Any) -> Any:
        return f"{clock_time(value[0])}-{clock_time(value[1])}"


_MOMENT = "is not a moment: use ISO 8601 (2026-01-01T09:00:00Z) or epoch milliseconds within years 1-9999"


def parse_now(value: datetime | int | str) -> datetime:
    """The clock's moment from a datetime (naive means UTC), epoch milliseconds, or ISO 8601 text (``Z`` or an offset).

    The one parser of ``now``: ``--now``, the ``now`` configuration key and the library's ``now=``.
    Raises :class:`Invalid`, which names the value but not the option: the caller knows which it is.
    """
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    raw = str(value).strip()
    try:
        if raw.isascii() and raw.lstrip("-").isdigit():
            return datetime.fromtimestamp(int(raw) / 1000, tz=UTC)
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
    except (ValueError, OverflowError, OSError):  # OverflowError/OSError: epoch milliseconds past year 9999
        raise Invalid(value, _MOMENT) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class Clock(Kind[datetime]):
    """The moment a run treats as now: see :func:`parse_now`."""

    noun = "ISO 8601 string, TOML datetime or epoch milliseconds"
    metavar = "ISO8601|EPOCH_MS"

    def parse(self, value: object) -> datetime:
        if isinstance(value, datetime | int | str) and not isinstance(value, bool):
            return parse_now(value)
        raise Invalid(value, _MOMENT)

    def schema(self) -> dict[str, Any]:
        return {"type": ["string", "integer"]}  # a TOML datetime reads as a string where TOML becomes JSON


class Count(Kind[int]):
    """A whole number from ``low`` to ``high``."""

    metavar = "N"

    def __init__(self, low: int, high: int, unit: str) -> None:
        self.low, self.high, self.unit = low, high, unit
        self.noun = f"integer {low}–{high}"

    def parse(self, value: object) -> int:
        if type(value) is not int or not self.low <= value <= self.high:
            raise Invalid(value, f"is not a whole number of {self.unit} from {self.low} to {self.high}")
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.low, "maximum": self.high}


class Region(Kind[str]):
    """An ISO 3166 alpha-2 region with a numbering plan (``US``, ``GB``, ``de``), upper-cased."""

    noun = "ISO 3166 alpha-2 code"
    metavar = "CC"

    def parse(self, value: object) -> str:
        code = value.strip().upper() if isinstance(value, str) else None
        if code is None or not re.fullmatch(r"[A-Z]{2}", code):
            raise Invalid(value, 'is not a region: use a two-letter ISO 3166 code such as "US", "GB" or "DE"')
        known = REGION_CODES.known()
        if code not in known:
            guess = "GB" if code == "UK" else did_you_mean(code, sorted(known))  # the one code people get wrong
            raise Invalid(
                value, "is not a region with a numbering plan" + (f"; did you mean {guess!r}?" if guess else "") + " (ISO 3166 alpha-2)"
            )
        return code

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^[A-Za-z]{2}$"}


class Globs(Kind[tuple[str, ...]]):
    """Globs over paths relative to the configuration file's folder (see ``config.path_matches``)."""

    noun = "list of globs"
    metavar = "GLOB"
    multiple = True
    listing = "repeatable"

    def parse(self, value: object) -> tuple[str, ...]:
        return tuple(_strings(value, 'is not a list of globs (strings), such as ["drafts/", "*.example.json"]'))

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string"}}

    def to_json(self, value: Any) -> Any:
        return list(value)


class PerFileCodes(Kind[tuple[tuple[str, frozenset[str]], ...]]):
    """Glob → rule codes or prefixes."""

    noun = "table: glob → list of codes/prefixes"

    def parse(self, value: object) -> tuple[tuple[str, frozenset[str]], ...]:
        if not isinstance(value, Mapping):
            raise Invalid(value, 'is not a table of glob = [codes], such as {"legacy/*.json" = ["RBV111"]}')
        parsed = []
        for glob, codes in value.items():
            try:
                parsed.append((glob, CODES.parse(codes)))
            except Invalid as exc:
                raise exc.under(glob) from None
        return tuple(parsed)

    def schema(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": CODES.schema()}

    def to_json(self, value: Any) -> Any:
        return {glob: sorted(codes) for glob, codes in value}


class PathKind(Kind[Path]):
    """A file (a folder with ``folder=True``); in a configuration file, relative to its folder."""

    def __init__(self, *, folder: bool = False) -> None:
        self.folder = folder
        self.noun = "path to a folder" if folder else "path"
        self.metavar = "DIR" if folder else "PATH"

    def parse(self, value: object) -> Path:
        if not isinstance(value, str) or not value.strip():
            raise Invalid(value, f"is not a path (a non-empty string{' naming a folder' if self.folder else ''})")
        return Path(value)

    def coerce(self, value: object) -> Path:
        return value if isinstance(value, Path) else self.parse(value)

    def relative_to(self, value: Any, folder: Path) -> Any:
        return folder / value

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1}

    def to_json(self, value: Any) -> Any:
        return str(value)


class Paths(Kind[tuple[Path, ...]]):
    """Files; in a configuration file, relative to its folder."""

    noun = "list of paths"
    metavar = "PATH"
    multiple = True
    listing = "repeatable"

    def parse(self, value: object) -> tuple[Path, ...]:
        items = _strings(value, 'is not a list of paths (strings), such as ["lists/ftc.dnc"]')
        if not all(item.strip() for item in items):
            raise Invalid(value, "holds an empty path")
        return tuple(Path(item) for item in items)

    def coerce(self, value: object) -> tuple[Path, ...]:
        """Also one path, and paths rather than strings."""
        items = [value] if isinstance(value, str | Path) else value
        if isinstance(items, list | tuple):
            items = [str(item) if isinstance(item, Path) else item for item in items]
        return self.parse(items)

    def relative_to(self, value: Any, folder: Path) -> Any:
        return tuple(folder / path for path in value)

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string", "minLength": 1}}

    def to_json(self, value: Any) -> Any:
        return [str(path) for path in value]


class Text(Kind[str]):
    """A non-empty string, taken as written."""

    noun = "string"
    metavar = "TEXT"

    def __init__(self, example: str) -> None:
        self.example = example

    def parse(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Invalid(value, f'is not a non-empty string, such as "{self.example}"')
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1}


class Columns(Kind[tuple[str, ...]]):
    """Names of columns (or dynamic variables), compared without case, spaces or punctuation (``ZIP Code`` is ``zipcode``)."""

    noun = "list of column names"
    metavar = "NAME"
    multiple = True
    listing = "comma-separated, repeatable"

    def parse(self, value: object) -> tuple[str, ...]:
        items = _strings(value, 'is not a list of column names (strings), such as ["state", "zip"]')
        names = tuple(dict.fromkeys(column_key(part) for item in items for part in item.split(",") if column_key(part)))
        if not names:
            raise Invalid(value, "names no column")
        return names

    def coerce(self, value: object) -> tuple[str, ...]:
        return self.parse([value] if isinstance(value, str) else list(value) if isinstance(value, tuple | list) else value)

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}

    def to_json(self, value: Any) -> Any:
        return list(value)


def column_key(name: str) -> str:
    """How a column name is compared: lower case, letters and digits only (``Postal_Code`` → ``postalcode``)."""
    return "".join(char for char in name.casefold() if char.isalnum())


class Flag(Kind[bool]):
    """On or off: a command-line switch."""

    noun = "boolean"
    metavar = ""
    flag = True

    def parse(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise Invalid(value, "is not true or false")
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


CODES = Codes()
SEVERITY = Choice({level.value: level for level in Severity}, "a severity")


# -- the options ----------------------------------------------------------------------------------------------


class Scope(StrEnum):
    """Which configuration file a key comes from."""

    FILE = "per file"  # the configuration nearest each checked file (or --config)
    RUN = "run-wide"  # --config, or the configuration nearest the current directory


class Merge(StrEnum):
    """What the command-line flag does to the configuration's value."""

    REPLACE = "replaces"
    EXTEND = "adds to"


@dataclasses.dataclass(frozen=True)
class Option(Generic[T]):
    """One option. ``key``: in a configuration file (``None``: command line only); ``flags``: on the command line (``()``: file only).

    ``doc`` is its line in docs/configuration.md and the schema; ``help`` its command-line help
    (the default is appended); ``unset`` says what a ``None`` default means.
    """

    name: str
    kind: Kind[T]
    default: T
    doc: str
    key: str | None
    flags: tuple[str, ...] = ()
    help: str = ""
    scope: Scope = Scope.FILE
    merge: Merge = Merge.REPLACE
    unset: str = ""

    def value(self, raw: object) -> T:
        """A library argument as this option's value; a ``ValueError`` names the argument (``now='junk' is not a moment…``)."""
        if raw is None and self.default is None:
            return self.default
        try:
            return self.kind.coerce(raw)
        except Invalid as exc:
            raise ValueError(f"{self.name}{'' if exc.at is None else f'[{exc.at!r}]'}={exc}") from None

    def field(self) -> T:
        """A dataclass field with this option's default, validated by :meth:`value` (see :class:`validator.settings.Settings`)."""
        return dataclasses.field(default_factory=lambda: self.default, metadata={OPTION: self})

    def shown_default(self) -> str:
        """The default as documentation shows it."""
        if self.default is None:
            return self.unset
        return _toml(self.kind.to_json(self.default))


OPTION = "option"  # the metadata key of a field declared by Option.field()


def _toml(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key} = {_toml(item)}" for key, item in value.items()) + "}" if value else "{}"
    return str(value)


SELECT = Option(
    "select",
    CODES,
    frozenset({"ALL"}),
    'rules to run (`"ALL"`, `"RBV1"` = the schema family, `"RBV201"`); an empty list means the default.',
    key="select",
    flags=("--select",),
    help="Only these rule codes or prefixes; ALL for every rule.",
)
EXTEND_SELECT = Option(
    "extend_select",
    CODES,
    frozenset[str](),
    "added to `select` (handy when `select` comes from elsewhere).",
    key="extend-select",
    flags=("--extend-select",),
    help="Add these rule codes or prefixes to the selection.",
    merge=Merge.EXTEND,
)
IGNORE = Option(
    "ignore",
    CODES,
    frozenset[str](),
    "rules not to run.",
    key="ignore",
    flags=("--ignore",),
    help="Skip these rule codes or prefixes.",
    merge=Merge.EXTEND,
)
PER_FILE_IGNORES = Option(
    "per_file_ignores",
    PerFileCodes(),
    (),
    "rules not to run for matching files (added to `ignore`).",
    key="per-file-ignores",
)
SEVERITY_OVERRIDES = Option(
    "severity",
    SeverityTable(),
    MappingProxyType({}),
    "change a rule's severity; a longer prefix wins over a shorter one.",
    key="severity",
)
FAIL_ON = Option(
    "fail_on",
    SEVERITY,
    Severity.ERROR,
    "lowest severity that makes the exit status 1.",
    key="fail-on",
    flags=("--fail-on",),
    help="Lowest severity that makes the exit status 1.",
    scope=Scope.RUN,
)
CALLING_HOURS = Option(
    "calling_hours",
    Hours(),
    DEFAULT_CALLING_HOURS,
    "allowed local calling hours for the calling-hours rules (RBV701), start before end, up to `24:00`.",
    key="calling-hours",
    flags=("--calling-hours",),
    help="Allowed local calling hours at the called party's location.",
)
CALL_PURPOSE = Option(
    "call_purpose",
    Choice({purpose: purpose for purpose in CALL_PURPOSES}, "a call purpose"),
    CALL_PURPOSES[0],
    "what the calls are, for the calling-time law ([calling-hours.md](calling-hours.md#purpose-call-purpose)): an entry "
    "of the law applies only to the purposes its scope names; the policy hours (RBV701) apply whatever the purpose. "
    "The default is the conservative reading.",
    key="call-purpose",
    flags=("--call-purpose",),
    help="What the calls are, for the calling-time law: each law applies only to the purposes it names.",
)
HORIZON_DAYS = Option(
    "horizon_days",
    Count(1, MAX_HORIZON_DAYS, "days"),
    DEFAULT_HORIZON_DAYS,
    "how many days from the batch's start (`trigger_timestamp`, else now) the calling-time law is checked, and `split` narrows windows for.",
    key="horizon-days",
)
REGION = Option[str | None](
    "region",
    Region(),
    None,
    "the country national phone numbers are written in (ISO 3166 alpha-2: `US`, `GB`, `DE`): `(404) 504-8120` is read "
    "as +14045048120 in `US`, `020 7946 0018` as +442079460018 in `GB`. Contact-list cells and `to_number` values "
    "written that way are reported with their E.164 form, and `--fix` writes it ([csv.md](csv.md#national-numbers)).",
    key="region",
    flags=("--region",),
    help="Read phone numbers written nationally as numbers of this country (ISO 3166 alpha-2, e.g. US, GB).",
    unset="the country of from_number (--from-number), else US",
)
SHEET = Option[str | None](
    "sheet",
    Text("Contacts"),
    None,
    "the sheet of an `.xlsx` workbook that holds the contact list ([csv.md](csv.md#spreadsheets-xlsx)).",
    key="sheet",
    flags=("--sheet",),
    help="XLSX: the sheet that holds the contact list.",
    unset="the first sheet",
)
LOCATION_COLUMNS = Option(
    "location_columns",
    Columns(),
    ("state", "province", "stateprovince", "zip", "zipcode", "postalcode", "postcode"),
    "columns of a contact list (dynamic variables of a payload's tasks) that say where the person lives: a US state or "
    "Canadian province (name or postal abbreviation), a ZIP code or a Canadian postal code. The law of that place applies "
    "in addition to the place the number points to ([calling-hours.md](calling-hours.md#where-the-person-lives)); "
    "names are compared without case, spaces or punctuation.",
    key="location-columns",
    flags=("--location-column",),
    help="A column that says where the person lives (state, province, ZIP or postal code).",
)
NOW = Option[datetime | None](
    "now",
    Clock(),
    None,
    'the moment treated as "now" (reproducible runs).',
    key="now",
    flags=("--now",),
    help="Treat this moment as now.",
    unset="the real clock",
)
EXCLUDE = Option(
    "exclude",
    Globs(),
    (),
    "files not to check, even when named on the command line (so a pre-commit hook honours it).",
    key="exclude",
    flags=("--exclude",),
    help="Skip files matching this glob.",
    merge=Merge.EXTEND,
)
SPEC = Option[Path | None](
    "spec",
    PathKind(),
    None,
    "check against this OpenAPI document (e.g. one `retell-validate spec fetch` wrote) instead of the bundled one; "
    "relative to the configuration file's folder. `check`, `schema`, `spec info`, `split`, `hours`, the language server "
    "and `validator.retell.guard` read it. See [spec.md](spec.md).",
    key="spec",
    flags=("--spec",),
    help="Check against this OpenAPI document (e.g. a newer Retell spec).",
    scope=Scope.RUN,
    unset="the bundled spec",
)
DNC = Option(
    "dnc",
    Paths(),
    (),
    "do-not-call indexes built with `retell-validate dnc index`, relative to the configuration file's folder: "
    "`check`, `split`, the language server and the library screen tasks against them (RBV9xx). See [dnc.md](dnc.md).",
    key="dnc",
    flags=("--dnc",),
    help="Screen the tasks against this do-not-call index (built with `retell-validate dnc index`).",
    merge=Merge.EXTEND,
)
DNC_EXEMPTION_KEY = Option[str | None](
    "dnc_exemption_key",
    Text("dnc_exemption"),
    None,
    'the task `metadata` key that may claim a do-not-call exemption (`"ebr"`, `"consent"`, …; see [dnc.md](dnc.md)).',
    key="dnc-exemption-key",
    unset="none: no claim is honoured",
)
AGENTS = Option[Path | None](
    "agents",
    PathKind(folder=True),
    None,
    "a folder of agents pulled with `retell-validate agent pull`: each task's dynamic variables are checked against the "
    "`{{placeholders}}` of the agent it will run (RBV605–RBV610); relative to the configuration file's folder. `check`, "
    "`split`, `hours`, `convert`, the language server and `validator.retell.guard` read it. See [agents.md](agents.md).",
    key="agents",
    flags=("--agents",),
    help="Check each task's dynamic variables against the agents pulled into this folder (retell-validate agent pull).",
    unset="none: the agents are not checked",
)
CONFIG = Option[Path | None](
    "config",
    PathKind(),
    None,
    "the configuration file for every input.",
    key=None,
    flags=("--config",),
    help="Use this configuration file for every input.",
    scope=Scope.RUN,
    unset="the nearest .retell-validate.toml, or pyproject.toml with [tool.retell-validate]",
)

ISOLATED = Option(
    "isolated",
    Flag(),
    False,
    "ignore every configuration file: the defaults and the command line only.",
    key=None,
    flags=("--isolated",),
    help="Ignore every configuration file (.retell-validate.toml, pyproject.toml): the defaults and the command line only.",
    scope=Scope.RUN,
)

OPTIONS: tuple[Option[Any], ...] = (
    SELECT,
    IGNORE,
    EXTEND_SELECT,
    PER_FILE_IGNORES,
    SEVERITY_OVERRIDES,
    FAIL_ON,
    CALLING_HOURS,
    CALL_PURPOSE,
    HORIZON_DAYS,
    REGION,
    SHEET,
    LOCATION_COLUMNS,
    NOW,
    EXCLUDE,
    SPEC,
    DNC,
    DNC_EXEMPTION_KEY,
    AGENTS,
    CONFIG,
    ISOLATED,
)
KEYED = tuple(option for option in OPTIONS if option.key is not None)  # what a configuration file may hold, in the docs' order


def options_of(cls: type) -> tuple[Option[Any], ...]:
    """The options a dataclass's fields were declared with (``OPTION.field()``); each field must be named after its option."""
    found = []
    for declared in dataclasses.fields(cls):
        option = declared.metadata.get(OPTION)
        if not isinstance(option, Option) or option.name != declared.name:
            raise TypeError(
                f"{cls.__name__}.{declared.name} must be declared as {declared.name.upper()}.field(), an option of the same name"
            )
        found.append(option)
    return tuple(found)
