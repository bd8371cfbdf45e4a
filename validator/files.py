"""The one way input and configuration files are opened (regular files only, never unbounded), and files replaced.

A FIFO would block ``open`` forever and ``/dev/zero`` never ends, so every path
that reads a file named by the user (payloads, ``--fix``, configuration) comes
through here. Every file the tool writes in place of another (``--fix``, ``spec fetch``,
reports) is replaced by :func:`write_atomic`: whole, or not at all.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
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
            raise OSError(errno.EINVAL, f"{_kind(mode)}; only regular files are read", str(path))
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


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (symlinks followed, hard links too); ``False`` when either does not exist."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


class OwnerNotKept(PermissionError):
    """A file owned by another user or group could not be replaced by one with the same owner."""


def write_atomic(path: Path, data: bytes | Iterable[bytes | memoryview], *, check: Callable[[Path], object] | None = None) -> None:
    """Replace the regular file at ``path`` (or create it) with ``data`` (bytes, or pieces written in turn), all or nothing.

    The bytes go to a temporary file beside the target, are synced, optionally ``check``-ed
    (an exception there leaves the target as it was), and renamed over it: a full disk or a
    signal part-way leaves the old file, never a truncated one. A symlink is written through (its
    target is replaced); an existing file keeps its mode, owner and group (:class:`OwnerNotKept`
    when they cannot be kept), a new one gets the umask's mode. Anything that exists and is not a
    regular file (a FIFO, a device, a directory) is refused with an ``OSError``: renaming over it
    would replace ``/dev/null`` itself.
    """
    target = path.resolve()
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, f"{_kind(info.st_mode)}; only a regular file is replaced", str(path))
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            for piece in (data,) if isinstance(data, bytes) else data:  # pieces: a large index is never joined in memory
                out.write(piece)
            out.flush()
            if info is not None and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                try:  # root must not hand another user's file to root
                    os.fchown(out.fileno(), info.st_uid, info.st_gid)
                except PermissionError:
                    raise OwnerNotKept(errno.EPERM, "its owner or group could not be kept", str(path)) from None
            os.fchmod(out.fileno(), stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
            os.fsync(out.fileno())
        if check is not None:
            check(temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_output(path: Path, data: bytes) -> None:
    """An output the user named: a regular file (or a new one) is replaced whole (:func:`write_atomic`); a FIFO or a
    device (``/dev/stdout``, a pipe someone reads) is written to, never replaced. Raises ``OSError``."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):  # a directory: write_atomic's error names it
        write_atomic(path, data)
        return
    # Opened without blocking: a FIFO nobody reads is ENXIO, not a hang.
    fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    return "a directory" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "not a regular file"


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
