"""Benchmark: the calling-time law (RBV705-RBV708) and ``split`` on 100,000 tasks over every state and Canada.

    python bench/calling_law.py                   # 100,000 tasks, 5 runs each
    python bench/calling_law.py --tasks 10000 --runs 3

The batch: distinct valid numbers in every US state, DC and Canadian province (drawn from
phonenumbers' own geocoding prefixes for each place), plus 2% toll-free numbers, each task
with dynamic variables and metadata; window 08:00-22:00 America/Chicago, Monday-Saturday,
so every calling-hours rule has findings. Each figure is the best of N runs of a fresh
``retell-validate`` process: CPU seconds (user + system, from ``wait4``, so other work on a
shared machine does not inflate them) and wall seconds. Targets: the CLI with
every rule ≤ 1.2x the same CLI with ``--ignore RBV7``; ``split`` of 100,000 tasks ≤ 3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
OUT = HERE / "out"
NOW = "2026-06-01T12:00:00Z"
# The sandbox this was written in sets PYTHONDONTWRITEBYTECODE: every start would compile every module.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

import phonenumbers  # noqa: E402

from validator.knowledge.locations import nanp_descriptions, subdivision_names  # noqa: E402


def batch(tasks: int) -> dict[str, Any]:
    rnd = random.Random(14)
    places: dict[str, list[str]] = {}
    for country, names in subdivision_names().items():
        for prefix, description in nanp_descriptions().items():
            place = description.rsplit(", ", 1)[-1]
            code = names.get(place, place if place in names.values() else None)
            if code is not None and len(prefix) <= 7:
                places.setdefault(f"{country}-{code}", []).append(prefix)
    keys = sorted(places)
    numbers: set[str] = set()
    while len(numbers) < tasks * 98 // 100:
        prefix = rnd.choice(places[keys[len(numbers) % len(keys)]])
        number = "+" + prefix + "".join(rnd.choice("0123456789") for _ in range(11 - len(prefix)))
        if number not in numbers and phonenumbers.is_valid_number(phonenumbers.parse(number)):
            numbers.add(number)
    while len(numbers) < tasks:
        numbers.add(f"+1800{rnd.randint(2000000, 9999999)}")
    ordered = sorted(numbers, key=lambda _: rnd.random())
    return {
        "from_number": "+14157774444",
        "tasks": [
            {"to_number": n, "retell_llm_dynamic_variables": {"name": f"C{i}"}, "metadata": {"row": i}} for i, n in enumerate(ordered)
        ],
        "call_time_window": {
            "timezone": "America/Chicago",
            "windows": [{"start": 480, "end": 1320}],
            "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        },
    }


def measure(args: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"{args} exited {status}")
    return usage.ru_utime + usage.ru_stime, wall


def best(args: list[str], runs: int, fresh: Path | None = None) -> tuple[float, float]:
    """The least CPU and wall time of ``runs`` runs; ``fresh``: a folder removed before each (split writes only into a new one)."""
    results = []
    for _ in range(runs):
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
        results.append(measure(args))
    return min(r[0] for r in results), min(r[1] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"calling-law-{options.tasks}.json"
    if not path.exists():
        path.write_text(json.dumps(batch(options.tasks)), encoding="utf-8")
    cli = [sys.executable, "-m", "validator"]
    check = [*cli, "check", str(path), "--now", NOW, "--max-diagnostics", "0"]
    parts = OUT / "calling-law-parts"
    shutil.rmtree(parts, ignore_errors=True)
    subprocess.run([*cli, "check", str(path), "--now", NOW], capture_output=True, env=ENV)  # bytecode cached
    rows = [
        ("check, every rule", best(check, options.runs)),
        ("check --ignore RBV7", best([*check, "--ignore", "RBV7"], options.runs)),
        ("split -o DIR", best([*cli, "split", str(path), "-o", str(parts), "--now", NOW], options.runs, fresh=parts)),
    ]
    print(f"{options.tasks:,} tasks over every US state, DC and Canadian province; best of {options.runs} fresh processes\n")
    print("| command | CPU s | wall s |")
    print("| --- | ---: | ---: |")
    for name, (cpu, wall) in rows:
        print(f"| {name} | {cpu:.2f} | {wall:.2f} |")
    ratio = rows[0][1][0] / rows[1][1][0]
    print("\n| target | measured | limit | verdict |\n| --- | ---: | ---: | --- |")
    print(f"| check every rule / --ignore RBV7 (CPU) | {ratio:.2f} | ≤ 1.2 | {'ok' if ratio <= 1.2 else 'MISSED'} |")
    print(f"| split of {options.tasks:,} tasks (wall s) | {rows[2][1][1]:.2f} | ≤ 3 | {'ok' if rows[2][1][1] <= 3 else 'MISSED'} |")
    print(f"\nparts written: {len(list(parts.glob('[0-9]*.json')))}")


if __name__ == "__main__":
    main()
