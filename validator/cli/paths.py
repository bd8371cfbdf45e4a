"""Path arguments → payload files: a file as given, a directory walked, a glob expanded."""

from __future__ import annotations

import glob
from collections.abc import Iterator
from pathlib import Path

PAYLOAD_SUFFIXES = (".json", ".yaml", ".yml")


def iter_payload_paths(path: Path) -> Iterator[Path]:
    """A file as given; a directory walked for *.json, *.yaml, *.yml (hidden folders skipped)."""
    if not path.is_dir():
        yield path
        return
    for found in sorted(path.rglob("*")):
        relative = found.relative_to(path).parts
        if found.suffix.lower() in PAYLOAD_SUFFIXES and found.is_file() and not any(p.startswith(".") for p in relative[:-1]):
            yield found


def expand(raw: str) -> list[Path]:
    """A path argument → files: a file, a directory walked, or a glob (``payloads/**/*.yaml``)."""
    path = Path(raw)
    if path.exists():
        return list(iter_payload_paths(path))
    if glob.has_magic(raw):
        matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True))]
        return [f for m in matches for f in iter_payload_paths(m) if m.is_dir() or f.suffix.lower() in PAYLOAD_SUFFIXES]
    return []
