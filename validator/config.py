"""Configuration files, ruff-style: ``[tool.retell-validate]`` in ``pyproject.toml`` or ``.retell-validate.toml``.

A file is checked with the configuration nearest to it (walking up from its
directory); ``--config PATH`` applies one file to everything. Run-wide keys
(``fail-on``, ``spec``) come from ``--config`` or the configuration nearest to the
current directory. Command-line options override the file or add to it, as each
option in :mod:`validator.options` says (docs/configuration.md lists them): the keys,
their parsing and their precedence are read from that table, not written here.

Every mistake (unknown key, unknown rule code, wrong type, bad TOML) is a
:class:`ConfigError`, which the CLI reports as a usage error (exit status 2).
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar, cast

from validator.diagnostics import Severity
from validator.files import read_regular
from validator.openapi.load import Spec, SpecError
from validator.openapi.user import load_user_spec
from validator.options import (
    CONFIG,
    EXCLUDE,
    EXTEND_SELECT,
    FAIL_ON,
    IGNORE,
    ISOLATED,
    KEYED,
    OPTIONS,
    PER_FILE_IGNORES,
    SELECT,
    SPEC,
    Invalid,
    Merge,
    Option,
    options_of,
)
from validator.settings import Settings
from validator.spelling import did_you_mean

T = TypeVar("T")

CONFIG_FILES = (".retell-validate.toml", "pyproject.toml")  # first found in a directory wins
TOOL_TABLE = "retell-validate"
KEYS = tuple(option.key for option in KEYED if option.key is not None)
MAX_CONFIG_BYTES = 1024 * 1024  # a configuration is a few lines; more is a mistake (or /dev/zero)
_SETTINGS = options_of(Settings)  # what a file's settings are made of
_GIVEN = {option.name: option for option in OPTIONS if option.flags}  # what a command line can set


class ConfigError(ValueError):
    """A configuration file (or option value) that cannot be used as written."""


class Overrides:
    """What the command line set: ``Overrides(select=..., now=...)``, by option name; ``None`` or absent means "as configured"."""

    __slots__ = ("_values",)

    def __init__(self, **given: object) -> None:
        values: dict[str, Any] = {}
        for name, raw in given.items():
            if name not in _GIVEN:
                raise TypeError(f"Overrides() has no option {name!r} (options: {', '.join(_GIVEN)})")
            if raw is not None:
                values[name] = _GIVEN[name].value(raw)
        self._values = MappingProxyType(values)

    def get(self, option: Option[T]) -> T | None:
        value: T | None = self._values.get(option.name)
        return value

    def __repr__(self) -> str:
        return f"Overrides({', '.join(f'{name}={value!r}' for name, value in self._values.items())})"


@dataclass(frozen=True)
class Config:
    """One configuration file, parsed and checked: option name → value. ``root`` anchors the globs it holds."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    values: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def get(self, option: Option[T]) -> T | None:
        """What this file says for ``option``; ``None`` when it does not say."""
        value: T | None = self.values.get(option.name)
        return value

    @property
    def spec(self) -> Path | None:
        """An OpenAPI document to check against (run-wide, like fail-on), relative to the file's folder."""
        return self.get(SPEC)

    def value(self, option: Option[T], overrides: Overrides | None = None) -> T:
        """The command line's value over this file's (``Merge.REPLACE``) or added to it (``Merge.EXTEND``); else the default.

        An empty value counts as unset: ``select = []`` selects the default, not nothing.
        """
        given = overrides.get(option) if overrides is not None else None
        configured = self.get(option)
        if option.merge is Merge.EXTEND:
            return _joined(configured if configured is not None else option.default, given)
        return next((value for value in (given, configured) if value), option.default)

    def settings_for(self, file: Path | None, overrides: Overrides | None = None) -> Settings:
        """The settings a file is checked with: this file's keys, then the command line on top."""
        values: dict[str, Any] = {option.name: self.value(option, overrides) for option in _SETTINGS}
        values[SELECT.name] |= self.value(EXTEND_SELECT, overrides)
        if file is not None:
            values[IGNORE.name] |= self._per_file_codes(file)
        return Settings(**values)

    def fail_threshold(self, overrides: Overrides | None = None) -> Severity:
        return self.value(FAIL_ON, overrides)

    def excludes(self, file: Path, overrides: Overrides | None = None) -> bool:
        return any(self._matches(pattern, file) for pattern in self.value(EXCLUDE, overrides))

    def _per_file_codes(self, file: Path) -> frozenset[str]:
        codes: set[str] = set()
        for pattern, ignored in self.get(PER_FILE_IGNORES) or ():
            if self._matches(pattern, file):
                codes |= ignored
        return frozenset(codes)

    def _matches(self, pattern: str, file: Path) -> bool:
        return path_matches(pattern, file, self.root)


