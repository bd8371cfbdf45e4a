"""Phone validation: validator.knowledge.phones.analyze against phonenumbers.parse + is_valid_number.

    python bench/phones.py                  # 100,000 E.164 numbers + 25,000 other spellings (~20 s)
    python bench/phones.py --numbers 10000  # quick look

Verdicts (valid, region, country code, E.164 form) must be identical for every number
(tests/knowledge/test_phone_fast_path.py runs a sample of the same comparison), and so must number types
(validator.knowledge.numbering.number_type, used for time zones); other spellings must
read as analyze() reads them with phonenumbers alone. Times are per number on the first
20,000 of each set, uncached (analyze's per-process cache is bypassed), best of three.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from payloads import make_payload  # noqa: E402

from tests.knowledge.phone_differential import e164_numbers, fast_verdict, slow_analyze, spellings, type_differs, verdict  # noqa: E402
from validator.knowledge.numbering import valid_e164  # noqa: E402
from validator.knowledge.phones import analyze_uncached  # noqa: E402


def per_number(work: Callable[[str], object], numbers: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for number in numbers:
            work(number)
        best = min(best, time.perf_counter() - start)
    return best / len(numbers) * 1e6


def parse_and_validate(number: str) -> bool:
    import phonenumbers

    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(number, None)))
    except phonenumbers.NumberParseException:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--numbers", type=int, default=100_000)
    parser.add_argument("--spellings", type=int, default=25_000)
    args = parser.parse_args()

    numbers = e164_numbers(args.numbers)
    expected = [verdict(n) for n in numbers]
    wrong = [n for n, v in zip(numbers, expected, strict=True) if fast_verdict(n) != v]
    valid = [n for n, v in zip(numbers, expected, strict=True) if v[0]]
    mistyped = [n for n in valid if type_differs(n)]
    fast = sum(1 for n in valid if valid_e164(n[1:]) is not None)
    texts = spellings(args.spellings)
    misread = [t for t in texts if analyze_uncached(t) != slow_analyze(t)]
    print(f"{len(numbers):,} E.164 numbers ({len(valid):,} valid, {fast:,} of them on the fast path): {len(wrong)} verdicts differ")
    print(
        f"number types (validator.knowledge.numbering.number_type) of the valid ones: {len(mistyped)} differ from phonenumbers.number_type"
    )
    print(f"{len(texts):,} other spellings: {len(misread)} read differently")
    for shown in (wrong + mistyped + misread)[:10]:
        print("  differs:", shown)

    payload = [t["to_number"] for t in make_payload(100_000)["tasks"]]
    rows = [
        ("benchmark payload numbers (100,000 valid US)", payload),
        ("generated E.164, valid", valid),
        ("generated E.164, all", numbers),
    ]
    print("\n| numbers | parse + is_valid_number µs | analyze() µs | speed-up |\n| --- | ---: | ---: | ---: |")
    for label, numbers_timed in rows:
        sample = numbers_timed[:20_000]
        reference = per_number(parse_and_validate, sample)
        ours = per_number(analyze_uncached, sample)
        print(f"| {label} | {reference:.1f} | {ours:.1f} | {reference / ours:.1f}× |")
    sys.exit(1 if wrong or mistyped or misread else 0)


if __name__ == "__main__":
    main()
