"""Benchmark two trees side by side: the library's ``validate_file`` and the CLI's ``check``, at n and 10n tasks.

    git worktree add --detach ../before main          # the tree to compare against
    python bench/compare.py --before ../before        # 10,000 and 100,000 tasks, JSON and YAML, 5 rounds
    python bench/compare.py --before ../before --million --repeat 3   # adds 1,000,000 tasks (JSON)
    python bench/compare.py --before ../before --calling-law          # adds the calling-law batch (bench/calling_law.py)

Every measurement is a fresh process that imports ``validator`` from one tree (``PYTHONPATH``;
the child proves which tree it imported). Rounds alternate the trees (before, after, before,
after, …) so a busy machine slows both alike. ``library``: a child loads the spec, then times
``validate_file(path, now=…, max_bytes=None)`` with the process's garbage collector as a user's
process has it (on, default thresholds); ``library, paused``: the same with the collector
disabled around the call (what the library did until it left the collector to the process:
the figure the library is held to). ``CLI``: ``python -m validator check --format json
--max-bytes 0 --now … FILE > /dev/null``, wall time from spawn to exit. Inputs: the payloads of
bench/payloads.py (``bench/run.py --generate``) and, with ``--calling-law``, the batch of
bench/calling_law.py (numbers in every state and province, findings of every calling-hours
rule: the verdict counts 100,000 rows), into bench/out/. Figures are medians of the rounds;
CPU is user + system seconds of the measured part (the library) or of the whole process (the
CLI); noise is each tree's spread over its rounds, (max − min) / median, of the wall time and
of the CPU time (on a shared machine the CPU time is the steadier figure).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
NOW = "2026-06-01T12:00:00Z"
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}

# The library child: which tree it imported, then wall and CPU seconds of validate_file, and its peak RSS.
LIBRARY = """
import gc, sys, time
import validator
from validator import load_spec, validate_file
load_spec()
assert gc.isenabled() and gc.get_threshold() == (700, 10, 10), "a user's process: the collector on, default thresholds"
paused = sys.argv[3] == "paused"
wall, cpu = time.perf_counter(), time.process_time()
if paused:
    gc.disable()
report = validate_file(sys.argv[1], now=sys.argv[2], max_bytes=None)
if paused:
    gc.enable()
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
peak = next(int(line.split()[1]) // 1024 for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(validator.__file__, wall, cpu, peak, len(report.diagnostics))
"""


# The floor: the user's own load of the file, in a process like theirs (the collector on), timed the same way.
FLOOR = """
import json, sys, time, yaml
text = open(sys.argv[1], encoding="utf-8").read()
load = (lambda: json.loads(text)) if sys.argv[1].endswith(".json") else (lambda: yaml.load(text, Loader=yaml.CSafeLoader))
wall, cpu = time.perf_counter(), time.process_time()
load()
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
peak = next(int(line.split()[1]) // 1024 for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(wall, cpu, peak)
"""


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float
    rss: int


def library(tree: Path, path: Path, collector: str = "on") -> Sample:
    env = {**ENV, "PYTHONPATH": str(tree)}
    argv = [sys.executable, "-c", LIBRARY, str(path), NOW, collector]
    out = subprocess.run(argv, check=True, capture_output=True, text=True, env=env, cwd=tree)
    module, wall, cpu, rss, _ = out.stdout.split()
    if not Path(module).resolve().is_relative_to(tree):
        raise SystemExit(f"the child imported {module}, not the tree {tree}")
    return Sample(float(wall), float(cpu), int(rss))


def paused(tree: Path, path: Path) -> Sample:
    return library(tree, path, "paused")


def floor(path: Path) -> Sample:
    out = subprocess.run([sys.executable, "-c", FLOOR, str(path)], check=True, capture_output=True, text=True, env=ENV)
    wall, cpu, rss = out.stdout.split()
    return Sample(float(wall), float(cpu), int(rss))


def cli(tree: Path, path: Path) -> Sample:
    argv = [sys.executable, "-m", "validator", "check", "--format", "json", "--max-bytes", "0", "--now", NOW, str(path)]
    env = {**ENV, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=tree)
    assert proc.stderr is not None
    errors = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed in {tree}: {errors.decode(errors='replace')}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024)


def calling_law_batch(size: int) -> Path:
    """bench/calling_law.py's batch of ``size`` tasks, written once."""
    path = OUT / f"calling-law-{size}.json"
    if not path.exists():
        code = f"import json, sys; sys.path.insert(0, {str(HERE)!r}); from calling_law import batch; print(json.dumps(batch({size})))"
        text = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=ENV, cwd=ROOT).stdout
        path.write_text(text, encoding="utf-8")
    return path


def proves_tree(tree: Path) -> None:
    """The CLI imports the tree it is given (PYTHONPATH before the installed package)."""
    code = "import validator, sys; print(validator.__file__)"
    found = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env={**ENV, "PYTHONPATH": str(tree)}, cwd=tree
    )
    if not Path(found.stdout.strip()).resolve().is_relative_to(tree):
        raise SystemExit(f"{tree}: python imports {found.stdout.strip()}; install neither tree non-editably")


