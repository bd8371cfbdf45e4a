"""Small do-not-call lists built for tests: the index files the rules, the commands and the reader are tested with."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from tests.helpers import seed
from validator.dnc.build import build_index
from validator.settings import Settings

KEY = "dnc_exemption"  # the exemption key the rule tests configure


def build_list(directory: Path, name: str, lines: list[str], *, kind: str = "national", as_of: str = "2026-05-20") -> Path:
    """An index named ``name`` (``name.dnc`` in ``directory``) from a flat file of ``lines``."""
    source = directory / f"{name}.txt"
    source.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return build_index([source], directory / f"{name}.dnc", kind=kind, as_of=date.fromisoformat(as_of), name=name).path


# Built once per test session, for the rule tests' cases (which are module constants).
LISTS = Path(tempfile.mkdtemp(prefix="retell-validate-dnc-tests-"))
atexit.register(shutil.rmtree, LISTS, True)
FTC = build_list(LISTS, "FTC", ["201,2345678", "212,5550199"])  # national, as of 2026-05-20
TEXAS = build_list(LISTS, "Texas", ["2012345678", "5125550100"], as_of="2026-05-25")  # national, overlaps FTC's 201
OPT_OUTS = build_list(LISTS, "opt-outs", ["+12015550123", "+442071838750"], kind="internal", as_of="2026-05-30")
STALE = build_list(LISTS, "FTC-april", ["201,2345678"], as_of="2026-04-30")  # 32 days before 2026-06-01
FRESH = build_list(LISTS, "FTC-may", ["201,2345678"], as_of="2026-05-01")  # 31 days before 2026-06-01


def screened(*lists: Path, purpose: str = "solicitation", key: str | None = KEY) -> Settings:
    return Settings(dnc=lists, dnc_exemption_key=key, call_purpose=purpose)


def calls(*numbers: str, **task: Any) -> dict[str, Any]:
    """A batch calling ``numbers``, each task with the extra ``task`` fields."""
    return seed(tasks=[{"to_number": n, **task} for n in numbers])


def claiming(number: str, value: Any) -> dict[str, Any]:
    """A batch of one task calling ``number`` whose metadata claims ``value`` under :data:`KEY`."""
    return calls(number, metadata={KEY: value})


def damaged(source: Path, name: str, change: Any) -> Path:
    """A copy of the index ``source`` with its bytes passed through ``change`` (bytearray → bytes)."""
    target = source.parent / name
    target.write_bytes(change(bytearray(source.read_bytes())))
    return target


def flip_last_byte(data: bytearray) -> bytes:
    data[-1] ^= 0xFF  # the last low part: its part's checksum no longer matches, the header's still does
    return bytes(data)


def newer_format(data: bytearray) -> bytes:
    data[8:10] = (2).to_bytes(2, "little")
    return bytes(data)


# Two checked parts of 64 KiB: +12012000000 lies in the first, +12125550199 in the last.
LARGE = build_list(LISTS, "FTC-large", [f"201,{2_000_000 + i}" for i in range(40_000)] + ["212,5550199"])
TRUNCATED = damaged(FTC, "truncated.dnc", lambda data: bytes(data[: len(data) // 2]))
PART_DAMAGED = damaged(LARGE, "part-damaged.dnc", flip_last_byte)
NEWER = damaged(FTC, "newer.dnc", newer_format)
MISSING = LISTS / "missing.dnc"
