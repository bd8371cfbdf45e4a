"""One editor document checked like the CLI checks a file: recognition, configuration, diagnostics with offsets.

No LSP types here: the server turns an :class:`Analysis` into protocol messages.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from validator.api import validate_text
from validator.config import Config, ConfigError, configured_spec, find_config, load_config
from validator.diagnostics import Diagnostic
from validator.lsp.positions import reader_lines
from validator.openapi.load import Spec, SpecError
from validator.readers import InputFormat, codes, format_for_path
from validator.readers.recognize import is_payload
from validator.settings import Settings

LANGUAGE_FORMATS: dict[str, InputFormat] = {"json": "json", "jsonc": "json", "yaml": "yaml", "csv": "csv"}


def document_format(path: Path | None, language_id: str | None) -> InputFormat | None:
    """JSON, YAML or CSV by the file's extension, else by the editor's language id; ``None``: not ours."""
    return (format_for_path(path) if path is not None else None) or LANGUAGE_FORMATS.get((language_id or "").lower())


@dataclass(frozen=True)
class Located:
    """A diagnostic and the offsets of the text it is about."""

    diagnostic: Diagnostic
    start: int
    end: int


@dataclass(frozen=True)
class Analysis:
    """What checking one version of a document gave. ``format`` is ``None`` for a document that is no payload."""

    text: str
    format: InputFormat | None
    findings: tuple[Located, ...] = ()
    config_error: str | None = None
    settings: Settings | None = None  # what the document was checked with (its configuration)
    # The configuration and spec it was checked with: the same text checks again when either changed on disk.
    basis: tuple[Any, ...] = field(default=(), compare=False)


class Configs:
    """The configuration of each document's folder, as the CLI finds it, re-read when a file changes on disk.

    Each look-up walks up the folders (a few ``stat`` calls) and reloads a file whose
    modification time or size changed, so an edited, added or removed configuration
    applies to the next check without a restart.
    """

    def __init__(self) -> None:
        self._loaded: dict[Path, tuple[tuple[int, int], Config]] = {}
        # The spec each configuration names, held: load_spec hands a held spec back until its file
        # changes, so a check per keystroke neither re-reads nor re-validates it.
        self._specs: dict[Path | None, Spec] = {}

    def for_path(self, path: Path) -> Config:
        """Raises :class:`ConfigError` for a configuration that cannot be used."""
        found = find_config(path)
        if found is None:
            return Config()
        try:
            info = found.stat()
        except OSError as exc:
            raise ConfigError(f"{found}: cannot read: {exc.strerror or exc}") from None
        stamp = (info.st_mtime_ns, info.st_size)
        cached = self._loaded.get(found)
        if cached is None or cached[0] != stamp:
            cached = (stamp, load_config(found))
            self._loaded[found] = cached
        return cached[1]

    def spec_for(self, config: Config, default: Spec) -> Spec:
        """The configuration's ``spec`` as ``check`` reads it, else ``default``; raises :class:`SpecError`."""
        if config.spec is None:
            return default
        spec = self._specs[config.path] = configured_spec(config)
        return spec

    def forget(self) -> None:
        self._loaded.clear()
        self._specs.clear()


def payload_format(text: str, path: Path | None, language_id: str | None) -> InputFormat | None:
    """The document's format when it is a batch-call payload (recognised by content), else ``None``: no check needed."""
    fmt = document_format(path, language_id)
    return fmt if fmt is not None and is_payload(text, fmt) else None


def analyse(
    text: str,
    path: Path | None,
    language_id: str | None,
    *,
    configs: Configs,
    spec: Spec,
    folder: Path,
    previous: Analysis | None = None,
) -> Analysis:
    """Check ``text`` (the editor's copy of the document at ``path``; ``folder`` locates the configuration of an unsaved one).

    ``previous`` is handed back when it is of the same text, configuration and spec (read again from disk, a few ``stat`` calls).
    """
    fmt = payload_format(text, path, language_id)
    if fmt is None:
        return Analysis(text, None)
    try:
        config = configs.for_path(path if path is not None else folder)
        spec = configs.spec_for(config, spec)
    except (ConfigError, SpecError) as exc:
        return Analysis(text, fmt, config_error=f"configuration error, nothing checked: {exc}")
    basis = (config, spec)
    if previous is not None and previous.text == text and len(previous.basis) == 2 and all(map(operator.is_, previous.basis, basis)):
        return previous
    if path is not None and config.excludes(path):
        return Analysis(text, None, basis=basis)
    settings = config.settings_for(path)
    report = validate_text(text, fmt, file=str(path) if path else None, settings=settings, spec=spec, max_bytes=None)
    # The readers count lines and columns after a byte order mark; the editor's text may still hold it.
    body = text.removeprefix("\ufeff")
    shift = len(text) - len(body)
    lines = reader_lines(body, fmt)
    located = []
    for diagnostic in report.diagnostics:
        if shift and diagnostic.code == codes.BYTE_ORDER_MARK:
            located.append(Located(diagnostic, 0, shift))  # the mark itself
            continue
        start, end = lines.span(diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column)
        located.append(Located(diagnostic, start + shift, end + shift))
    return Analysis(text, fmt, tuple(located), settings=settings, basis=basis)
