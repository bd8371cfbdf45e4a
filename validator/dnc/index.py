"""An index file, memory-mapped: open it (header and directory checked), look numbers up, verify it.

:func:`open_index` keeps one open index per file version (path, size, modification time),
so the rules, ``split`` and the language server share the mapping and the buckets already
verified. Lookups take and return numpy arrays: a batch of 100,000 numbers is one
vectorised binary search, reading only the directory and the buckets the numbers fall in.
numpy is imported in the functions that use it: its ~0.1 s is paid only by the runs that
build or screen against a list, not by every check.
"""

from __future__ import annotations

import mmap
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from validator.dnc.layout import CHECKED_BYTES, LOW_BITS, DncIndexError, checked_parts, read_header

RUN = 8192  # keys looked up between two hand-backs of the pages read: at most a few MB mapped at once
if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Keys: TypeAlias = npt.NDArray[np.uint64]
    Mask: TypeAlias = npt.NDArray[np.bool_]


class DncIndex:
    """One memory-mapped index file: the header and directory checked at open, each bucket at its first lookup."""

    def __init__(self, path: Path) -> None:
        import numpy as np

        self.path = path
        header = read_header(path)
        try:
            with path.open("rb") as file:
                self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as exc:  # ValueError: the file was emptied since its header was read
            raise DncIndexError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
        buckets, directory = header.buckets, header.directory
        self.info = header.info
        self._lows_at = header.lows_at
        self.buckets = np.frombuffer(directory, dtype="<u8", count=buckets).astype(np.uint64)
        self.starts = np.frombuffer(directory, dtype="<u8", count=buckets + 1, offset=8 * buckets).astype(np.int64)
        parts = checked_parts(self.info.count)
        self.crcs = np.frombuffer(directory, dtype="<u4", count=parts, offset=16 * buckets + 8).astype(np.uint32)
        self.lows = np.frombuffer(self._map, dtype="<u2", count=self.info.count, offset=self._lows_at)
        self._verified = np.zeros(parts, dtype=bool)

    def _error(self, message: str) -> DncIndexError:
        return DncIndexError(f"{self.path}: {message}")

    def __len__(self) -> int:
        return len(self.lows)

    def contains(self, keys: Keys) -> Mask:
        """Which of ``keys`` are listed. Raises :class:`DncIndexError` when a part they read is damaged.

        Keys are looked up in ascending runs of :data:`RUN`; after each run the pages it read are
        handed back (``madvise(MADV_DONTNEED)``: they stay in the page cache, not in this process),
        so a lookup's memory does not grow with the index or the batch.
        """
        import numpy as np

        listed = np.zeros(len(keys), dtype=bool)
        if not len(keys) or not len(self.buckets):
            return listed
        order = np.argsort(keys, kind="stable")
        for at in range(0, len(order), RUN):
            rows = order[at : at + RUN]
            listed[rows], touched = self._contains_sorted(keys[rows])
            if touched is not None:
                self._release(*touched)
        return listed

    def _contains_sorted(self, keys: Keys) -> tuple[Mask, tuple[int, int] | None]:
        """Lookups for ascending ``keys``, and the range of low parts they read (``None``: none)."""
        import numpy as np

        listed = np.zeros(len(keys), dtype=bool)
        wanted = keys >> np.uint64(LOW_BITS)
        slot = np.minimum(np.searchsorted(self.buckets, wanted), len(self.buckets) - 1)
        present = np.flatnonzero(self.buckets[slot] == wanted)
        if not len(present):
            return listed, None
        slot = slot[present]
        # The checked parts each searched bucket lies in: a bucket holds at most 128 KiB, so it spans at most three.
        first, last = 2 * self.starts[slot] // CHECKED_BYTES, (2 * self.starts[slot + 1] - 1) // CHECKED_BYTES
        self._verify(np.unique(np.concatenate([first, np.minimum(first + 1, last), last])))
        low = (keys[present] & np.uint64(0xFFFF)).astype(np.uint16)
        lo, end = self.starts[slot], self.starts[slot + 1]
        hi = end.copy()
        while True:  # the first position in [lo, hi) whose low part is >= low, for every key at once
            active = lo < hi
            if not active.any():
                break
            mid = np.where(active, (lo + hi) >> 1, 0)
            below = active & (self.lows[mid] < low)
            lo = np.where(below, mid + 1, lo)
            hi = np.where(active & ~below, mid, hi)
        inside = lo < end
        found = np.zeros(len(present), dtype=bool)
        found[inside] = self.lows[lo[inside]] == low[inside]
        listed[present] = found
        return listed, (int(self.starts[slot[0]]), int(self.starts[slot[-1] + 1]))

    def _release(self, first: int, end: int) -> None:
        if not hasattr(mmap, "MADV_DONTNEED"):  # not on every platform; there the pages stay mapped until exit
            return
        start = (self._lows_at + 2 * first) // mmap.PAGESIZE * mmap.PAGESIZE
        self._map.madvise(mmap.MADV_DONTNEED, start, self._lows_at + 2 * end - start)

    def _verify(self, parts: npt.NDArray[np.int64]) -> None:
        """Check the CRC of each of ``parts`` not yet checked."""
        for part in parts[~self._verified[parts]].tolist():
            at = self._lows_at + part * CHECKED_BYTES
            data = memoryview(self._map)[at : min(at + CHECKED_BYTES, self._lows_at + 2 * len(self.lows))]
            if zlib.crc32(data) != int(self.crcs[part]):
                first = part * CHECKED_BYTES // 2
                raise self._error(
                    f"damaged: the checksum of numbers {first + 1:,}–{first + len(data) // 2:,} of {len(self.lows):,} does not match "
                    "(rebuild it with `retell-validate dnc index`)"
                )
            self._verified[part] = True

    def verify(self) -> None:
        """Every part's checksum and every bucket's order (``dnc verify``): reads the whole file."""
        import numpy as np

        self._verify(np.arange(len(self.crcs)))
        if len(self.buckets) and (np.any(np.diff(self.buckets.astype(np.int64)) <= 0) or np.any(np.diff(self.starts) <= 0)):
            raise self._error("damaged: the bucket directory is out of order")
        for slot in range(len(self.buckets)):
            part = self.lows[self.starts[slot] : self.starts[slot + 1]]
            if len(part) > 1 and np.any(part[1:] <= part[:-1]):
                raise self._error(f"damaged: bucket {slot} is out of order")


_OPEN: dict[Path, tuple[tuple[int, int, int], DncIndex]] = {}  # path → (its version, the index): a rebuilt file replaces its entry


def open_index(path: Path) -> DncIndex:
    """The index at ``path``, opened once per version of the file; :class:`DncIndexError` when it cannot be used."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise DncIndexError(f"{path}: cannot read: {exc.strerror or exc}") from None
    version = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    opened = _OPEN.get(path.absolute())
    if opened is None or opened[0] != version:
        opened = (version, DncIndex(path))
        _OPEN[path.absolute()] = opened
    return opened[1]
