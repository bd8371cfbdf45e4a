"""Benchmark: contact lists typed the way people type, as CSV and XLSX: ``check``, ``check --fix``; seconds and peak RSS.

    python bench/sheets.py                    # n = 10,000 and 10n = 100,000 rows
    python bench/sheets.py --rows 100000      # one size

Each list has a header and four columns; its phone cells cycle through what people type
(``(404) 504-8120``, ``404.504.8120``, ``1-404-504-8120``, ``+1 (404) 504-8120``, bare
digits, E.164, an extension; one row in a hundred without area code), with distinct valid
numbers in 20 area codes, so every row is read and most are rewritten by ``--fix``. The XLSX list holds the same
rows (every tenth phone as a number cell). Every measure runs in a fresh child process
(the library path ``retell-validate check`` takes) and reads its peak RSS with os.wait4.
Targets (docs/performance.md): 100,000 rows, CSV ``check`` and ``check --fix`` ≤ 3 s,
XLSX ``check`` ≤ 10 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SPELLINGS = (
    "({a}) {b}-{c}",
    "{a}.{b}.{c}",
    "1-{a}-{b}-{c}",
    "+1 ({a}) {b}-{c}",
    "{a}{b}{c}",
    "+1{a}{b}{c}",
    "{a} {b} {c} x12",
)
AREA_CODES = (404, 212, 213, 312, 415, 617, 702, 305, 206, 907, 808, 214, 512, 602, 303, 503, 919, 615, 801, 612)

CHILD = """
import sys, time
from pathlib import Path
from validator import Settings, validate_file
from validator.fix.cells import fix_contacts_file
from validator.openapi.load import load_spec
path, mode = Path(sys.argv[1]), sys.argv[2]
spec = load_spec()
start = time.perf_counter()
if mode == "check":
    found = len(validate_file(path, now="2026-06-01T12:00:00Z", spec=spec).diagnostics)
else:
    fmt = "xlsx" if path.suffix == ".xlsx" else "csv"
    outcome = fix_contacts_file(path, fmt, settings=Settings(now="2026-06-01T12:00:00Z"), spec=spec, options=None, unsafe=False, write=True)
    found = outcome.applied
print(f"{time.perf_counter() - start:.2f} {found}")
"""


def digits(i: int) -> tuple[str, str, str]:
    """A distinct valid US number per row: area code, exchange, line."""
    return f"{AREA_CODES[i % len(AREA_CODES)]}", f"{234 + (i // 10_000) % 700:03d}", f"{i % 10_000:04d}"


def phone(i: int) -> str:
    """What a person typed; one row in a hundred has no area code (the check reports it, --fix leaves it)."""
    a, b, c = digits(i)
    return f"{b}-{c}" if i % 100 == 99 else SPELLINGS[i % len(SPELLINGS)].format(a=a, b=b, c=c)


def write_csv(rows: int) -> Path:
    path = OUT / f"typed-{rows}.csv"
    OUT.mkdir(exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write("phone number,first_name,city,account\r\n")
        out.writelines(f'"{phone(i)}",Name{i},"Atlanta, GA",AC-{i:08d}\r\n' for i in range(rows))
    return path


def write_xlsx(rows: int) -> Path:
    import openpyxl

    path = OUT / f"typed-{rows}.xlsx"
    if path.exists():
        return path
    book = openpyxl.Workbook()  # not write-only: text in shared strings, as Excel saves it (write-only mode inlines every string)
    sheet = book.active
    sheet.title = "Contacts"
    sheet.append(["phone number", "first_name", "city", "account"])
    for i in range(rows):
        cell: object = int("1" + "".join(digits(i))) if i % 10 == 4 else phone(i)
        sheet.append([cell, f"Name{i}", "Atlanta, GA", f"AC-{i:08d}"])
    book.save(path)
    return path


def measure(path: Path, mode: str) -> tuple[float, int, float]:
    """(seconds, findings or cells fixed, peak RSS in MB) of one run in a fresh process."""
    process = subprocess.Popen([sys.executable, "-c", CHILD, str(path), mode], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"{mode} of {path} failed with status {status}")
    seconds, count = output.split()
    return float(seconds), int(count), usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, action="append", help="list sizes (default: 10,000 and 100,000)")
    sizes = parser.parse_args().rows or [10_000, 100_000]
    print(f"# {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}; python bench/sheets.py")
    print(f"{'rows':>9}  {'what':<18} {'seconds':>8} {'count':>8} {'peak MB':>8}")
    for rows in sizes:
        csv_path, xlsx_path = write_csv(rows), write_xlsx(rows)
        runs = [("CSV check", csv_path, "check", csv_path)]
        fixed_csv = OUT / f"fixed-{rows}.csv"
        shutil.copyfile(csv_path, fixed_csv)
        runs.append(("CSV check --fix", fixed_csv, "fix", fixed_csv))
        runs.append(("XLSX check", xlsx_path, "check", xlsx_path))
        fixed_xlsx = OUT / f"fixed-{rows}.xlsx"
        shutil.copyfile(xlsx_path, fixed_xlsx)
        runs.append(("XLSX check --fix", fixed_xlsx, "fix", fixed_xlsx))
        for what, path, mode, _ in runs:
            seconds, count, peak = measure(path, mode)
            print(f"{rows:>9,}  {what:<18} {seconds:>8.2f} {count:>8,} {peak:>8.0f}")


if __name__ == "__main__":
    main()