def git_head(tree: Path) -> str:
    head = subprocess.run(
        ["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(tree), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout
    return head + ("+changes" if dirty.strip() else "")


def machine() -> str:
    cpus = Path("/proc/cpuinfo").read_text(encoding="ascii").splitlines()
    model = next((line.split(":", 1)[1].strip() for line in cpus if line.startswith("model name")), platform.processor())
    memory = next(
        int(line.split()[1]) // 1024**2
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines()
        if line.startswith("MemTotal:")
    )
    return f"{model}, {os.cpu_count()} cores, {memory} GB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def spread(values: list[float]) -> float:
    return (max(values) - min(values)) / statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="the other tree (a git worktree)")
    parser.add_argument("--after", type=Path, default=ROOT, help="this tree by default")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[10_000, 100_000])
    parser.add_argument("--million", action="store_true", help="also 1,000,000 tasks (JSON only; ~4 GB of RAM, minutes)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds per measurement (each round runs both trees)")
    parser.add_argument("--calling-law", action="store_true", help="also the calling-law batch of bench/calling_law.py at each size")
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    for tree in trees.values():
        proves_tree(tree)
    sizes = list(args.sizes) + ([1_000_000] if args.million else [])
    print(f"{machine()}; {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"before {trees['before']} ({git_head(trees['before'])}), after {trees['after']} ({git_head(trees['after'])})")
    print(f"{args.repeat} rounds, trees alternating; load average at start {load()}\n")
    print(
        "| tasks | input | entry | before s | after s | after / before | before CPU s | after CPU s | CPU after / before "
        "| noise, wall (before / after) | noise, CPU | before MB | after MB |"
    )
    print("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    floors: list[str] = []
    cpus: dict[tuple[int, str, str, str], tuple[float, float]] = {}  # (size, input, entry, tree) → median CPU s, its noise
    for size in sizes:
        yaml_too = size <= 100_000
        subprocess.run([sys.executable, str(HERE / "run.py"), "--generate", str(size), str(int(yaml_too))], check=True, env=ENV)
        inputs = [(suffix.upper(), OUT / f"batch-{size}.{suffix}") for suffix in (("json", "yaml") if yaml_too else ("json",))]
        if args.calling_law:
            inputs.append(("calling law", calling_law_batch(size)))
        for label, path in inputs:
            for entry, measure in (("library", library), ("library, paused", paused), ("CLI", cli)):
                samples: dict[str, list[Sample]] = {name: [] for name in trees}
                for _ in range(args.repeat):
                    for name, tree in trees.items():
                        samples[name].append(measure(tree, path))
                wall = {name: statistics.median(s.wall for s in found) for name, found in samples.items()}
                cpu = {name: statistics.median(s.cpu for s in found) for name, found in samples.items()}
                rss = {name: max(s.rss for s in found) for name, found in samples.items()}
                noise = " / ".join(f"{spread([s.wall for s in samples[name]]):.0%}" for name in trees)
                noise_cpu = " / ".join(f"{spread([s.cpu for s in samples[name]]):.0%}" for name in trees)
                cpus.update({(size, label, entry, name): (cpu[name], spread([s.cpu for s in samples[name]])) for name in trees})
                print(
                    f"| {size:,} | {label} | {entry} | {wall['before']:.3f} | {wall['after']:.3f} | {wall['after'] / wall['before']:.2f} "
                    f"| {cpu['before']:.3f} | {cpu['after']:.3f} | {cpu['after'] / cpu['before']:.2f} | {noise} | {noise_cpu} "
                    f"| {rss['before']} | {rss['after']} |",
                    flush=True,
                )
            loads = [floor(path) for _ in range(args.repeat)]
            floors.append(
                f"| {size:,} | {label} | {statistics.median(s.wall for s in loads):.3f} "
                f"| {statistics.median(s.cpu for s in loads):.3f} | {max(s.rss for s in loads)} |"
            )
    print("\nThe library in a user's process (the collector on) against the library with the collector paused, CPU s:\n")
    print("| tasks | input | before, paused | after, on | after on / before paused | after, paused | after on / after paused | noise |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size, label, entry, name in cpus:
        if entry == "library" and name == "after":
            on, on_noise = cpus[(size, label, "library", "after")]
            was, was_noise = cpus[(size, label, "library, paused", "before")]
            now, now_noise = cpus[(size, label, "library, paused", "after")]
            print(
                f"| {size:,} | {label} | {was:.3f} | {on:.3f} | {on / was:.2f} | {now:.3f} | {on / now:.2f} "
                f"| {max(on_noise, was_noise, now_noise):.0%} |"
            )
    print("\nThe floor: the file loaded alone (`json.loads`, `yaml.load(…, Loader=CSafeLoader)`) in a process with the collector on:\n")
    print("| tasks | input | s | CPU s | MB |\n| ---: | --- | ---: | ---: | ---: |")
    print("\n".join(floors))
    print(f"\nload average at the end {load()}")


if __name__ == "__main__":
    main()
