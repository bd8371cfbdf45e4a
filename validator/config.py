"""Configuration files, ruff-style: ``[tool.retell-validate]`` in ``pyproject.toml`` or ``.retell-validate.toml``.

A file is checked with the configuration nearest to it (walking up from its
directory); ``--config PATH`` applies one file to everything. Run-wide keys
(``fail-on``, ``spec``) come from ``--config`` or the configuration nearest to the
current directory. Command-line options override the file: see
docs/configuration.md for the precedence of each key.

Every mistake (unknown key, unknown rule code, wrong type, bad TOML) is a
:class:`ConfigError`, which the CLI reports as a usage error (exit status 2).
"""

from __future__ import annotations

import dataclasses
import fnmatch
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from validator.diagnostics import Severity
from validator.engine.registry import all_rules
from validator.files import read_regular
from validator.openapi.load import Spec, SpecError
from validator.openapi.tools import did_you_mean
from validator.openapi.user import load_user_spec
from validator.settings import CALL_PURPOSES, DEFAULT_CALLING_HOURS, DEFAULT_HORIZON_DAYS, Settings, parse_now, time_range

CONFIG_FILES = (".retell-validate.toml", "pyproject.toml")  # first found in a directory wins
TOOL_TABLE = "retell-validate"
KEYS = (
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "severity",
    "fail-on",
    "calling-hours",
    "call-purpose",
    "horizon-days",
    "now",
    "exclude",
    "spec",
)
MAX_CONFIG_BYTES = 1024 * 1024  # a configuration is a few lines; more is a mistake (or /dev/zero)
MAX_HORIZON_DAYS = 366


class ConfigError(ValueError):
    """A configuration file (or option value) that cannot be used as written."""


@dataclass(frozen=True)
class Overrides:
    """What the command line sets; ``None`` or empty means "as configured"."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    extend_select: frozenset[str] = frozenset()
    fail_on: Severity | None = None
    calling_hours: tuple[int, int] | None = None
    call_purpose: str | None = None
    now: datetime | None = None
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """One configuration file, parsed and checked. ``root`` anchors the globs it holds."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    extend_select: frozenset[str] = frozenset()
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    fail_on: Severity | None = None
    calling_hours: tuple[int, int] | None = None
    call_purpose: str | None = None
    horizon_days: int | None = None
    now: datetime | None = None
    exclude: tuple[str, ...] = ()
    spec: Path | None = None  # an OpenAPI document to check against (run-wide, like fail-on), relative to the file's folder

    def settings_for(self, file: Path | None, overrides: Overrides = Overrides()) -> Settings:
        """The settings a file is checked with: this file's keys, then the command line on top."""
        select = overrides.select if overrides.select is not None else (self.select or frozenset({"ALL"}))
        ignore = self.ignore | overrides.ignore
        if file is not None:
            ignore |= self._per_file_codes(file)
        return Settings(
            select=select | self.extend_select | overrides.extend_select,
            ignore=ignore,
            severity=self.severity,
            now=overrides.now or self.now,
            calling_hours=overrides.calling_hours or self.calling_hours or DEFAULT_CALLING_HOURS,
            call_purpose=overrides.call_purpose or self.call_purpose or CALL_PURPOSES[0],
            horizon_days=self.horizon_days or DEFAULT_HORIZON_DAYS,
        )

    def fail_threshold(self, overrides: Overrides = Overrides()) -> Severity:
        return overrides.fail_on or self.fail_on or Severity.ERROR

    def excludes(self, file: Path, overrides: Overrides = Overrides()) -> bool:
        return any(self._matches(pattern, file) for pattern in (*self.exclude, *overrides.exclude))

    def _per_file_codes(self, file: Path) -> frozenset[str]:
        codes: set[str] = set()
        for pattern, ignored in self.per_file_ignores:
            if self._matches(pattern, file):
                codes |= ignored
        return frozenset(codes)

    def _matches(self, pattern: str, file: Path) -> bool:
        return path_matches(pattern, file, self.root)


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


def parse_codes(values: Iterable[str], where: str) -> frozenset[str]:
    """Rule codes or prefixes (``RBV1``, ``RBV102``, ``ALL``), comma-separated or listed; unknown ones are errors."""
    codes = {part.strip().upper() for value in values for part in value.split(",") if part.strip()}
    known = [rule.code for rule in all_rules()]
    for code in sorted(codes):
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise ConfigError(f"{where}: unknown rule code or prefix {code!r} (see `retell-validate rules`)")
    return frozenset(codes)


