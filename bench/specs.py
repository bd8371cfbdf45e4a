"""Hostile specs at n and 10n: shared ``$ref`` chains, YAML alias trees, a nested-quantifier ``pattern``.

    python bench/specs.py [--tree PATH] [--limit SECONDS]

Each measurement is a fresh process (``--tree``: another checkout's ``validator``, for before/after
figures) that loads a spec and checks one payload against it, timed with a limit: a row that
reaches it says so. Growth is the 10n time over the n time. The spec shapes: a chain of components
each using the next twice (depth n: 2^n uses of the last), a YAML alias tree (depth n: 4^n uses of
its leaf; both refused past the expansion limit, so the figure is the time to say so), the same
chain at a depth under the limit, and ``^(a+)+$`` matched against ``"a" * n + "!"``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPEC = (HERE.parent / "spec" / "create-batch-call.openapi.yaml").read_text(encoding="utf-8").split("\n", 1)[1]
BODY = "                - tasks\n              properties:\n"
COMPONENTS = "components:\n  schemas:\n"
PAYLOAD = {"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}
CHILD = """
import json, sys, time
from validator import validate_text
from validator.openapi.load import SpecError, load_spec
start = time.perf_counter()
try:
    spec = load_spec(sys.argv[1])
    codes = sorted({d.code for d in validate_text(open(sys.argv[2]).read(), "json", spec=spec, now="2026-06-01T12:00:00Z").diagnostics})
    outcome = ",".join(codes) or "clean"
except SpecError as exc:
    outcome = "refused"
print(json.dumps({"seconds": time.perf_counter() - start, "outcome": outcome}))
"""


def ref_chain(depth: int) -> str:
    chain = "".join(
        f"    C{i}:\n      type: object\n      properties:\n"
        f"        a: {{$ref: '#/components/schemas/C{i + 1}'}}\n        b: {{$ref: '#/components/schemas/C{i + 1}'}}\n"
        for i in range(depth)
    )
    text = SPEC.replace(COMPONENTS, COMPONENTS + chain + f"    C{depth}:\n      type: string\n", 1)
    return text.replace(BODY, BODY + "                bomb: {$ref: '#/components/schemas/C0'}\n", 1)


def ref_list(length: int) -> str:
    """Components each used once by the next (a list, not a tree): the expansion stays linear."""
    chain = "".join(
        f"    L{i}:\n      type: object\n      properties:\n        a: {{$ref: '#/components/schemas/L{i + 1}'}}\n" for i in range(length)
    )
    text = SPEC.replace(COMPONENTS, COMPONENTS + chain + f"    L{length}:\n      type: string\n", 1)
    return text.replace(BODY, BODY + "                chain: {$ref: '#/components/schemas/L0'}\n", 1)


def alias_tree(depth: int) -> str:
    anchors = "x-tree:\n  l0: &l0 {type: string}\n" + "".join(
        f"  l{i}: &l{i} {{type: object, properties: {{a: *l{i - 1}, b: *l{i - 1}, c: *l{i - 1}, d: *l{i - 1}}}}}\n"
        for i in range(1, depth + 1)
    )
    head, rest = SPEC.split("paths:\n", 1)
    return head + anchors + "paths:\n" + rest.replace(BODY, BODY + f"                bomb: *l{depth}\n", 1)


def pattern_spec() -> str:
    return SPEC.replace(BODY, BODY + "                code:\n                  type: string\n                  pattern: ^(a+)+$\n", 1)


def measure(tree: Path | None, spec_text: str, payload: dict[str, object], limit: float) -> str:
    folder = Path(tempfile.mkdtemp(prefix="bench-specs-"))
    (folder / "spec.yaml").write_text(spec_text, encoding="utf-8")
    (folder / "payload.json").write_text(json.dumps(payload), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tree)} if tree else None
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(folder / "spec.yaml"), str(folder / "payload.json")],
            capture_output=True,
            text=True,
            timeout=limit,
            env=env,
            cwd=tree,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"> {limit:.0f} s"
    if done.returncode:
        return f"failed: {done.stderr.strip().splitlines()[-1][:60]}"
    result = json.loads(done.stdout)
    return f"{result['seconds']:.2f} s ({result['outcome']})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", type=Path, help="a checkout whose validator to measure")
    parser.add_argument("--limit", type=float, default=120.0)
    args = parser.parse_args()
    shapes = [
        ("chain of components each used twice, depth n", 12, lambda n: (ref_chain(n), PAYLOAD)),
        ("YAML alias tree, 4 uses per level, depth n", 6, lambda n: (alias_tree(n), PAYLOAD)),
        ("components each used once, length n", 10, lambda n: (ref_list(n), PAYLOAD)),
        ("pattern ^(a+)+$ against n a's and a !", 20, lambda n: (pattern_spec(), {**PAYLOAD, "code": "a" * n + "!"})),
        ("pattern ^(a+)+$ against n a's and a !", 10_000, lambda n: (pattern_spec(), {**PAYLOAD, "code": "a" * n + "!"})),
    ]
    started = time.strftime("%Y-%m-%d %H:%M")
    print(
        f"`python bench/specs.py{f' --tree {args.tree}' if args.tree else ''}`, {started}, Python {platform.python_version()}, {os.cpu_count()} cores\n"
    )
    print("| shape | n | at n | at 2n | at 10n |")
    print("|---|---:|---:|---:|---:|")
    for label, n, make in shapes:
        cells = [measure(args.tree, *make(size), args.limit) for size in (n, 2 * n, 10 * n)]
        print(f"| {label} | {n:,} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
