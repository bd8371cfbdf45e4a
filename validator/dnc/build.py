"""Sources → one index file: every number added or deleted in the order read, sorted, deduplicated, written atomically.

The order matters only for change lists: a number deleted and later added again is
listed, one added and later deleted is not. Full lists only add, so the common case is
one sort and one pass of ``numpy.unique``. The file is written beside its destination
and renamed over it: a reader sees the old index or the new one, never half of one, and a
failed build leaves nothing behind.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from validator.dnc.layout import CHECKED_BYTES, KINDS, LOW_BITS, directory_size, fixed_header, header_crc, padded
from validator.dnc.sources import NANP, SourceReport, read_source
from validator.files import write_atomic
from validator.version import __version__

if TYPE_CHECKING:
    from validator.dnc.index import Keys, Mask

_WRITE = 1 << 24  # bytes of low parts written (and checksummed) at once


@dataclass(frozen=True)
class Built:
    """What a build wrote, for its summary."""

    path: Path
    count: int
    size: int
    area_codes: tuple[int, ...]
    reports: tuple[SourceReport, ...]
    shared_area_codes: dict[int, tuple[str, ...]]  # area codes found in more than one source → those sources


def newest_date(sources: list[Path]) -> date:
    """The default ``as_of``: the newest source's modification date (UTC)."""
    return max(datetime.fromtimestamp(p.stat().st_mtime, UTC).date() for p in sources)


def build_index(sources: list[Path], output: Path, *, kind: str, as_of: date, name: str) -> Built:
    """Read every source (raising SourceError for one that cannot be read), then write ``output`` atomically."""
    assert kind in KINDS
    parts: list[Keys] = []
    ops: list[Mask] = []
    areas_by_source: dict[int, list[str]] = {}
    reports: list[SourceReport] = []

    def collect(keys: Keys, adds: Mask) -> None:
        parts.append(keys)
        ops.append(adds)

    for source in sources:
        before = len(parts)
        reports.extend(read_source(source, collect))
        for area in _area_codes(parts[before:]):
            areas_by_source.setdefault(area, []).append(source.name)
    keys = _resolve(parts, ops)
    area_codes = tuple(int(a) for a in _area_codes([keys]))
    meta = {
        "name": name,
        "kind": kind,
        "as_of": as_of.isoformat(),
        "count": len(keys),
        "area_codes": list(area_codes),
        "sources": [r.to_dict() for r in reports],
        "tool": f"retell-validate {__version__}",
    }
    size = _write(output, keys, json.dumps(meta, separators=(",", ":")).encode())
    shared = {a: tuple(dict.fromkeys(names)) for a, names in sorted(areas_by_source.items()) if len(set(names)) > 1}
    return Built(output, len(keys), size, area_codes, tuple(reports), shared)


def _resolve(parts: list[Keys], ops: list[Mask]) -> Keys:
    """The keys listed after every addition and deletion, in order: sorted and unique. Empties ``parts`` (memory)."""
    import numpy as np

    if not parts:
        return np.zeros(0, dtype=np.uint64)
    keys = np.concatenate(parts)
    parts.clear()
    if all(op.all() for op in ops):
        keys.sort()  # in place: numpy.unique would copy and, for 20 million keys, take ten times as long
        return keys[_last_of_runs(keys)]
    order = np.argsort(keys, kind="stable")  # equal keys keep their reading order: the last operation decides
    keys, adds = keys[order], np.concatenate(ops)[order]
    return keys[_last_of_runs(keys) & adds]


def _last_of_runs(keys: Keys) -> Mask:
    """In sorted ``keys``: the last of each run of equal keys."""
    import numpy as np

    last = np.ones(len(keys), dtype=bool)
    last[:-1] = keys[1:] != keys[:-1]
    return last


def _area_codes(parts: list[Keys]) -> set[int]:
    """The +1 area codes among ``parts``."""
    import numpy as np

    found: set[int] = set()
    for keys in parts:
        nanp = keys[(keys >= np.uint64(NANP)) & (keys < np.uint64(2 * NANP))]
        found.update(np.unique((nanp - np.uint64(NANP)) // np.uint64(10**7)).tolist())
    return found


def _write(output: Path, keys: Keys, meta: bytes) -> int:
    import numpy as np

    buckets_of = keys >> np.uint64(LOW_BITS)
    boundaries = np.flatnonzero(buckets_of[1:] != buckets_of[:-1]) + 1 if len(keys) else np.zeros(0, dtype=np.int64)
    starts = np.concatenate(([0], boundaries, [len(keys)])).astype("<u8") if len(keys) else np.zeros(1, dtype="<u8")
    buckets = buckets_of[starts[:-1].astype(np.int64)].astype("<u8")
    lows = (keys & np.uint64(0xFFFF)).astype("<u2")
    raw = memoryview(lows.data).cast("B")
    crcs = np.array([zlib.crc32(raw[at : at + CHECKED_BYTES]) for at in range(0, len(raw), CHECKED_BYTES)], dtype="<u4")
    directory = (buckets.tobytes() + starts.tobytes() + crcs.tobytes()).ljust(directory_size(len(buckets), len(keys)), b"\0")
    header_size = 48 + padded(len(meta))
    size = header_size + len(directory) + len(raw)
    fixed = fixed_header(len(meta), len(buckets), len(keys), size, 0)
    fixed = fixed_header(len(meta), len(buckets), len(keys), size, header_crc(fixed, meta, directory))
    output.parent.mkdir(parents=True, exist_ok=True)
    head = fixed + meta.ljust(padded(len(meta)), b"\0") + directory
    write_atomic(output, [head, *(memoryview(raw)[at : at + _WRITE] for at in range(0, len(raw), _WRITE))])
    return size
