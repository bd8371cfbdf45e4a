"""The long fuzz run: N inputs or M minutes; counts inputs and groups every broken invariant.

    python -m tests.robustness.fuzz.run --inputs 100000
    python -m tests.robustness.fuzz.run --minutes 30 --seed 7
    python -m tests.robustness.fuzz.run --inputs 20000 --kinds spec,lsp

Unlike the test suite it does not stop at the first failure: each distinct problem is
printed once with its count and one reproducer. An exception escaping the validator is
a problem too. Exit status 1 when anything was found.
"""

from __future__ import annotations

import argparse
import collections
import time
import traceback
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from tests.robustness.fuzz import strategies as fuzz
from tests.robustness.fuzz.invariants import check_bytes, check_config, check_csv, check_payload
from tests.robustness.fuzz.lsp import check_session, sessions
from tests.robustness.fuzz.specs import SPEC_SEEDS, check_spec, spec_cases

SLOW_SECONDS = 30.0
KINDS = ["payload", "text", "bytes", "yamlish", "config", "csv", "spec", "lsp"]


class Tally:
    def __init__(self) -> None:
        self.inputs = 0
        self.by_kind: collections.Counter[str] = collections.Counter()
        self.problems: collections.Counter[str] = collections.Counter()
        self.examples: dict[str, tuple[str, Any]] = {}

    def one(self, kind: str, value: Any) -> None:
        self.inputs += 1
        self.by_kind[kind] += 1
        start = time.monotonic()
        try:
            found = _check(kind, value)
        except Exception as exc:  # the validator must never raise: record and go on
            found = [f"exception {type(exc).__name__}: {exc} @ {traceback.extract_tb(exc.__traceback__)[-1]}"]
        if time.monotonic() - start > SLOW_SECONDS:  # bounded time is an invariant too
            found.append(f"slow: {kind} took {time.monotonic() - start:.0f} s")
        for problem in found:
            key = problem[:100]
            self.problems[key] += 1
            self.examples.setdefault(key, (problem, value))


def _check(kind: str, value: Any) -> list[str]:
    if kind == "payload":
        return check_payload(value)
    if kind == "text":
        return check_bytes(*value)
    if kind == "config":
        return check_config(*value)
    if kind == "csv":
        return check_csv(value)
    if kind == "spec":
        return check_spec(*value)
    if kind == "lsp":
        return check_session(value)
    if kind == "bytes":
        return check_bytes("json", value) + check_bytes("yaml", value)
    return check_bytes("yaml", value.encode("utf-8"))


_DRAW = {
    "payload": fuzz.payloads(),
    "text": fuzz.mutated_texts(),
    "bytes": st.binary(max_size=96),
    "yamlish": fuzz.yamlish,
    "config": fuzz.config_files(),
    "csv": fuzz.csv_texts(),
    "spec": spec_cases(),
    "lsp": sessions(),
}


def run_chunk(tally: Tally, examples: int, chunk_seed: int, kinds: list[str]) -> None:
    @seed(chunk_seed)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def chunk(data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(kinds))
        tally.one(kind, data.draw(_DRAW[kind]))

    chunk()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000, help="stop after this many inputs (default 100,000)")
    parser.add_argument("--minutes", type=float, help="stop after this long instead")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, of {', '.join(KINDS)} (default: all)")
    args = parser.parse_args()
    kinds = [kind for kind in args.kinds.split(",") if kind in KINDS]
    tally = Tally()
    for seed_input in fuzz.SEEDS:  # the inputs that once failed first, every run
        tally.one("text", seed_input)
    for spec_seed in SPEC_SEEDS:
        tally.one("spec", spec_seed)
    start = time.monotonic()
    chunk_seed = args.seed
    while True:
        elapsed = time.monotonic() - start
        if (args.minutes is not None and elapsed >= args.minutes * 60) or (args.minutes is None and tally.inputs >= args.inputs):
            break
        run_chunk(tally, 2_000 if args.minutes is not None else min(2_000, args.inputs - tally.inputs), chunk_seed, kinds)
        chunk_seed += 1
        print(f"{tally.inputs:>9,} inputs, {len(tally.problems)} distinct problems, {time.monotonic() - start:,.0f} s", flush=True)
    print(f"\n{tally.inputs:,} inputs in {time.monotonic() - start:,.0f} s: {dict(tally.by_kind)}")
    for key, count in tally.problems.most_common():
        problem, value = tally.examples[key]
        print(f"\n{count} × {problem}\n    reproducer: {value!r}"[:4000])
    if not tally.problems:
        print("no exception, no internal error, every invariant held")
    return 1 if tally.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
