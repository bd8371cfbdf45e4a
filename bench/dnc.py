"""Do-not-call lists at registry scale: building the index, its size, and what it adds to a check of 100,000 tasks.

    python bench/dnc.py                  # n = 2,000,000 and 10n = 20,000,000 numbers (about 3 minutes)
    python bench/dnc.py --n 200000       # a quick look

For each size: a synthetic registry in the FTC's flat layout (``201,2345678``, one number a
line, over 320 area codes, as a full-registry download is), built with
``retell-validate dnc index``; then ``retell-validate check`` of a 100,000-task batch (a
quarter of its numbers listed, the rest not) without and with ``--dnc``, in turn, best of five
runs each, and the RBV9xx rules alone in one process (``screening alone``: with the list minus
without, phone numbers already read, as in a check). Every other figure is one fresh process:
time and peak RSS from ``/usr/bin/time`` (peak RSS counts the index pages the process had
mapped, not only its own allocations). The growth from n to 10n is printed, then the 10n
figures scaled linearly to the whole registry, about 250 million numbers (the measured growth
is below linear, so this errs high). Targets (docs/dnc.md): build ≤ 90 s per 20 million
numbers, ≤ 5 bytes a number on disk, a check of 100,000 tasks + ≤ 0.6 s and + ≤ 150 MB.
Prints the tables and exits 1 when a measured figure misses its target. Files go to
bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from validator import Settings, validate
from validator.knowledge.phones import analyze
from validator.settings import parse_now

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
NOW = "2026-06-01T12:00:00Z"
TASKS = 100_000
REGISTRY = 250_000_000
AREA_CODES = 320
CLI = [sys.executable, "-m", "validator"]
TARGETS = {"build s per 20M": 90.0, "bytes a number": 5.0, "check + s": 0.6, "check + MB": 150.0}


def registry(n: int) -> np.ndarray:  # type: ignore[type-arg]
    """``n`` distinct ten-digit numbers over AREA_CODES area codes in service, exchanges 200-999 (as NANP numbers are)."""
    rng = np.random.default_rng(n)
    in_service = [a for a in range(201, 990) if analyze(f"+1{a}2345678").valid and analyze(f"+1{a}9876543").valid]
    areas = rng.choice(np.array(in_service, dtype=np.uint64), size=AREA_CODES, replace=False)
    numbers = areas[rng.integers(0, AREA_CODES, n)] * np.uint64(10**7) + rng.integers(2_000_000, 10_000_000, n).astype(np.uint64)
    return np.unique(numbers)


def write_flat(path: Path, numbers: np.ndarray) -> None:  # type: ignore[type-arg]
    """``201,2345678\\n`` lines, in a random order (a download is sorted; the builder must not rely on it)."""
    numbers = np.random.default_rng(1).permutation(numbers)
    rows = np.empty((len(numbers), 12), dtype=np.uint8)
    digits = [(numbers // np.uint64(10 ** (9 - i))) % np.uint64(10) for i in range(10)]
    for column, i in zip((0, 1, 2, 4, 5, 6, 7, 8, 9, 10), range(10), strict=True):
        rows[:, column] = digits[i].astype(np.uint8) + ord("0")
    rows[:, 3], rows[:, 11] = ord(","), ord("\n")
    path.write_bytes(rows.tobytes())


def write_batch(path: Path, numbers: np.ndarray) -> None:  # type: ignore[type-arg]
    """TASKS tasks: a quarter on the list, the rest one past a listed number and not on it."""
    rng = np.random.default_rng(7)
    listed = set(numbers.tolist())
    picked = rng.choice(numbers, size=TASKS, replace=len(numbers) < TASKS).tolist()
    chosen = [n if i % 4 == 0 else next(m for m in range(n + 1, n + 1000) if m not in listed) for i, n in enumerate(picked)]
    tasks = [{"to_number": f"+1{n}"} for n in chosen]
    path.write_text(json.dumps({"from_number": "+14157774444", "tasks": tasks}))


def timed(argv: list[str]) -> tuple[float, float, str]:
    """Seconds, peak RSS in MB and standard output of one process (exit 0 or 1)."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)}: exit {done.returncode}: {done.stderr[-800:]}")
    return time.perf_counter() - started, int(done.stderr.strip().splitlines()[-1]) / 1024, done.stdout


def best(argvs: list[list[str]], repeat: int) -> list[tuple[float, float]]:
    """Best time and peak RSS of each command, run in turn ``repeat`` times: a passing load weighs on all of them alike."""
    runs = [[timed(argv)[:2] for argv in argvs] for _ in range(repeat)]
    return [(min(r[i][0] for r in runs), min(r[i][1] for r in runs)) for i in range(len(argvs))]