def _joined(configured: T, given: T | None) -> T:
    """A list the command line adds to: codes (a set) or globs (in order)."""
    if not given:
        return configured
    if isinstance(configured, frozenset) and isinstance(given, frozenset):
        return cast(T, configured | given)
    if isinstance(configured, tuple) and isinstance(given, tuple):
        return cast(T, (*configured, *given))
    raise TypeError(f"cannot add {given!r} to {configured!r}")


def path_matches(pattern: str, file: Path, root: Path) -> bool:
    """fnmatch against the path relative to ``root`` (``*`` crosses ``/``); a pattern without ``/`` also matches any part.

    A trailing ``/`` is dropped, so ``drafts/`` names the folder.
    """
    absolute = file.absolute()
    try:
        relative = absolute.relative_to(root.absolute()).as_posix()
    except ValueError:
        relative = absolute.as_posix()
    pattern = pattern.removeprefix("./").rstrip("/")
    if fnmatch.fnmatch(relative, pattern):
        return True
    return "/" not in pattern and any(fnmatch.fnmatch(part, pattern) for part in Path(relative).parts)


def find_config(start: Path) -> Path | None:
    """The nearest configuration file in ``start`` or its parents (a pyproject.toml counts only with our table).

    The search stops at the repository root (a directory holding ``.git``), as ruff's and git's do:
    a file planted above a checkout must not silence its rules.
    """
    directory = start.absolute()
    if not directory.is_dir():
        directory = directory.parent
    for candidate_dir in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = candidate_dir / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if (candidate_dir / ".git").exists():
            return None
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    """A configuration file parsed; read through :func:`read_regular`, so a FIFO or device is refused, not waited on."""
    return tomllib.loads(read_regular(path, MAX_CONFIG_BYTES).decode("utf-8"))


def _tool_table(document: dict[str, Any]) -> Any:
    """``[tool.retell-validate]``, or None; ``tool`` may be anything in a hand-written pyproject.toml."""
    tool = document.get("tool")
    return tool.get(TOOL_TABLE) if isinstance(tool, dict) else None


