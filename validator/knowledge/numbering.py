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

Per region and national-number length, ``general_desc`` and the type patterns that length
allows become one expression (``(?=general$)(?:type1|type2|…)``), so a US number costs one
regular-expression match. :func:`number_type` answers ``phonenumbers.number_type`` the same
way. ``tests/knowledge/test_phone_fast_path.py`` compares both with phonenumbers on a sample of
generated numbers, ``bench/phones.py`` on 125,000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata, PhoneNumberType, region_code_for_country_code
from phonenumbers.phonemetadata import PhoneNumberDesc

_MIN_NSN, _MAX_NSN = 2, 17  # phonenumbers' _MIN_LENGTH_FOR_NSN and _MAX_LENGTH_FOR_NSN
# Every type _number_type_helper tries, in its order; mobile only when its pattern differs from fixed_line's.
_TYPES = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail", "fixed_line")
_KINDS = {name: getattr(PhoneNumberType, name.upper()) for name in (*_TYPES, "mobile")}
# Country calling codes as written: "1" → 1, "44" → 44 (codes are prefix-free).
_CODES = {str(code): code for code in COUNTRY_CODE_TO_REGION_CODE}


@dataclass(frozen=True, slots=True)
class _Region:
    code: str
    leading_digits: re.Pattern[str] | None
    general_lengths: frozenset[int]
    general: str | None  # general_desc's pattern
    types: tuple[tuple[int, PhoneNumberDesc], ...]  # (PhoneNumberType, desc) with a pattern, in _number_type_helper's order
    same_mobile_and_fixed_line: bool

    def validity(self, length: int) -> re.Pattern[str] | None:
        """Fully matches a national number of this length when it matches general_desc and any type; None: none can."""
        if self.general is None or (self.general_lengths and length not in self.general_lengths):
            return None
        typed = dict.fromkeys(d.national_number_pattern for _, d in self.types if not d.possible_length or length in d.possible_length)
        if not typed:
            return None
        return re.compile(f"(?=(?:{self.general})\\Z)(?:{'|'.join(f'(?:{p})' for p in typed)})")

    def kind(self, nsn: str) -> int:
        """``_number_type_helper`` for a national number valid in this region: the first type that matches."""
        for kind, desc in self.types:
            if _matches(desc, nsn):
                mobile = self.same_mobile_and_fixed_line or any(k == PhoneNumberType.MOBILE and _matches(d, nsn) for k, d in self.types)
                return PhoneNumberType.FIXED_LINE_OR_MOBILE if kind == PhoneNumberType.FIXED_LINE and mobile else kind
        return PhoneNumberType.UNKNOWN


def _matches(desc: PhoneNumberDesc, nsn: str) -> bool:
    """``_is_number_matching_desc`` (the pattern is known to be non-empty)."""
    lengths = desc.possible_length
    return (not lengths or len(nsn) in lengths) and _compiled(desc.national_number_pattern).fullmatch(nsn) is not None


# For one country and national-number length: (region, leading_digits, validity) in the order phonenumbers tries them.
_Plan = tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None], ...]


@dataclass(slots=True)
class _Country:
    code: int
    national_prefix: re.Pattern[str] | None  # the main region's national_prefix_for_parsing
    regions: tuple[str, ...]
    plans: dict[int, _Plan]  # by national-number length, built when first needed

    def region_of_valid(self, nsn: str) -> str | None:
        """The region ``is_valid_number`` validates against, when the number is valid there."""
        plan = self.plans.get(len(nsn))
        if plan is None:
            plan = self.plans[len(nsn)] = self._plan(len(nsn))
        if len(self.regions) == 1:  # region_code_for_number takes it without matching
            return plan[0][0] if plan and plan[0][2] is not None and plan[0][2].fullmatch(nsn) else None
        for name, leading, validity in plan:
            if leading is not None:
                if leading.match(nsn):
                    return name if validity is not None and validity.fullmatch(nsn) else None
            elif validity is not None and validity.fullmatch(nsn):
                return name
        return None

    def _plan(self, length: int) -> _Plan:
        regions = [r for r in (_region(self.code, name) for name in self.regions) if r is not None]
        return tuple((r.code, r.leading_digits, r.validity(length)) for r in regions)


def valid_e164(digits: str) -> tuple[int, str] | None:
    """``(country code, region)`` when ``"+" + digits`` parses to country code + the remaining digits and is valid.

    ``None`` means "ask phonenumbers": the number is invalid, or parsing it may do more
    than split off the country code. ``digits`` is what follows the ``+`` of an E.164 string.
    """
    code = _CODES.get(digits[:1]) or _CODES.get(digits[:2]) or _CODES.get(digits[:3])  # as _extract_country_code reads it
    if code is None or len(digits) < 3:
        return None
    nsn = digits[len(str(code)) :]
    country = _COUNTRIES.get(code) or _country(code)
    if not _MIN_NSN <= len(nsn) <= _MAX_NSN or (country.national_prefix is not None and country.national_prefix.match(nsn)):
        return None
    region = country.region_of_valid(nsn)
    return None if region is None else (code, region)


def number_type(digits: str) -> int | None:
    """``phonenumbers.number_type`` of ``"+" + digits`` when :func:`valid_e164` knows the number valid; else ``None``."""
    found = valid_e164(digits)
    if found is None:
        return None
    code, name = found
    region = _region(code, name)
    assert region is not None  # valid_e164 found the number valid there
    return region.kind(digits[len(str(code)) :])


@cache  # process-wide: phonenumbers' metadata patterns, compiled once
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_COUNTRIES: dict[int, _Country] = {}


def _country(code: int) -> _Country:
    main = PhoneMetadata.metadata_for_region_or_calling_code(code, region_code_for_country_code(code))
    prefix = main.national_prefix_for_parsing if main is not None else None
    country = _COUNTRIES[code] = _Country(code, re.compile(prefix) if prefix else None, tuple(COUNTRY_CODE_TO_REGION_CODE[code]), {})
    return country


@cache  # process-wide: phonenumbers' metadata per region
def _region(code: int, name: str) -> _Region | None:
    """A region's patterns (loaded when a number first needs them: NANP alone has 25 regions)."""
    if len(COUNTRY_CODE_TO_REGION_CODE[code]) == 1:  # as is_valid_number_for_region looks it up
        metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, name)
    else:  # as _region_code_for_number_from_list does
        metadata = PhoneMetadata.metadata_for_region(name, None)
    if metadata is None:
        return None
    names = _TYPES if metadata.same_mobile_and_fixed_line_pattern else (*_TYPES, "mobile")
    descs = [(_KINDS[name], getattr(metadata, name)) for name in names]
    general: PhoneNumberDesc | None = metadata.general_desc
    return _Region(
        code=name,
        leading_digits=re.compile(metadata.leading_digits) if metadata.leading_digits is not None else None,
        general_lengths=frozenset(general.possible_length) if general is not None else frozenset(),
        general=general.national_number_pattern if general is not None and general.national_number_pattern else None,
        types=tuple((kind, d) for kind, d in descs if d is not None and d.national_number_pattern),
        same_mobile_and_fixed_line=bool(metadata.same_mobile_and_fixed_line_pattern),
    )
