"""Benchmark: peak memory of checking a CSV contact list stays flat as the list grows.

    python bench/csv_stream.py                      # 10k, 100k and 1,000,000 rows
    python bench/csv_stream.py --rows 100000        # one size

Each list is written to bench/out/ the way Excel writes "CSV UTF-8" (BOM, CRLF),
with three variable columns and one damaged phone number (a lost +) every 1,000
rows, so findings grow with the list as in real exports. Every check runs in a
fresh child process (``retell-validate check``'s library path, ``validate_file``)
and its peak RSS is read with os.wait4; the baseline is the same process checking
a one-row list, so the difference is what the rows cost.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
DAMAGE_EVERY = 1000

CHILD = """
import sys, time
from validator import validate_file
start = time.perf_counter()
report = validate_file(sys.argv[1], now="2026-06-01T12:00:00Z")
print(f"{time.perf_counter() - start:.2f} {len(report.diagnostics)}")
"""


def write_list(rows: int) -> Path:
    path = OUT / f"contacts-{rows}.csv"
    if path.exists():
        return path
    OUT.mkdir(exist_ok=True)
    with path.open("wb") as out:
        out.write(b"\xef\xbb\xbfphone number,first_name,city,account\r\n")
        batch = []
        for i in range(rows):
            plus = b"" if i % DAMAGE_EVERY == 7 else b"+"
            batch.append(b"%s1213%03d%04d,Name%d,Los Angeles,AC-%08d\r\n" % (plus, 200 + i % 700, i % 10_000, i, i))
            if len(batch) == 10_000:
                out.write(b"".join(batch))
                batch.clear()
        out.write(b"".join(batch))
    return path


def measure(path: Path) -> tuple[float, int, float]:
    """(seconds, diagnostics, peak RSS in MB) of one check in a fresh process."""
    process = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"check of {path} failed with status {status}")
    seconds, count = output.split()
    return float(seconds), int(count), usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, action="append", help="list sizes (repeatable; default 10k, 100k, 1M)")
    sizes = parser.parse_args().rows or [10_000, 100_000, 1_000_000]
    _, _, baseline = measure(write_list(1))
    print(f"baseline (1 row): peak RSS {baseline:.0f} MB")
    print(f"{'rows':>10} {'file MB':>8} {'seconds':>8} {'findings':>9} {'peak RSS MB':>12} {'over baseline':>14}")
    for rows in sizes:
        path = write_list(rows)
        seconds, count, rss = measure(path)
        print(f"{rows:>10,} {path.stat().st_size / 1e6:>8.1f} {seconds:>8.1f} {count:>9,} {rss:>12.0f} {rss - baseline:>14.0f}")


if __name__ == "__main__":
    main()
