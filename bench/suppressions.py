"""Benchmark: a suppression comment on one task's line in a grouped finding, at n and 10n tasks.

    python bench/suppressions.py                  # 10,000 and 100,000 tasks
    python bench/suppressions.py --sizes 1000 10000

A YAML batch whose window (Los Angeles 09:00-20:00) reaches every New York task after 21:00: one
RBV701 and one RBV705 finding for all of them. With `# retell-validate: ignore[RBV705]` on the
middle task's line, the engine finds that task by bisecting the task spans and runs RBV705 again
without it. The table sets the check without a comment beside the check with one; best of --repeat,
wall clock, `validate_text` in this process.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from validator import validate_text

HEAD = (
    'from_number: "+14157774444"\ncall_time_window:\n  timezone: America/Los_Angeles\n  windows:\n    - {start: 540, end: 1200}\ntasks:\n'
)


def batch(tasks: int, suppressed: bool) -> str:
    lines = [f'  - to_number: "+1212555{i % 10_000:04d}"\n' for i in range(tasks)]
    if suppressed:
        lines[tasks // 2] = lines[tasks // 2].rstrip("\n") + "  # retell-validate: ignore[RBV705]\n"
    return HEAD + "".join(lines)


def best(text: str, repeat: int) -> tuple[float, str]:
    seconds, message = float("inf"), ""
    for _ in range(repeat):
        start = time.perf_counter()
        report = validate_text(text, "yaml", now="2026-06-01T12:00:00Z")
        seconds = min(seconds, time.perf_counter() - start)
        message = next(d.message.rsplit(": ", 1)[-1] for d in report.diagnostics if d.code == "RBV705")
    return seconds, message


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}: python bench/suppressions.py {' '.join(sys.argv[1:])}"
    )
    print("| tasks | no comment (s) | one task suppressed (s) | RBV705 then |")
    print("| ---: | ---: | ---: | --- |")
    for tasks in args.sizes:
        plain, _ = best(batch(tasks, False), args.repeat)
        suppressed, message = best(batch(tasks, True), args.repeat)
        print(f"| {tasks:,} | {plain:.2f} | {suppressed:.2f} | {message} |")


if __name__ == "__main__":
    main()
