"""validator.knowledge.recipient_zones: the prefix-shared zone lookup gives phonenumbers' own answers."""

from __future__ import annotations

import random

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from phonenumbers import timezone as tz
from phonenumbers.tzdata import TIMEZONE_DATA

from validator.knowledge.recipient_zones import zones_for


def _example_numbers() -> list[phonenumbers.PhoneNumber]:
    types = [getattr(PhoneNumberType, n) for n in dir(PhoneNumberType) if n.isupper() and n != "UNKNOWN"]
    found = [phonenumbers.example_number_for_type(r, t) for r in phonenumbers.SUPPORTED_REGIONS for t in types]
    found += [phonenumbers.example_number_for_non_geo_entity(c) for c in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS]
    rnd = random.Random(5)
    for _ in range(3000):
        number = phonenumbers.parse(f"+1{rnd.randint(201, 989)}{rnd.randint(2000000, 9999999)}")
        found.append(number)
    return [n for n in found if n is not None and phonenumbers.is_valid_number(n)]


def test_prefix_cache_gives_the_answers_of_time_zones_for_number() -> None:
    numbers = _example_numbers()
    assert len(numbers) > 2000
    for number in numbers:
        want = tuple(z for z in tz.time_zones_for_number(number) if z != tz.UNKNOWN_TIMEZONE)
        assert zones_for(phonenumbers.format_number(number, PhoneNumberFormat.E164)).zones == want, number  # type: ignore[union-attr]


def test_zone_prefixes_start_with_a_country_code() -> None:
    codes = phonenumbers.COUNTRY_CODE_TO_REGION_CODE
    assert all(any(int(key[:n]) in codes for n in (1, 2, 3)) for key in TIMEZONE_DATA)
    assert zones_for("(212) 555-0123") is None
    assert zones_for("+99912345678") is not None and zones_for("+99912345678").zones == ()  # type: ignore[union-attr]
