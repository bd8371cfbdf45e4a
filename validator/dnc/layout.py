"""The index file's bytes: a checked header, a bucket directory, then 16-bit low parts.

Keys (E.164 digits as integers) are cut in two: the *bucket* ``key >> 16`` and the *low
part* ``key & 0xFFFF``. The file stores each non-empty bucket once in a directory and every
key as its 2-byte low part, sorted, bucket after bucket: 2 bytes a number plus 16 bytes a
bucket (a US area code spans about 153 buckets). A lookup binary-searches the directory
(read whole at open: a few hundred KB for the whole US registry) and then one bucket's low
parts, a few kilobytes of the memory-mapped file.

Layout (little-endian)::

    0   8  MAGIC
    8   2  format version                 (a newer one is refused, not misread)
    10  2  reserved, 0
    12  4  metadata length M              (JSON, UTF-8)
    16  8  buckets B
    24  8  numbers N
    32  8  file size                      (a truncated file is caught at open, without reading it)
    40  4  CRC-32 of bytes 0-39, the metadata and the directory
    44  4  reserved, 0
    48  M  metadata, then zero padding to a multiple of 8
        8B bucket ids (ascending), 8(B+1) bucket starts (index of each bucket's first low part; the last is N),
        4P CRC-32 of each 64 KiB part of the low parts (P parts), zero padding to a multiple of 8
        2N low parts

Checksums: the header CRC is verified at every open (it covers what every lookup reads);
a part's CRC the first time a lookup reads from that part, so a lookup never reads the
whole file and a damaged part is still never trusted; ``retell-validate dnc verify``
checks every part.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

MAGIC = b"RVDNC\x00\r\n"  # \r\n: a transfer that rewrites line ends damages the magic, not silently the data
VERSION = 1
FIXED = struct.Struct("<8sHHIQQQII")
LOW_BITS = 16
CHECKED_BYTES = 1 << 16  # the low parts are checksummed in parts of 64 KiB: a few hundred CRCs for 20 million numbers


KINDS = ("national", "internal")  # a public registry (FTC, Canada's DNCL, a state's) / the company's own opt-out list


class DncIndexError(ValueError):
    """An index that cannot be used as it is; the message says why and what to do."""


@dataclass(frozen=True)
class ListInfo:
    """What an index says about its list: findings name it with its date."""

    path: Path
    name: str
    kind: str
    as_of: date  # when the data was taken from the registry (or the opt-out list exported)
    count: int
    area_codes: tuple[int, ...]  # the +1 area codes holding at least one listed number
    sources: tuple[dict[str, Any], ...]

    @property
    def label(self) -> str:
        """``FTC (as of 2026-05-20)``."""
        return f"{self.name} (as of {self.as_of.isoformat()})"


@dataclass(frozen=True)
class Header:
    """An index's header and directory, checked: what :class:`validator.dnc.index.DncIndex` maps the rest with."""

    info: ListInfo
    buckets: int
    directory: bytes
    lows_at: int  # where the low parts start


def read_header(path: Path) -> Header:
    """The header, metadata and directory of the index at ``path``, checked (size, format, CRC); the low parts are not read.

    Raises :class:`DncIndexError` naming the file and what is wrong with it.
    """
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            fixed = file.read(FIXED.size)
            if len(fixed) < FIXED.size:
                raise DncIndexError(f"{path}: truncated: {size} bytes, shorter than the {FIXED.size}-byte header")
            magic, version, _, meta_length, buckets, numbers, recorded_size, crc, _ = FIXED.unpack(fixed)
            if magic != MAGIC:
                raise DncIndexError(f"{path}: not a do-not-call index (build one with `retell-validate dnc index`)")
            if version > VERSION:
                raise DncIndexError(
                    f"{path}: made by a newer retell-validate (index format {version}; this one reads format {VERSION}): upgrade it"
                )
            lows_at = FIXED.size + padded(meta_length) + directory_size(buckets, numbers)
            if recorded_size != size or lows_at + 2 * numbers != size or version < 1:
                raise DncIndexError(f"{path}: truncated or damaged: {size} bytes, its header says {recorded_size} (rebuild it)")
            meta = file.read(padded(meta_length))[:meta_length]
            directory = file.read(directory_size(buckets, numbers))
    except OSError as exc:
        raise DncIndexError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if header_crc(fixed, meta, directory) != crc:
        raise DncIndexError(f"{path}: damaged: the header checksum does not match (rebuild it)")
    return Header(_info(path, meta, numbers), buckets, directory, lows_at)


def _info(path: Path, meta: bytes, numbers: int) -> ListInfo:
    try:
        data = json.loads(meta)
        info = ListInfo(
            path,
            str(data["name"]),
            str(data["kind"]),
            date.fromisoformat(data["as_of"]),
            int(data["count"]),
            tuple(int(a) for a in data["area_codes"]),
            tuple(data["sources"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise DncIndexError(f"{path}: damaged metadata: {exc}") from None
    if info.kind not in KINDS or info.count != numbers:
        raise DncIndexError(f"{path}: damaged metadata: kind {info.kind!r}, {info.count} numbers for {numbers} stored")
    return info


def padded(size: int) -> int:
    return (size + 7) // 8 * 8


def checked_parts(numbers: int) -> int:
    """How many CRC-32s the low parts have: one per CHECKED_BYTES."""
    return (2 * numbers + CHECKED_BYTES - 1) // CHECKED_BYTES


def directory_size(buckets: int, numbers: int) -> int:
    return padded(8 * buckets + 8 * (buckets + 1) + 4 * checked_parts(numbers))


def fixed_header(meta_length: int, buckets: int, numbers: int, file_size: int, crc: int) -> bytes:
    return FIXED.pack(MAGIC, VERSION, 0, meta_length, buckets, numbers, file_size, crc, 0)


def header_crc(fixed: bytes, meta: bytes, directory: bytes) -> int:
    """The CRC over the fixed header's first 40 bytes (its own CRC field excluded), the metadata and the directory."""
    return zlib.crc32(directory, zlib.crc32(meta, zlib.crc32(fixed[:40])))