def load_config(path: Path) -> Config:
    """Read and check one configuration file."""
    try:
        document = _read_toml(path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        found = _tool_table(document)
        table = {} if found is None else found
        where, header = f"{path} [tool.{TOOL_TABLE}]", f"tool.{TOOL_TABLE}"
    else:
        table, where, header = document, str(path), ""
        if isinstance(_tool_table(document), dict):
            raise ConfigError(
                f"{where}: holds its keys at the top level, without the [tool.{TOOL_TABLE}] header (that header is for pyproject.toml)"
            )
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    _stray_keys(table, where, header)
    return _parse_table(table, where, path)


def _stray_keys(table: dict[str, Any], where: str, header: str) -> None:
    """A key of ours written after a sub-table's header (``[tool.retell-validate.per-file-ignores]``) lands in that table."""
    for name, value in table.items():
        stray = [key for key in value if key in KEYS] if isinstance(value, dict) else []
        if stray:
            sub = f"{header}.{name}" if header else name
            home = f"[{header}]" if header else "the top level"
            raise ConfigError(
                f"{where}: {stray[0]!r} is in the table [{sub}], not in {home}: TOML puts every key written after a "
                f"[{sub}] header into that table; move {stray[0]!r} above that header"
            )


def load_settings(path: str | Path, file: str | Path | None = None) -> Settings:
    """The settings a configuration file gives (a ``.retell-validate.toml``, or ``[tool.retell-validate]`` in a
    ``pyproject.toml``), as ``check --config PATH`` reads it; ``file``: the payload they are for, whose
    ``per-file-ignores`` then apply (globs relative to the configuration's folder). A file that cannot be
    used raises :class:`ConfigError` (a ``ValueError``) naming it and the key.

    The run-wide keys (``fail-on``, ``spec``, ``exclude``) are no settings: read them with :func:`load_config`.
    """
    return load_config(Path(path)).settings_for(None if file is None else Path(file))


def settings_from(table: Mapping[str, Any], file: str | Path | None = None) -> Settings:
    """The settings a configuration table gives, keys as in a ``.retell-validate.toml``
    (``{"ignore": ["outside-legal-hours"], "calling-hours": "09:00-20:00"}``): checked like a file, so an
    unknown key or a bad value raises :class:`ConfigError` naming it. Globs are relative to the current directory.
    """
    if not isinstance(table, Mapping):
        raise TypeError(f"settings_from() takes a mapping of configuration keys, not {type(table).__name__}")
    where = "settings_from()"
    copied = dict(table)
    _stray_keys(copied, where, "")
    return _parse_table(copied, where, Path.cwd() / CONFIG_FILES[0]).settings_for(None if file is None else Path(file))


class ConfigFinder:
    """Resolves the configuration for each checked file, reading each file once.

    ``explicit``: one file for everything (``--config``); ``isolated``: no file at all, the defaults (``--isolated``).
    """

    def __init__(self, explicit: Path | None = None, *, isolated: bool = False) -> None:
        if isolated and explicit is not None:
            raise ConfigError(f"{explicit}: a configuration file and isolated (no configuration file) exclude each other")
        self._explicit = load_config(explicit) if explicit is not None else Config() if isolated else None
        self._found: dict[Path, Path | None] = {}  # directory → its nearest file: a walk per directory, not per file
        self._loaded: dict[Path, Config] = {}

    @classmethod
    def given(cls, overrides: Overrides) -> ConfigFinder:
        """As the command line says: ``--config FILE``, ``--isolated`` (not both: a usage error), else the nearest files."""
        explicit = overrides.get(CONFIG)
        isolated = overrides.get(ISOLATED) is True
        if explicit is not None and isolated:
            raise ConfigError(f"--config {explicit} and --isolated exclude each other: --isolated reads no configuration file")
        return cls(explicit, isolated=isolated)

    def for_path(self, target: Path) -> Config:
        """``--config`` (or ``--isolated``'s defaults) if given, else the nearest configuration file, else the defaults."""
        if self._explicit is not None:
            return self._explicit
        directory = target.absolute() if target.is_dir() else target.absolute().parent
        if directory not in self._found:
            self._found[directory] = find_config(directory)
        found = self._found[directory]
        if found is None:
            return Config()
        if found not in self._loaded:
            self._loaded[found] = load_config(found)
        return self._loaded[found]


def _has_tool_table(path: Path) -> bool:
    """Our table is there; a broken pyproject.toml counts when it mentions us, so its error is shown."""
    try:
        info = path.stat()
    except OSError:
        return False
    # Asked for every file the language server re-checks: a pyproject.toml is parsed again only when it changed.
    return _has_tool_table_as_of(path, info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=256)
def _has_tool_table_as_of(path: Path, mtime_ns: int, size: int) -> bool:
    try:
        text = read_regular(path, MAX_CONFIG_BYTES).decode("utf-8")
        return _tool_table(tomllib.loads(text)) is not None
    except (OSError, UnicodeDecodeError):
        return False
    except tomllib.TOMLDecodeError:
        return f"tool.{TOOL_TABLE}" in text


def _parse_table(table: dict[str, Any], where: str, path: Path) -> Config:
    for key in table:
        if key not in KEYS:
            guess = did_you_mean(key.replace("_", "-"), KEYS)
            suggestion = f"; did you mean {guess!r}?" if guess else f" (known keys: {', '.join(KEYS)})"
            raise ConfigError(f"{where}: unknown key {key!r}{suggestion}")
    root = path.parent.absolute()
    values: dict[str, Any] = {}
    for option in KEYED:
        if option.key in table:
            try:
                parsed = option.kind.parse(table[option.key])
            except Invalid as exc:
                raise ConfigError(f"{where}: {option.key}: {'' if exc.at is None else f'{exc.at!r}: '}{exc}") from None
            values[option.name] = option.kind.relative_to(parsed, root)
    return Config(path, root, MappingProxyType(values))


def configured_spec(config: Config) -> Spec:
    """The configuration's ``spec`` (validated like ``--spec``), else the bundled spec; SpecError names the configuration.

    The one reading of ``spec`` for every entry point: check, spec, split, hours, the language server, the SDK guard.
    """
    if config.spec is None:
        return load_user_spec(None)
    try:
        return load_user_spec(config.spec)
    except SpecError as exc:
        raise SpecError(f"{config.path}: spec: {exc}") from None
