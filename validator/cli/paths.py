"""Path arguments → payload files: a file as given, a directory walked, a glob expanded."""

from __future__ import annotations

import glob
from collections.abc import Iterator
from pathlib import Path

from validator.readers import InputFormat, format_for_path
from validator.readers.recognize import is_payload

PAYLOAD_SUFFIXES = (".json", ".yaml", ".yml")
CONTACT_SUFFIXES = (".csv",)  # walked only with --only-payloads, where content decides
RECOGNITION_PREFIX = 1024 * 1024  # root keys and a CSV header sit near the start; the scanners tolerate the cut


def iter_payload_paths(path: Path, suffixes: tuple[str, ...] = PAYLOAD_SUFFIXES) -> Iterator[Path]:
    """A file as given; a directory walked for files with these suffixes (hidden folders skipped)."""
    if not path.is_dir():
        yield path
        return
    for found in sorted(path.rglob("*")):
        relative = found.relative_to(path).parts
        if found.suffix.lower() in suffixes and found.is_file() and not any(p.startswith(".") for p in relative[:-1]):
            yield found


def expand(raw: str, suffixes: tuple[str, ...] = PAYLOAD_SUFFIXES) -> list[Path]:
    """A path argument → files: a file, a directory walked, or a glob (``payloads/**/*.yaml``)."""
    path = Path(raw)
    if path.exists():
        return list(iter_payload_paths(path, suffixes))
    if glob.has_magic(raw):
        matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True))]
        return [f for m in matches for f in iter_payload_paths(m, suffixes) if m.is_dir() or f.suffix.lower() in suffixes]
    return []


def looks_like_payload(file: Path, forced: InputFormat | None = None) -> bool:
    """Whether a file's content is a batch-call payload (``--only-payloads``); an unreadable file counts as one.

    Unreadable files are checked so that the error is reported, never passed over.
    """
    try:
        with file.open("rb") as stream:
            head = stream.read(RECOGNITION_PREFIX)
    except OSError:
        return True
    return is_payload(head, forced or format_for_path(file))
