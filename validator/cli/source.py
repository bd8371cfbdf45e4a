"""Source lines for ``--show-source`` code frames: files re-read only for the findings shown."""

from __future__ import annotations

from pathlib import Path

from validator.files import read_regular

MAX_SOURCE_BYTES = 256 * 1024 * 1024  # a file checked a moment ago; more means it was swapped for something else


class SourceLines:
    """A line of an input by its report name; standard input is kept as read, files are read on first use."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str]] = {}

    def add(self, name: str, data: bytes) -> None:
        self._lines[name] = _split(data)

    def __call__(self, name: str | None, line: int) -> str | None:
        """Line ``line`` (1-based) of ``name``; ``None`` when it cannot be read or has no such line."""
        if name is None:
            return None
        if name not in self._lines:
            try:
                self._lines[name] = _split(read_regular(Path(name), MAX_SOURCE_BYTES))
            except OSError:
                self._lines[name] = []  # changed or gone since the check: no frame, not an error
        lines = self._lines[name]
        return lines[line - 1] if 0 < line <= len(lines) else None


def _split(data: bytes) -> list[str]:
    """Lines as the readers count them: at ``\n`` (``str.splitlines`` would also split at form feeds and U+2028)."""
    return [line.removesuffix("\r") for line in data.decode("utf-8-sig", errors="replace").split("\n")]
