"""The index file: built from sources in order, looked up without reading it whole, and refused when damaged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from tests.dnc.lists import PART_DAMAGED, build_list, damaged, newer_format
from validator.dnc.build import build_index
from validator.dnc.index import DncIndex, open_index
from validator.dnc.layout import DncIndexError

NANP = 10**10


def keys(*numbers: int) -> np.ndarray:
    return np.array(numbers, dtype=np.uint64)


def test_listed_numbers_and_their_neighbours(tmp_path: Path) -> None:
    index = open_index(build_list(tmp_path, "FTC", ["201,2345678", "212,5550199", "+442071838750"]))
    queries = keys(NANP + 2012345678, NANP + 2012345677, NANP + 2012345679, NANP + 2125550199, 442071838750, 442071838751, 1)
    assert index.contains(queries).tolist() == [True, False, False, True, True, False, False]
    assert (index.info.name, index.info.kind, index.info.as_of, index.info.count) == ("FTC", "national", date(2026, 5, 20), 3)
    assert index.info.area_codes == (201, 212)


def test_lookups_agree_with_a_set_on_random_numbers(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    listed = np.unique(rng.integers(NANP + 2_012_000_000, NANP + 2_020_000_000, 50_000).astype(np.uint64))  # area code 201
    path = build_list(tmp_path, "random", [str(k - NANP) for k in listed.tolist()])
    queries = np.concatenate([listed[::3], listed[::5] + np.uint64(1), rng.integers(NANP, 2 * NANP, 10_000).astype(np.uint64)])
    expected = np.isin(queries, listed)
    assert (open_index(path).contains(queries) == expected).all()
    assert expected.sum() > len(listed) // 3  # the test looks up listed numbers as well as unlisted ones


def test_an_empty_list(tmp_path: Path) -> None:
    index = open_index(build_list(tmp_path, "empty", []))
    assert len(index) == 0 and index.contains(keys(NANP + 2012345678)).tolist() == [False]
    index.verify()


def test_sources_apply_in_order_and_overlapping_area_codes_merge(tmp_path: Path) -> None:
    full = tmp_path / "nj.txt"
    full.write_text("201,2345678\n201,2345679\n")
    area = tmp_path / "201.txt"
    area.write_text("201,2345679\n201,2345680\n")
    changes = tmp_path / "changes.txt"
    changes.write_text("201,2345678,D\n201,2345681,A\n201,2345681,D\n201,2345680,D\n201,2345680,A\n")
    built = build_index([full, area, changes], tmp_path / "out.dnc", kind="national", as_of=date(2026, 5, 20), name="FTC")
    index = open_index(built.path)
    wanted = [NANP + 2012345678 + i for i in range(4)]
    assert index.contains(keys(*wanted)).tolist() == [False, True, True, False]  # deleted; listed twice; re-added; added then deleted
    assert built.count == 2 and built.shared_area_codes == {201: ("nj.txt", "201.txt", "changes.txt")}


def test_a_failed_build_leaves_the_old_index_and_no_temporary_file(tmp_path: Path) -> None:
    path = build_list(tmp_path, "FTC", ["201,2345678"])
    before = path.read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_text("no numbers here\n")
    with pytest.raises(ValueError, match="none of its 1 lines"):
        build_index([bad], path, kind="national", as_of=date(2026, 5, 20), name="FTC")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["FTC.dnc", "FTC.txt", "bad.txt"]


def test_two_bytes_a_number_at_scale(tmp_path: Path) -> None:
    listed = np.arange(NANP + 2_012_000_000, NANP + 2_012_000_000 + 200_000, 2, dtype=np.uint64)
    path = build_list(tmp_path, "dense", [str(k - NANP) for k in listed.tolist()])
    assert path.stat().st_size / len(listed) < 2.1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: bytes(data[:-1]), "truncated or damaged: .* bytes, its header says"),
        (lambda data: bytes(data[:20]), "truncated: 20 bytes"),
        (lambda data: b"201,2345678\n" * 10, "not a do-not-call index"),
        (newer_format, r"newer retell-validate \(index format 2; this one reads format 1\)"),
        (lambda data: bytes(data[:60]) + bytes([data[60] ^ 1]) + bytes(data[61:]), "the header checksum does not match"),
    ],
    ids=["one byte short", "shorter than the header", "not an index", "newer format", "header damaged"],
)
def test_an_index_that_cannot_be_opened(tmp_path: Path, change: object, message: str) -> None:
    path = damaged(build_list(tmp_path, "FTC", ["201,2345678", "212,5550199"]), "bad.dnc", change)
    with pytest.raises(DncIndexError, match=message):
        DncIndex(path)


def test_a_damaged_part_is_caught_when_a_lookup_reads_it() -> None:
    index = DncIndex(PART_DAMAGED)
    assert index.contains(keys(NANP + 2012000000, NANP + 2012000001)).tolist() == [True, True]  # another part: intact, trusted
    with pytest.raises(DncIndexError, match=r"the checksum of numbers 32,769–40,001 of 40,001 does not match"):
        index.contains(keys(NANP + 2125550100))
    with pytest.raises(DncIndexError, match="checksum"):
        index.verify()


def test_open_index_reopens_a_rebuilt_file(tmp_path: Path) -> None:
    path = build_list(tmp_path, "FTC", ["201,2345678"])
    first = open_index(path)
    assert open_index(path) is first
    build_list(tmp_path, "FTC", ["201,2345679", "201,2345680"])
    assert open_index(path) is not first and len(open_index(path)) == 2
