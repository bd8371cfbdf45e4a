"""Benchmark: the time each semantic rule takes on one payload, and where phone parsing goes.

    python bench/rules.py                    # 10,000 tasks
    python bench/rules.py --tasks 100000     # the size rules are written for
    python bench/rules.py --broken-numbers   # every number spelled "(415) 555-0123"

Rules run in registry order on one shared Context, as the engine runs them, so views the
rules share (phone fields, recipient zones) are paid by the first rule that asks. The phone
cache (validator.knowledge.phones.analyze) is cleared first: "cold" is a fresh process's first payload;
"warm" runs every rule again with the caches full. Timings are wall clock, best of --repeat.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from payloads import make_payload  # noqa: E402

from validator.context import Context  # noqa: E402
from validator.engine.registry import Rule, semantic_rules  # noqa: E402
from validator.knowledge import phones  # noqa: E402
from validator.openapi.load import load_spec  # noqa: E402
from validator.settings import Settings, parse_now  # noqa: E402


def run(rules: list[Rule], ctx: Context) -> dict[str, tuple[float, int]]:
    out = {}
    for rule in rules:
        assert rule.check is not None
        start = time.perf_counter()
        found = sum(1 for _ in rule.check(ctx))
        out[rule.code] = (time.perf_counter() - start, found)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--broken-numbers", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    payload = make_payload(args.tasks, numbers="spaced" if args.broken_numbers else "e164")
    settings = Settings(now=parse_now("2026-06-01T12:00:00Z"))
    rules = semantic_rules()
    cold: dict[str, tuple[float, int]] = {}
    for _ in range(args.repeat):
        phones.analyzed_fields.cache_clear()
        timings = run(rules, Context(payload, load_spec(), settings))
        cold = {code: min(timings[code], cold.get(code, timings[code])) for code in timings}
    ctx = Context(payload, load_spec(), settings)
    run(rules, ctx)
    warm = run(rules, ctx)

    print(f"{args.tasks:,} tasks{' (broken numbers)' if args.broken_numbers else ''}: seconds per rule")
    print(f"{'rule':8} {'name':36} {'cold':>9} {'warm':>9} {'findings':>9}")
    for rule in rules:
        (c, found), (w, _) = cold[rule.code], warm[rule.code]
        if c >= 0.0005 or found:
            print(f"{rule.code:8} {rule.name:36} {c:9.4f} {w:9.4f} {found:9,}")
    total_cold = sum(t for t, _ in cold.values())
    total_warm = sum(t for t, _ in warm.values())
    print(f"{'all':8} {len(rules):,} rules{'':29} {total_cold:9.4f} {total_warm:9.4f}")


if __name__ == "__main__":
    main()
