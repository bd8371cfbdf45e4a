"""Path arguments → payload files: a file as given, a directory walked, a glob expanded.

What cannot be looked at (a name longer than the system allows, an unreadable
subdirectory) is handed to ``on_error``, so the run exits 2 instead of
passing over files it never saw.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable
from pathlib import Path

from validator.files import open_regular
from validator.readers import InputFormat, format_for_path
from validator.readers.recognize import is_payload

PAYLOAD_SUFFIXES = (".json", ".yaml", ".yml")
CONTACT_SUFFIXES = (".csv",)  # walked only with --only-payloads, where content decides
RECOGNITION_PREFIX = 1024 * 1024  # root keys and a CSV header sit near the start; the scanners tolerate the cut

OnError = Callable[[str], None]


def iter_payload_paths(path: Path, on_error: OnError, suffixes: tuple[str, ...] = PAYLOAD_SUFFIXES) -> list[Path]:
    """A file as given; a directory walked for files with these suffixes (hidden folders and symlinked folders not entered).

    The walk keeps its own stack rather than recursing, so a tree thousands of levels deep is no
    RecursionError.
    """
    try:
        if not path.is_dir():
            return [path]
    except OSError as exc:
        on_error(f"{path}: cannot read: {exc.strerror or exc}")
        return []
    found: list[Path] = []
    pending = [path]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    child = directory / entry.name
                    if entry.is_dir(follow_symlinks=False):
                        if not entry.name.startswith("."):
                            pending.append(child)
                    elif child.suffix.lower() in suffixes and entry.is_file():
                        found.append(child)
        except OSError as exc:
            on_error(f"{directory}: cannot read directory: {exc.strerror or exc} (the files in it were not checked)")
    return sorted(found)


def expand(raw: str, on_error: OnError, suffixes: tuple[str, ...] = PAYLOAD_SUFFIXES) -> list[Path]:
    """A path argument → files: a file, a directory walked, or a glob (``payloads/**/*.yaml``)."""
    path = Path(raw)
    try:
        exists = path.exists()
    except OSError as exc:  # a component longer than NAME_MAX, say
        on_error(f"{raw}: cannot read: {exc.strerror or exc}")
        return []
    if exists:
        return iter_payload_paths(path, on_error, suffixes)
    if glob.has_magic(raw):
        matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True))]
        return [f for m in matches for f in iter_payload_paths(m, on_error, suffixes) if m.is_dir() or f.suffix.lower() in suffixes]
    return []


def looks_like_payload(file: Path, forced: InputFormat | None = None) -> bool:
    """Whether a file's content is a batch-call payload (``--only-payloads``); an unreadable file counts as one.

    Unreadable files are checked so that the error is reported, never passed over.
    """
    try:
        with open_regular(file) as stream:  # a FIFO named on the command line must not block the run
            head = stream.read(RECOGNITION_PREFIX)
    except OSError:
        return True
    return is_payload(head, forced or format_for_path(file))
