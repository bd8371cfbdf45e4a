"""Scaling: time at n and 10n for payloads whose findings grow with n; the growth ratio should stay ≤ ×15.

    python bench/scaling.py              # n = 2,000 (20,000 for 10n)
    python bench/scaling.py --n 500      # quick look

Each shape puts n findings in one payload (the worst case for per-finding work: locating,
de-duplicating, sorting), in JSON and in YAML. Linear work gives ×10; ×15 leaves room for
noise and cache effects; a quadratic path gives ×100. Times are ``validate_text`` in this
process, best of ``--repeat`` runs, after one warm-up call (imports, spec load). Not a unit
test: timings on a shared machine are not pass/fail material, so this prints a table and
exits 1 when a ratio is over the target, for a person or a CI job to read.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable
from typing import Any, cast

from validator import validate_text
from validator.readers import InputFormat

NOW = "2026-06-01T12:00:00Z"
TARGET = 15.0
BASE: dict[str, Any] = {"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}


def _json_members(members: list[tuple[str, str]]) -> str:
    """An object from (key, JSON text) pairs, keeping repeats (json.dumps cannot write duplicates)."""
    return "{" + ", ".join(f"{json.dumps(k)}: {v}" for k, v in members) + "}"


def _yaml_members(members: list[tuple[str, str]], indent: str) -> str:
    return "".join(f"{indent}{json.dumps(k)}: {v}\n" for k, v in members)


def _with_root_members(extra: list[tuple[str, str]], fmt: str) -> str:
    base = [("from_number", '"+14157774444"'), ("tasks", '[{"to_number": "+12137774445"}]')]
    return _json_members(base + extra) if fmt == "json" else _yaml_members(base + extra, "")


def unknown_keys(n: int, fmt: str) -> str:
    """n unknown root keys: n × RBV111."""
    return _with_root_members([(f"k{i}", str(i)) for i in range(n)], fmt)


def duplicates(n: int, fmt: str) -> str:
    """n keys each given twice in metadata: n × RBV016 (different values)."""
    members = [(f"k{i}", str(v)) for i in range(n) for v in (1, 2)]
    if fmt == "json":
        task = _json_members([("to_number", '"+12137774445"'), ("metadata", _json_members(members))])
        return _json_members([("from_number", '"+14157774444"'), ("tasks", f"[{task}]")])
    return 'from_number: "+14157774444"\ntasks:\n- to_number: "+12137774445"\n  metadata:\n' + _yaml_members(members, "    ")


def _one_task(task: dict[str, Any], fmt: str) -> str:
    payload = {**BASE, "tasks": [task]}
    if fmt == "json":
        return json.dumps(payload)
    variables = task.get("retell_llm_dynamic_variables", {})
    override = task.get("agent_override")
    text = 'from_number: "+14157774444"\ntasks:\n- to_number: "+12137774445"\n'
    if variables:
        text += "  retell_llm_dynamic_variables:\n" + _yaml_members([(k, json.dumps(v)) for k, v in variables.items()], "    ")
    if override:
        text += f"  agent_override: {json.dumps(override)}\n"
    return text


def wrong_types(n: int, fmt: str) -> str:
    """n dynamic variables whose values are numbers, not strings: n × RBV102."""
    return _one_task({"to_number": "+12137774445", "retell_llm_dynamic_variables": {f"v{i}": i for i in range(n)}}, fmt)


def placeholders(n: int, fmt: str) -> str:
    """A begin message naming n variables the task does not set: n × RBV604."""
    message = " ".join(f"{{{{v{i}}}}}" for i in range(n))
    return _one_task({"to_number": "+12137774445", "agent_override": {"retell_llm": {"begin_message": message}}}, fmt)


def non_string_keys(n: int, fmt: str) -> str:
    """YAML only: n integer keys in the dynamic variables (n × RBV013); JSON keys are always strings."""
    if fmt == "json":
        return ""
    return 'from_number: "+14157774444"\ntasks:\n- to_number: "+12137774445"\n  retell_llm_dynamic_variables:\n' + "".join(
        f'    {i}: "x"\n' for i in range(n)
    )


SHAPES: dict[str, Callable[[int, str], str]] = {
    "unknown keys": unknown_keys,
    "wrong types": wrong_types,
    "placeholders": placeholders,
    "duplicates": duplicates,
    "non-string keys": non_string_keys,
}


def measure(text: str, fmt: str, repeat: int) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        report = validate_text(text, cast(InputFormat, fmt), now=NOW)
        best = min(best, time.perf_counter() - start)
        found = len(report.diagnostics)
    return best, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    n, big = args.n, args.n * 10
    validate_text(unknown_keys(10, "json"), "json", now=NOW)  # warm-up: imports and the spec
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.system()}; n = {n:,}, best of {args.repeat}")
    print(f"| shape | format | findings at n | time at n | findings at 10n | time at 10n | growth | ≤ ×{TARGET:g} |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    over = False
    for name, build in SHAPES.items():
        for fmt in ("json", "yaml"):
            small_text = build(n, fmt)
            if not small_text:
                continue
            small, small_found = measure(small_text, fmt, args.repeat)
            large, large_found = measure(build(big, fmt), fmt, args.repeat)
            ratio = large / small
            over |= ratio > TARGET
            verdict = "yes" if ratio <= TARGET else "**no**"
            print(f"| {name} | {fmt} | {small_found:,} | {small:.3f} s | {large_found:,} | {large:.3f} s | ×{ratio:.1f} | {verdict} |")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
