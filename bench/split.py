"""Benchmark: ``retell-validate split`` of a contact list, and ``hours`` of the same list, at n and 10n rows.

    python bench/split.py                       # 100,000 and 1,000,000 rows (the target: 100,000 in ≤ 3 s)
    python bench/split.py --rows 10000 100000   # other sizes

Each list is written to bench/out/ (git-ignored) as a campaign manager's export: a phone
column with numbers in every US state's area codes and a few Canadian ones, a State column
filled in a third of the rows (some of them another state than the number's), two variable
columns, one number in 500 written nationally (set aside: not dialable) and one row in 200 a
duplicate of an earlier one. Each command runs in a fresh process, as a person runs it (the
installed ``retell-validate`` entry point), with no calling window given (the law and the
calling hours decide); the table gives wall and CPU time (of the run with the least CPU time,
of ``--repeat``) and the process's peak RSS (``wait4``), side by side for every size, from one run.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
NOW = "2026-06-01T12:00:00Z"
AREAS = [
    "205",
    "907",
    "602",
    "501",
    "213",
    "303",
    "203",
    "302",
    "202",
    "305",
    "404",
    "808",
    "208",
    "312",
    "317",
    "515",
    "316",
    "502",
    "504",
    "207",
    "410",
    "617",
    "313",
    "612",
    "601",
    "314",
    "406",
    "402",
    "702",
    "603",
    "201",
    "505",
    "212",
    "704",
    "701",
    "216",
    "405",
    "503",
    "215",
    "401",
    "803",
    "605",
    "615",
    "214",
    "801",
    "802",
    "703",
    "206",
    "304",
    "414",
    "307",
    "416",
    "514",
    "604",
]
STATES = ("FL", "NY", "TX", "CA", "GA", "Louisiana", "33101", "M5V 3L9")


def number_of(i: int) -> str:
    area = AREAS[i % len(AREAS)]
    return f"+1{area}{200 + (i // len(AREAS)) % 700:03d}{i % 10_000:04d}"


def write_list(rows: int) -> Path:
    path = OUT / f"split-{rows}.csv"
    if path.exists():
        return path
    OUT.mkdir(exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("phone number,first_name,State,account\r\n")
        lines = []
        for i in range(rows):
            number = number_of(i - 150 if i % 200 == 199 else i)  # one row in 200: a duplicate of an earlier one
            if i % 500 == 3:
                number = f"({number[2:5]}) {number[5:8]}-{number[8:]}"  # written nationally: not dialable without a region
            state = STATES[i % len(STATES)] if i % 3 == 0 else ""
            lines.append(f'{number},Name {i},{state},"AC-{i:08d}"\r\n')
            if len(lines) == 10_000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))
    return path


def run(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system: steadier than wall time on a shared machine) and peak RSS (MB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tool = shutil.which("retell-validate") or sys.exit("install the package first: pip install -e .")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; now {NOW}")
    print(f"command: python bench/split.py --rows {' '.join(map(str, args.rows))} --repeat {args.repeat}\n")
    results: dict[int, dict[str, tuple[float, float, int]]] = {}
    for rows in args.rows:
        source = write_list(rows)
        results[rows] = {}
        for name in ("split", "hours"):
            best: tuple[float, float, int] | None = None
            for _ in range(args.repeat):
                with tempfile.TemporaryDirectory(dir=OUT) as scratch:
                    extra = ["-o", str(Path(scratch) / "parts")] if name == "split" else ["--svg", str(Path(scratch) / "h.svg")]
                    measured = run([tool, name, str(source), "--now", NOW, *extra])
                best = measured if best is None or measured[1] < best[1] else best
            assert best is not None
            results[rows][name] = best
    sizes = list(results)
    columns = [f"{n:,} rows: {what}" for what in ("wall s", "CPU s", "peak MB") for n in sizes]
    print("| command | " + " | ".join(columns) + " |")
    print("| --- |" + " ---: |" * len(columns))
    for name in ("split", "hours"):
        cells = [f"{results[n][name][0]:.2f}" for n in sizes] + [f"{results[n][name][1]:.2f}" for n in sizes]
        cells += [f"{results[n][name][2]:,}" for n in sizes]
        print(f"| {name} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
