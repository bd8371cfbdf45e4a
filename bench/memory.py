"""Memory and time of finding-heavy inputs: each shape at n and 10n, and peak RSS per input MB.

    python bench/memory.py            # the table in docs/robustness.md
    python bench/memory.py --quick    # per-MB rows at 2 MB instead of 10 MB

Each measurement is one fresh ``retell-validate check`` process (``--fix`` for the fix
shape; ``validate()`` in a child for deep Python data); peak RSS is that child's own
high-water mark from ``wait4``. Inputs are written to bench/out/ (git-ignored). Growth is
the 10n time over the n time; the target is at most ×15 for ×10 input (near-linear), and a
1 MB input of every format under 1 GB peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
NOW = "2026-06-01T12:00:00Z"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CLI = [sys.executable, "-m", "validator", "check", "--now", NOW, "--max-bytes", "0", "--max-diagnostics", "0"]


def run(argv: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one child process; its output is discarded.

    /usr/bin/time reports the peak: a child forked from this process would start its
    high-water mark at this process's size, which holds the generated inputs.
    """
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{argv}: exit {done.returncode}: {done.stderr[-500:]}")
    return time.perf_counter() - started, int(done.stderr.strip().splitlines()[-1]) / 1024


def write(name: str, text: str) -> Path:
    path = OUT / name
    path.write_text(text, encoding="utf-8")
    return path


def number(i: int) -> str:
    return f"+1213{5550000 + i:07d}"


def aliases(n: int) -> list[str]:
    long = "9" * 100_000
    lines = ["from_number: '+14157774444'", "tasks:", f"  - to_number: &n '{long}'", *["  - to_number: *n"] * n]
    return [*CLI, str(write(f"aliases-{n}.yaml", "\n".join(lines) + "\n"))]


def aliased_types(n: int) -> list[str]:
    variables = "\n".join(f"      v{i}: [1]" for i in range(96))
    tasks = "\n".join(f"  - to_number: '{number(i)}'\n    retell_llm_dynamic_variables: *d" for i in range(n))
    text = (
        f"from_number: '+14157774444'\ntasks:\n  - to_number: '+12137774445'\n    retell_llm_dynamic_variables: &d\n{variables}\n{tasks}\n"
    )
    return [*CLI, str(write(f"aliased-types-{n}.yaml", text))]


def unknown_keys(n: int) -> list[str]:
    tasks = [{"to_number": number(i), f"extra_{i}": 1} for i in range(n)]
    return [*CLI, str(write(f"unknown-{n}.json", json.dumps({"from_number": "+14157774444", "tasks": tasks}, indent=1)))]


def wrong_types(n: int) -> list[str]:
    tasks = [{"to_number": number(i), "retell_llm_dynamic_variables": {"a": [i]}} for i in range(n)]
    return [*CLI, str(write(f"types-{n}.json", json.dumps({"from_number": "+14157774444", "tasks": tasks}, indent=1)))]


def fixes(n: int) -> list[str]:
    tasks = [{"to_number": f"+1 213-{555 + i // 10_000:03d}-{i % 10_000:04d}"} for i in range(n)]
    source = write(f"fix-{n}.source.json", json.dumps({"from_number": "+14157774444", "tasks": tasks}, indent=1))
    target = OUT / f"fix-{n}.json"
    shutil.copyfile(source, target)  # --fix rewrites it; copied afresh per measurement
    return [*CLI, "--fix", str(target)]


def csv_columns(n: int) -> list[str]:
    text = "phone number" + "," * n + "\n" + "".join(number(i) + "," * n + "\n" for i in range(20))
    return [*CLI, str(write(f"columns-{n}.csv", text))]


def deep(n: int) -> list[str]:
    code = f"from validator import validate\nd = root = {{}}\nfor _ in range({n}):\n    d['a'] = d = {{}}\nvalidate(root, now='{NOW}')\n"
    return [sys.executable, "-c", code]


SHAPES: list[tuple[str, Callable[[int], list[str]], int]] = [
    ("aliases (100 KB string as n to_numbers, YAML)", aliases, 200),
    ("aliased wrong types (96 variables × n tasks, YAML)", aliased_types, 100),
    ("unknown keys (n, JSON)", unknown_keys, 5_000),
    ("wrong types (n, JSON)", wrong_types, 5_000),
    ("fixes (n, --fix JSON)", fixes, 4_000),
    ("CSV blank columns (n × 20 rows)", csv_columns, 200),
    ("deep nesting (validate(), n levels)", deep, 50_000),
]


def payload(fmt: str, megabytes: float) -> Path:
    """A realistic payload of about ``megabytes`` MB: tasks with a number and two variables."""
    n = int(megabytes * 1_000_000 / {"json": 150, "yaml": 130, "csv": 30}[fmt])
    if fmt == "csv":
        text = "phone number,first_name,plan\n" + "".join(f"{number(i)},Ada{i},gold\n" for i in range(n))
    else:
        tasks = [{"to_number": number(i), "retell_llm_dynamic_variables": {"first_name": f"Ada{i}", "plan": "gold"}} for i in range(n)]
        data = {"from_number": "+14157774444", "tasks": tasks}
        text = json.dumps(data, indent=1) if fmt == "json" else _yaml(data)
    return write(f"payload-{megabytes:g}mb.{fmt}", text)


def _yaml(data: dict[str, object]) -> str:
    lines = [f"from_number: '{data['from_number']}'", "tasks:"]
    for task in data["tasks"]:  # type: ignore[attr-defined]
        variables = task["retell_llm_dynamic_variables"]
        lines += [f"  - to_number: '{task['to_number']}'", "    retell_llm_dynamic_variables:"]
        lines += [f"      {k}: {v}" for k, v in variables.items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="per-MB rows at 2 MB instead of 10 MB")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    print("| shape | n | time n | RSS n | time 10n | RSS 10n | growth |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, make, n in SHAPES:
        (t1, m1), (t10, m10) = run(make(n)), run(make(10 * n))
        print(f"| {name} | {n:,} | {t1:.2f} s | {m1:.0f} MB | {t10:.2f} s | {m10:.0f} MB | ×{t10 / t1:.1f} |", flush=True)
    print()
    size = 2 if args.quick else 10
    print("| format | input | time | peak RSS | RSS per input MB (above a 1 MB run) |")
    print("|---|---:|---:|---:|---:|")
    for fmt in ("json", "yaml", "csv"):
        small, big = payload(fmt, 1), payload(fmt, size)
        (ts, ms), (tb, mb) = run([*CLI, str(small)]), run([*CLI, str(big)])
        mbytes_small, mbytes_big = small.stat().st_size / 1e6, big.stat().st_size / 1e6
        print(f"| {fmt} | {mbytes_small:.1f} MB | {ts:.2f} s | {ms:.0f} MB | |")
        print(f"| {fmt} | {mbytes_big:.1f} MB | {tb:.2f} s | {mb:.0f} MB | {(mb - ms) / (mbytes_big - mbytes_small):.0f} MB |", flush=True)


if __name__ == "__main__":
    main()
