"""Benchmark: retell-validate against its floors and the peer a user would run instead.

    python bench/run.py                # 1k, 10k, 100k tasks (JSON; YAML up to 100k)
    python bench/run.py --sizes 1000   # quick look
    python bench/run.py --million      # adds 1,000,000 tasks (JSON only; needs ~4 GB and minutes)

Every measurement runs in a fresh child process, so its peak RSS is its own (os.wait4).
One table per payload size; ratios are to ``json.loads`` of the same file, measured in the
same run. Payloads are written to bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


# ---- what a child process measures ---------------------------------------------------------


def _load_json(path: str) -> Any:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def child(kind: str, path: str) -> float:
    """Run one measurement; returns seconds of the measured part only."""
    if kind == "json.loads":
        text = Path(path).read_text(encoding="utf-8")
        return _timed(lambda: json.loads(text))
    if kind == "yaml CSafeLoader":
        import yaml

        text = Path(path).read_text(encoding="utf-8")
        return _timed(lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    if kind == "phonenumbers parse+is_valid":
        import phonenumbers

        numbers = [t["to_number"] for t in _load_json(path)["tasks"]]

        def phones() -> None:
            for number in numbers:
                with contextlib.suppress(phonenumbers.NumberParseException):
                    phonenumbers.is_valid_number(phonenumbers.parse(number, None))

        return _timed(phones)
    if kind == "python-jsonschema (schema only)":
        from jsonschema import Draft202012Validator

        from validator.spec import load_spec

        document = _load_json(path)
        validator = Draft202012Validator(load_spec().request_schema)  # built once, as check-jsonschema does
        return _timed(lambda: list(validator.iter_errors(document)))
    if kind == "jsonschema-rs (schema only)":
        import jsonschema_rs

        from validator.spec import load_spec

        document = _load_json(path)
        rs = jsonschema_rs.Draft202012Validator(load_spec().request_schema)
        return _timed(lambda: list(rs.iter_errors(document)))
    if kind == "ours: validate(dict)":
        from validator import load_spec, validate

        document = _load_json(path)
        load_spec()
        return _timed(lambda: validate(document, now="2026-06-01T12:00:00Z"))
    raise SystemExit(f"unknown measurement {kind!r}")


# ---- the parent: spawn, time, report --------------------------------------------------------


def spawn(argv: list[str]) -> tuple[float, float, int, str]:
    """Run a child; returns (wall seconds, measured seconds or wall, peak RSS in MB, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = output.strip().splitlines()
    measured = float(lines[-1]) if lines and lines[-1].replace(".", "", 1).isdigit() else wall
    return wall, measured, usage.ru_maxrss // 1024, output


def measure(kind: str, path: Path) -> tuple[float, int]:
    _, seconds, rss, _ = spawn([sys.executable, __file__, "--child", kind, str(path)])
    return seconds, rss


def measure_cli(path: Path) -> tuple[float, int]:
    cli = [sys.executable, "-m", "validator", "check", "--format", "json", "--now", "2026-06-01T12:00:00Z", str(path)]
    wall, _, rss, _ = spawn(cli)
    return wall, rss


def write_payloads(size: int, yaml_too: bool) -> dict[str, Path]:
    from payloads import make_payload

    OUT.mkdir(exist_ok=True)
    paths = {"json": OUT / f"batch-{size}.json", "broken": OUT / f"batch-{size}-broken.json"}
    if not paths["json"].exists():
        paths["json"].write_text(json.dumps(make_payload(size)), encoding="utf-8")
    if not paths["broken"].exists():
        paths["broken"].write_text(json.dumps(make_payload(size, broken_numbers=True)), encoding="utf-8")
    if yaml_too:
        import yaml

        paths["yaml"] = OUT / f"batch-{size}.yaml"
        if not paths["yaml"].exists():
            document = json.loads(paths["json"].read_text(encoding="utf-8"))
            paths["yaml"].write_text(yaml.dump(document, Dumper=yaml.CSafeDumper, sort_keys=False), encoding="utf-8")
    return paths


def table(size: int, rows: list[tuple[str, float, int]], base: float) -> str:
    lines = [
        f"\n### {size:,} tasks",
        "",
        "| measurement | seconds | µs/task | × json.loads | peak RSS MB |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, seconds, rss in rows:
        lines.append(f"| {name} | {seconds:.3f} | {seconds / size * 1e6:.1f} | {seconds / base:.2f} | {rss} |")
    return "\n".join(lines)


def startup() -> str:
    seed = HERE.parent / "fixtures" / "clean" / "seed-example.json"
    ours = [spawn([sys.executable, "-m", "validator", "check", str(seed)])[0] for _ in range(10)]
    imports = [spawn([sys.executable, "-c", "import jsonschema, phonenumbers, yaml, click"])[0] for _ in range(10)]
    a, b = statistics.median(ours), statistics.median(imports)
    return (
        "\n### start-up (median of 10)\n\n| measurement | seconds | ratio |\n| --- | ---: | ---: |\n"
        f"| retell-validate check seed-example.json | {a:.3f} | {a / b:.2f} |\n"
        f'| python -c "import jsonschema, phonenumbers, yaml, click" | {b:.3f} | 1.00 |'
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1_000, 10_000, 100_000])
    parser.add_argument("--million", action="store_true", help="also measure 1,000,000 tasks")
    parser.add_argument("--no-peers", action="store_true", help="skip python-jsonschema (slow at 1M)")
    args = parser.parse_args()
    if args.child:
        print(f"{child(*args.child):.6f}")
        return
    sizes = list(args.sizes) + ([1_000_000] if args.million else [])
    print(f"python {sys.version.split()[0]} on {os.uname().machine}, {os.cpu_count()} cores")
    for size in sizes:
        paths = write_payloads(size, yaml_too=size <= 100_000)
        base, base_rss = measure("json.loads", paths["json"])
        rows = [
            ("json.loads (floor)", base, base_rss),
            ("phonenumbers parse+is_valid (floor)", *measure("phonenumbers parse+is_valid", paths["json"])),
        ]
        if not (args.no_peers and size >= 1_000_000):
            rows.append(("python-jsonschema, schema only (peer)", *measure("python-jsonschema (schema only)", paths["json"])))
        rows.append(("jsonschema-rs, schema only (peer)", *measure("jsonschema-rs (schema only)", paths["json"])))
        rows.append(("ours: validate() on the parsed dict", *measure("ours: validate(dict)", paths["json"])))
        rows.append(("ours: CLI end to end (JSON)", *measure_cli(paths["json"])))
        rows.append(("ours: CLI, every to_number broken", *measure_cli(paths["broken"])))
        if "yaml" in paths:
            rows.append(("PyYAML CSafeLoader load (YAML floor)", *measure("yaml CSafeLoader", paths["yaml"])))
            rows.append(("ours: CLI end to end (YAML)", *measure_cli(paths["yaml"])))
        print(table(size, rows, base), flush=True)
    print(startup())


if __name__ == "__main__":
    main()
