"""CPU seconds per check under each garbage-collector policy, as a long-lived process checks one document again and again.

    python bench/collector.py                 # 10,000 tasks, 15 checks per document and policy
    python bench/collector.py --tasks 2000

What the language server does on each change: the whole text checked again (``validate_text``),
the last report kept. Policies: ``paused`` (the collector off during each check, on between:
what the library did until it stopped touching the collector), ``default`` (a user's process:
700, 10, 10), ``lsp`` (``validator.cli.main.LSP_THRESHOLDS``, what ``retell-validate lsp`` sets).
Each policy runs in a fresh process; the figures are CPU seconds (``time.process_time``) of the
checks after the first, so a busy machine does not inflate them as it does wall time.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from payloads import make_payload  # noqa: E402

from validator import load_spec, validate_text  # noqa: E402
from validator.cli.main import LSP_THRESHOLDS  # noqa: E402

NOW = "2026-06-01T12:00:00Z"
POLICIES = ("paused", "default", "lsp")


def child(policy: str, tasks: int, checks: int) -> str:
    payload = make_payload(tasks)
    texts = {"JSON": json.dumps(payload, indent=2), "YAML": yaml.safe_dump(payload, sort_keys=False, allow_unicode=True)}
    load_spec()
    if policy == "lsp":
        gc.set_threshold(*LSP_THRESHOLDS)
    cells = []
    for label, text in texts.items():
        number = text[text.index("+1") : text.index("+1") + 12]
        broken = text.replace(number, number[1:], 1)  # as bench/lsp.py: break and repair one number
        times = []
        kept = None
        for index in range(checks):
            start = time.process_time()
            if policy == "paused":
                gc.disable()
            try:
                kept = validate_text(broken if index % 2 else text, label.lower(), now=NOW, max_bytes=None)  # type: ignore[arg-type]
            finally:
                if policy == "paused":
                    gc.enable()
            times.append(time.process_time() - start)
        assert kept is not None
        cells.append(f"{statistics.median(times[1:]):.3f} | {max(times[1:]):.3f}")
    return " | ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--checks", type=int, default=15)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(child(args.child, args.tasks, args.checks))
        return
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    print(f"{args.tasks:,} tasks, {args.checks} checks per document; CPU seconds per check after the first; lsp = {LSP_THRESHOLDS}\n")
    print("| policy | JSON median | JSON max | YAML median | YAML max |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for policy in POLICIES:
        argv = [sys.executable, __file__, "--child", policy, "--tasks", str(args.tasks), "--checks", str(args.checks)]
        row = subprocess.run(argv, check=True, capture_output=True, text=True, env=env).stdout.strip()
        print(f"| {policy} | {row} |", flush=True)


if __name__ == "__main__":
    main()
