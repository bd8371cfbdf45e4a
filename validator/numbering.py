"""phonenumbers' validity verdict for E.164 digits, with its metadata compiled once per country code.

``phonenumbers.parse`` + ``is_valid_number`` cost ~30 µs a number, mostly in generic
parsing and in looking up and re-matching the same metadata patterns for every number.
For ``+`` and digits the work reduces to what this module does with the same metadata:

* ``parse`` splits off the country code (1 to 3 digits, the first prefix phonenumbers
  knows) and keeps the rest as the national number unless the main region's
  ``national_prefix_for_parsing`` matches its start (then phonenumbers may strip a prefix:
  :func:`valid_e164` answers ``None`` and the caller asks phonenumbers);
* ``is_valid_number`` picks the region (``region_code_for_number``: the only region of the
  code, else the first whose ``leading_digits`` match or whose number types match) and is
  true when the national number matches the region's ``general_desc`` and at least one
  number type (``_number_type_helper`` is not ``UNKNOWN``), lengths included.

The type patterns a length allows are joined into one alternation per region and length,
so a US number costs two regular-expression matches. ``tests/test_phone_fast_path.py``
compares the verdicts with ``parse`` + ``is_valid_number`` over 100,000 generated numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata, region_code_for_country_code
from phonenumbers.phonemetadata import PhoneNumberDesc

_MIN_NSN, _MAX_NSN = 2, 17  # phonenumbers' _MIN_LENGTH_FOR_NSN and _MAX_LENGTH_FOR_NSN
# Every type _number_type_helper tries; mobile only when its pattern differs from fixed_line's.
_TYPES = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail", "fixed_line")


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: a cache key of _typed
class _Region:
    code: str
    leading_digits: re.Pattern[str] | None
    general_lengths: frozenset[int]
    general: re.Pattern[str] | None
    types: tuple[PhoneNumberDesc, ...]  # every type _number_type_helper tries that has a pattern

    def valid(self, nsn: str) -> bool:
        length = len(nsn)
        if self.general is None or (self.general_lengths and length not in self.general_lengths):
            return False
        typed = _typed(self, length)
        return typed is not None and self.general.fullmatch(nsn) is not None and typed.fullmatch(nsn) is not None


@dataclass(frozen=True, slots=True)
class _Country:
    code: int
    national_prefix: re.Pattern[str] | None  # the main region's national_prefix_for_parsing
    regions: tuple[str, ...]

    def region_of_valid(self, nsn: str) -> str | None:
        """The region ``is_valid_number`` validates against, when the number is valid there."""
        if len(self.regions) == 1:  # region_code_for_number takes it without matching
            region = _region(self.code, self.regions[0])
            return region.code if region is not None and region.valid(nsn) else None
        for name in self.regions:
            region = _region(self.code, name)
            if region is None:
                continue
            if region.leading_digits is not None:
                if region.leading_digits.match(nsn):
                    return region.code if region.valid(nsn) else None
            elif region.valid(nsn):
                return region.code
        return None


def valid_e164(digits: str) -> tuple[int, str] | None:
    """``(country code, region)`` when ``"+" + digits`` parses to country code + the remaining digits and is valid.

    ``None`` means "ask phonenumbers": the number is invalid, or parsing it may do more
    than split off the country code. ``digits`` is what follows the ``+`` of an E.164 string.
    """
    for size in range(1, min(len(digits), 3) + 1):
        code = int(digits[:size])
        if code in COUNTRY_CODE_TO_REGION_CODE:
            break
    else:
        return None
    nsn = digits[size:]
    country = _country(code)
    if not _MIN_NSN <= len(nsn) <= _MAX_NSN or (country.national_prefix is not None and country.national_prefix.match(nsn)):
        return None
    region = country.region_of_valid(nsn)
    return None if region is None else (code, region)


@cache
def _country(code: int) -> _Country:
    main = PhoneMetadata.metadata_for_region_or_calling_code(code, region_code_for_country_code(code))
    prefix = main.national_prefix_for_parsing if main is not None else None
    return _Country(code, re.compile(prefix) if prefix else None, tuple(COUNTRY_CODE_TO_REGION_CODE[code]))


@cache
def _region(code: int, name: str) -> _Region | None:
    """A region's patterns (loaded when a number first needs them: NANP alone has 25 regions)."""
    if len(COUNTRY_CODE_TO_REGION_CODE[code]) == 1:  # as is_valid_number_for_region looks it up
        metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, name)
    else:  # as _region_code_for_number_from_list does
        metadata = PhoneMetadata.metadata_for_region(name, None)
    if metadata is None:
        return None
    descs = [getattr(metadata, kind) for kind in _TYPES]
    if not metadata.same_mobile_and_fixed_line_pattern:
        descs.append(metadata.mobile)
    general: PhoneNumberDesc | None = metadata.general_desc
    return _Region(
        code=name,
        leading_digits=re.compile(metadata.leading_digits) if metadata.leading_digits is not None else None,
        general_lengths=frozenset(general.possible_length) if general is not None else frozenset(),
        general=re.compile(general.national_number_pattern) if general is not None and general.national_number_pattern else None,
        types=tuple(d for d in descs if d is not None and d.national_number_pattern),
    )


@cache
def _typed(region: _Region, length: int) -> re.Pattern[str] | None:
    """One pattern that fully matches a national number of this length when any type's pattern does (lengths checked)."""
    patterns = dict.fromkeys(d.national_number_pattern for d in region.types if not d.possible_length or length in d.possible_length)
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
