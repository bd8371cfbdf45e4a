"""Generated phone numbers and phonenumbers' own verdicts on them, for the fast-path differential.

Shared by tests/knowledge/test_phone_fast_path.py (a sample) and bench/phones.py (the full run).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from unittest import mock

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from validator.knowledge import phones
from validator.knowledge.numbering import number_type
from validator.knowledge.phones import PhoneInfo

Verdict = tuple[bool, str | None, int | None, str | None]  # valid, region, country code, E.164


@cache
def examples() -> tuple[str, ...]:
    """phonenumbers' example number of every region, non-geographic code and number type, in E.164."""
    found: list[phonenumbers.PhoneNumber] = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in range(PhoneNumberType.FIXED_LINE, PhoneNumberType.UNKNOWN):
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None:
                found.append(number)
    for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        number = phonenumbers.example_number_for_non_geo_entity(code)
        if number is not None:
            found.append(number)
    return tuple(dict.fromkeys(phonenumbers.format_number(n, PhoneNumberFormat.E164) for n in found))


def e164_numbers(count: int, seed: int = 1) -> list[str]:
    """E.164 strings, about half of them valid: example numbers with their last digits redrawn
    (same ranges, many still valid), one digit dropped or added, NANP numbers, random digits."""
    rnd = random.Random(seed)
    base = examples()
    out: list[str] = []
    while len(out) < count:
        roll = rnd.random()
        example = rnd.choice(base)
        if roll < 0.45:
            keep = rnd.randint(max(2, len(example) - 8), len(example) - 1)
            out.append(example[:keep] + "".join(rnd.choice("0123456789") for _ in range(len(example) - keep)))
        elif roll < 0.55:
            cut = rnd.randint(2, len(example) - 1)
            out.append(
                example[:cut] + example[cut + 1 :] if rnd.random() < 0.5 else example[:cut] + rnd.choice("0123456789") + example[cut:]
            )
        elif roll < 0.85:
            out.append(f"+1{rnd.randint(0, 9_999_999_999):010d}")
        else:
            out.append("+" + str(rnd.randint(1, 9)) + "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 14))))
    return out


def spellings(count: int, seed: int = 2) -> list[str]:
    """Other ways people write numbers: US national (10 digits, 11 with a leading 1), separators, 00, digits without +."""
    rnd = random.Random(seed)
    out: list[str] = []
    while len(out) < count:
        digits = f"{rnd.randint(0, 9_999_999_999):010d}"
        kind = rnd.randrange(6)
        if kind == 0:
            out.append(digits)
        elif kind == 1:
            out.append("1" + digits)
        elif kind == 2:
            out.append(f"({digits[:3]}) {digits[3:6]}-{digits[6:]}")
        elif kind == 3:
            out.append(f"+1 {digits[:3]}.{digits[3:6]}.{digits[6:]}")
        elif kind == 4:
            out.append("00" + rnd.choice(examples())[1:])
        else:
            out.append(rnd.choice(examples())[1:])
    return out


def verdict(e164: str) -> Verdict:
    """``phonenumbers.parse`` + ``is_valid_number``, the region and the E.164 form, for an E.164 string."""
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return (False, None, None, None)
    valid = phonenumbers.is_valid_number(number)
    region = phonenumbers.region_code_for_number(number) if valid else None
    return (valid, region, number.country_code, phonenumbers.format_number(number, PhoneNumberFormat.E164))


def type_differs(e164: str) -> bool:
    """The fast path's number type differs from ``phonenumbers.number_type`` (only where it answers)."""
    kind = number_type(e164[1:])
    return kind is not None and kind != phonenumbers.number_type(phonenumbers.parse(e164, None))


def fast_verdict(e164: str) -> Verdict:
    info = phones.analyze_uncached(e164)
    return (info.valid, info.region, info.country_code, info.e164)


@contextmanager
def without_fast_path() -> Iterator[None]:
    """analyze() as it reads numbers with phonenumbers alone."""
    with mock.patch.object(phones, "valid_e164", lambda digits: None):
        yield


def slow_analyze(text: str) -> PhoneInfo:
    with without_fast_path():
        return phones.analyze_uncached(text)