def measure(n: int, repeat: int) -> dict[str, float]:
    numbers = registry(n)
    source, index, payload = OUT / f"dnc-registry-{n}.txt", OUT / f"dnc-{n}.dnc", OUT / f"dnc-batch-{n}.json"
    write_flat(source, numbers)
    write_batch(payload, numbers)
    build_s, build_mb, _ = timed([*CLI, "dnc", "index", str(source), "-o", str(index), "--as-of", "2026-05-20", "--name", "FTC"])
    check = [*CLI, "check", "--now", NOW, "--max-diagnostics", "1", str(payload)]
    (plain_s, plain_mb), (screened_s, screened_mb) = best([check, [*check, "--dnc", str(index)]], repeat)
    findings = timed([*CLI, "check", "--now", NOW, "--dnc", str(index), "--select", "RBV901", "--format", "json", str(payload)])[2]
    rules_s = min(float(timed([sys.executable, __file__, "--child", str(index), str(payload)])[2]) for _ in range(repeat))
    return {
        "numbers": len(numbers),
        "build s": build_s,
        "build MB": build_mb,
        "bytes a number": index.stat().st_size / len(numbers),
        "index MB": index.stat().st_size / 1e6,
        "check s": plain_s,
        "check MB": plain_mb,
        "check --dnc s": screened_s,
        "check --dnc MB": screened_mb,
        "listed tasks": len(json.loads(findings)["diagnostics"]),
        "screening s": rules_s,
    }


def child(index: Path, payload: Path) -> None:
    """Prints what the lists add to one check, in this process: RBV9xx with the list minus without, the phone cache warm as in a check."""
    data = json.loads(payload.read_text())
    now = parse_now(NOW)
    validate(data, settings=Settings(now=now))  # a whole check first: imports, the spec, every number analysed once
    plain = Settings(select=frozenset({"RBV9"}), now=now)
    started = time.perf_counter()
    validate(data, settings=plain)
    without = time.perf_counter() - started
    started = time.perf_counter()
    validate(data, settings=Settings(select=frozenset({"RBV9"}), now=now, dnc=(index,)))
    print(time.perf_counter() - started - without)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2_000_000, help="the smaller registry (the larger is 10n)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", nargs=2, type=Path, metavar=("INDEX", "PAYLOAD"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    OUT.mkdir(exist_ok=True)
    print(f"# do-not-call index: {platform.python_implementation()} {platform.python_version()}, {platform.machine()}")
    rows = [measure(size, args.repeat) for size in (args.n, 10 * args.n)]
    print(
        "\n| numbers | build | build peak RSS | index | bytes a number "
        "| check 100,000 tasks | with --dnc | added | screening alone | peak RSS | with --dnc | added |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['numbers']:,.0f} | {r['build s']:.1f} s | {r['build MB']:,.0f} MB | {r['index MB']:,.1f} MB | {r['bytes a number']:.2f} "
            f"| {r['check s']:.2f} s | {r['check --dnc s']:.2f} s | {r['check --dnc s'] - r['check s']:+.2f} s | {r['screening s']:.2f} s "
            f"| {r['check MB']:,.0f} MB | {r['check --dnc MB']:,.0f} MB | {r['check --dnc MB'] - r['check MB']:+.0f} MB |"
        )
    small, large = rows
    growth = large["build s"] / small["build s"]
    scale = REGISTRY / large["numbers"]
    print(f"\nGrowth from n to 10n: build ×{growth:.1f}, index ×{large['index MB'] / small['index MB']:.1f}.")
    print(f"On paper, the whole registry ({REGISTRY:,} numbers, ×{scale:.1f} the 10n figures, linearly):")
    print(
        f"build {large['build s'] * scale:,.0f} s, peak RSS {large['build MB'] * scale / 1024:,.1f} GB, index {large['index MB'] * scale / 1000:,.2f} GB"
    )
    per_20m = large["build s"] / large["numbers"] * 20_000_000
    measured = {
        "build s per 20M": per_20m,
        "bytes a number": max(r["bytes a number"] for r in rows),
        "check + s": max(r["check --dnc s"] - r["check s"] for r in rows),
        "check + MB": max(r["check --dnc MB"] - r["check MB"] for r in rows),
    }
    missed = [name for name, value in measured.items() if value > TARGETS[name]]
    print("\n| target | limit | measured |\n|---|---|---|")
    for name, value in measured.items():
        print(f"| {name} | ≤ {TARGETS[name]:g} | {value:.2f}{' MISSED' if name in missed else ''} |")
    found = ", ".join(f"{r['listed tasks']:,.0f}" for r in rows)
    print(f"\nListed tasks found (RBV901): {found} of {TASKS:,} at n and 10n (a quarter are listed).")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
