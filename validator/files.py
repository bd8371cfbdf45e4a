"""The one way input and configuration files are opened: regular files only, never unbounded.

A FIFO would block ``open`` forever and ``/dev/zero`` never ends, so every path
that reads a file named by the user (payloads, ``--fix``, configuration) comes
through here.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path


class FileTooLarge(OSError):
    """A regular file over the byte limit the caller set; ``size`` is its size on disk."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {limit:,} bytes ({size:,} bytes)", str(path))
        self.size, self.limit = size, limit


def open_regular(path: Path) -> io.BufferedReader:
    """Open for reading without blocking on a FIFO; anything but a regular file is an OSError."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a directory" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "not a regular file"
            raise OSError(errno.EINVAL, f"{kind}; only regular files are read", str(path))
        os.set_blocking(fd, True)
        return open(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, max_bytes: int | None) -> bytes:
    """A regular file's bytes; :class:`FileTooLarge` past ``max_bytes`` (``None``: no limit), never reading more."""
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if max_bytes is not None and size > max_bytes:
            raise FileTooLarge(path, size, max_bytes)
        data = stream.read(-1 if max_bytes is None else max_bytes + 1)  # the file may grow after fstat
    if max_bytes is not None and len(data) > max_bytes:
        raise FileTooLarge(path, len(data), max_bytes)
    return data
