"""Benchmark: the calling-hours rules (RBV701-RBV704) against a naive per-number zone lookup.

    python bench/calling_hours.py                 # 100,000 tasks
    python bench/calling_hours.py --tasks 10000

Two batches of distinct numbers: "US" (bench/payloads.py: every US area code phonenumbers
accepts, window 11:00-17:00 America/Chicago Mon-Fri) and "world" (the same plus Canadian,
Caribbean, European, Asian and Australian numbers, window 09:00-20:00 America/Los_Angeles).
"naive" is what a rule would do without sharing: ``phonenumbers.parse`` and
``time_zones_for_number`` for every task. "rules, cold" starts with empty caches (the first
document a process checks); "rules, warm" checks it again as a new document (zone and
local-hour caches filled). Times are CPU seconds of this process (``time.process_time``),
so other work on a shared machine does not inflate them.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


import phonenumbers  # noqa: E402
from payloads import make_payload  # noqa: E402
from phonenumbers import PhoneNumberFormat, PhoneNumberType  # noqa: E402
from phonenumbers import timezone as tz  # noqa: E402

from validator.calling import reach as calling_hours  # noqa: E402
from validator.context import Context  # noqa: E402
from validator.engine.registry import rules_by_code  # noqa: E402
from validator.knowledge import recipient_zones  # noqa: E402
from validator.openapi.load import load_spec  # noqa: E402
from validator.settings import Settings, parse_now  # noqa: E402

CODES = ("RBV701", "RBV702", "RBV703", "RBV704")
NOW = "2026-06-01T12:00:00Z"


def world_payload(tasks: int) -> dict[str, Any]:
    """70% US numbers, 30% numbers of every other region (fixed line and mobile), all distinct."""
    rnd = random.Random(3)
    templates = [
        phonenumbers.format_number(number, PhoneNumberFormat.E164)
        for region in sorted(phonenumbers.SUPPORTED_REGIONS - {"US"})
        for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE)
        if (number := phonenumbers.example_number_for_type(region, kind)) is not None
    ]
    payload = make_payload(tasks - tasks * 3 // 10)
    seen = {task["to_number"] for task in payload["tasks"]}
    while len(payload["tasks"]) < tasks:
        template = rnd.choice(templates)
        number = template[:-3] + f"{rnd.randint(0, 999):03d}"
        if number not in seen:
            seen.add(number)
            payload["tasks"].append({"to_number": number})
    payload["call_time_window"] = {"windows": [{"start": 540, "end": 1200}], "timezone": "America/Los_Angeles"}
    return payload


def naive(payload: dict[str, Any]) -> None:
    for task in payload["tasks"]:
        with contextlib.suppress(phonenumbers.NumberParseException):
            tz.time_zones_for_number(phonenumbers.parse(task["to_number"], None))


def rules(payload: dict[str, Any]) -> Callable[[], list[Any]]:
    ctx = Context(payload, load_spec(), Settings(now=parse_now(NOW)))
    checks = [rules_by_code()[code].check for code in CODES]
    return lambda: [finding for check in checks if check is not None for finding in check(ctx)]


def clear_caches() -> None:
    """Empty what the rules fill per prefix, zone and schedule (not the interned values: identity is their equality)."""
    recipient_zones._BY_HEAD.clear()
    for cached in (recipient_zones._block, calling_hours.reach_on_clock, calling_hours.clock_signature, calling_hours.offset_changes):
        cached.cache_clear()


def timed(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    tasks = parser.parse_args().tasks
    load_spec()
    print(f"{tasks:,} tasks, distinct numbers; CPU seconds (lower is better)\n")
    print("| batch | naive parse + time_zones_for_number | rules, cold | rules, warm | findings | zone prefix blocks |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, payload in (("US", make_payload(tasks)), ("world", world_payload(tasks))):
        base = timed(lambda: naive(payload))  # noqa: B023
        clear_caches()
        run = rules(payload)
        cold = timed(run)
        found = run()
        warm = timed(rules(payload))
        blocks = recipient_zones._block.cache_info().currsize
        print(f"| {name} | {base:.3f} | {cold:.3f} ({base / cold:.1f}x) | {warm:.3f} | {len(found)} | {blocks} |")


if __name__ == "__main__":
    main()