def parse_calling_hours(text: str, where: str) -> tuple[int, int]:
    """``"08:00-21:00"`` → minutes after local midnight, ``(480, 1260)``."""
    hours = time_range(text)
    if hours is not None and hours[0] < hours[1]:
        return hours
    raise ConfigError(f'{where}: {text!r} is not a range of local times such as "08:00-21:00" (start before end, up to 24:00)')


def parse_call_purpose(text: str, where: str) -> str:
    """``solicitation`` (the default: sales and marketing calls) or ``informational``."""
    if text not in CALL_PURPOSES:
        raise ConfigError(f"{where}: {text!r} is not a call purpose: use {' or '.join(repr(p) for p in CALL_PURPOSES)}")
    return text


def _horizon(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_HORIZON_DAYS:
        raise ConfigError(f"{where}: expected a whole number of days from 1 to {MAX_HORIZON_DAYS}, found {value!r}")
    return value


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
        where = f"{path} [tool.{TOOL_TABLE}]"
    else:
        table, where = document, str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    return _parse_table(table, where, path)


class ConfigFinder:
    """Resolves the configuration for each checked file, reading each file once."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = load_config(explicit) if explicit is not None else None
        self._found: dict[Path, Path | None] = {}  # directory → its nearest file: a walk per directory, not per file
        self._loaded: dict[Path, Config] = {}

    def for_path(self, target: Path) -> Config:
        """``--config`` if given, else the nearest configuration file, else the defaults."""
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
    values: dict[str, Any] = {"path": path, "root": path.parent.absolute()}
    for key in ("select", "ignore", "extend-select"):
        if key in table:
            values[key.replace("-", "_")] = parse_codes(_strings(table[key], f"{where}: {key}"), f"{where}: {key}")
    if "exclude" in table:
        values["exclude"] = tuple(_strings(table["exclude"], f"{where}: exclude"))
    if "per-file-ignores" in table:
        values["per_file_ignores"] = _per_file_ignores(table["per-file-ignores"], f"{where}: per-file-ignores")
    if "severity" in table:
        values["severity"] = _severity_overrides(table["severity"], f"{where}: severity")
    if "fail-on" in table:
        values["fail_on"] = _severity(table["fail-on"], f"{where}: fail-on")
    if "calling-hours" in table:
        values["calling_hours"] = parse_calling_hours(_string(table["calling-hours"], f"{where}: calling-hours"), f"{where}: calling-hours")
    if "call-purpose" in table:
        values["call_purpose"] = parse_call_purpose(_string(table["call-purpose"], f"{where}: call-purpose"), f"{where}: call-purpose")
    if "horizon-days" in table:
        values["horizon_days"] = _horizon(table["horizon-days"], f"{where}: horizon-days")
    if "now" in table:
        values["now"] = _now(table["now"], f"{where}: now")
    if "spec" in table:
        values["spec"] = values["root"] / _string(table["spec"], f"{where}: spec")
    return dataclasses.replace(Config(), **values)


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, found {type(value).__name__}")
    return value


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f'{where}: expected a list of strings, such as ["RBV1", "RBV201"]')
    return value


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity.parse(_string(value, where))
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _per_file_ignores(value: Any, where: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: expected a table of glob = [codes], such as {{"legacy/*.json" = ["RBV111"]}}')
    return tuple((glob, parse_codes(_strings(codes, f"{where}: {glob!r}"), f"{where}: {glob!r}")) for glob, codes in value.items())


def _severity_overrides(value: Any, where: str) -> Mapping[str, Severity]:
    """Keys are codes or prefixes; a longer prefix wins over a shorter one."""
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: expected a table of code = "error"|"warning"|"info"')
    parsed = {prefix: _severity(level, f"{where}: {prefix}") for prefix, level in value.items()}
    for prefix in parsed:
        parse_codes([prefix], where)
    resolved: dict[str, Severity] = {}
    for prefix in sorted(parsed, key=len):
        for rule in all_rules():
            if prefix.upper() == "ALL" or rule.code.startswith(prefix.upper()):
                resolved[rule.code] = parsed[prefix]
    return MappingProxyType(resolved)


def _now(value: Any, where: str) -> datetime:
    try:  # a TOML datetime (a local one is read as UTC, like --now), epoch milliseconds, or text
        return parse_now(value if isinstance(value, datetime | int) and not isinstance(value, bool) else _string(value, where))
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


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
