"""The IANA zones a recipient's number may be in, shared by every number of the same prefix block.

phonenumbers maps a number to zones by its longest prefix in ``TIMEZONE_DATA``
(``+1212`` → New York, ``+1208`` → Boise or Los Angeles, up to 9 digits for
Idaho's NPA-NXX blocks), except that numbers of a non-geographic type (toll-free,
premium, and mobiles outside a few countries) get their whole country's list.
Parsing and typing a number costs ~40 µs (~5 µs for a valid number, with validator.knowledge.numbering), so :func:`zones_for` looks up the
prefix block from the digits and asks for the number's type only in blocks
where that type could change the answer (a block whose zones differ from the
country's and where a non-geographic pattern of the country can match).
For every valid number the answer equals ``time_zones_for_number``
(``tests/knowledge/test_recipient_zones.py`` checks every example number phonenumbers ships);
an invalid number (RBV2xx reports it) gets its block's zones instead of ``Etc/Unknown``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import phonenumbers
import regex
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, NumberParseException, PhoneMetadata, PhoneNumber, PhoneNumberType
from phonenumbers import timezone as tz
from phonenumbers.phonenumberutil import is_number_type_geographical, number_type
from phonenumbers.tzdata import TIMEZONE_DATA

from validator.knowledge.numbering import number_type as fast_number_type
from validator.knowledge.phones import E164_PATTERN

_NON_GEOGRAPHIC = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail")


@dataclass(frozen=True, slots=True, eq=False)
class RecipientZones:
    """``zones`` empty: unknown. ``country_only``: the number tells its country, not where in it.

    One instance per value (made only by :func:`_interned`), so equality is identity: grouping
    100,000 recipients by zones hashes object ids, not tuples of zone names.
    """

    zones: tuple[str, ...]
    country_only: bool


@cache  # process-wide: one instance per value, so that equality is identity (see RecipientZones)
def _interned(zones: tuple[str, ...], country_only: bool) -> RecipientZones:
    return RecipientZones(zones, country_only)


UNKNOWN = _interned((), True)
# Lengths of the TIMEZONE_DATA prefixes longer than 4 digits, by their first 4 digits, longest first; and the prefixes.
_LONGER: dict[str, tuple[int, ...]] = {}
_UNDER: dict[str, list[str]] = {}
for _prefix in TIMEZONE_DATA:
    if len(_prefix) > 4:
        _LONGER[_prefix[:4]] = tuple(sorted({*_LONGER.get(_prefix[:4], ()), len(_prefix)}, reverse=True))
        _UNDER.setdefault(_prefix[:4], []).append(_prefix)


@dataclass(frozen=True, slots=True)
class _Block:
    code: int
    geographic: RecipientZones
    country: RecipientZones
    typed: bool  # the number's own type decides between the two


def zones_for(number: str) -> RecipientZones | None:
    """The zones of an E.164 number; ``None`` when the text is not E.164 (RBV2xx reports it)."""
    if not E164_PATTERN.fullmatch(number):
        return None
    digits = number[1:]
    known = _BY_HEAD.get(digits[:4]) if len(digits) >= 4 else None
    if known is not None:
        return known
    # The longest prefix in TIMEZONE_DATA: a longer one than 4 digits can only start with digits[:4].
    for length in (*_LONGER.get(digits[:4], ()), 4, 3, 2, 1):
        if length <= len(digits) and digits[:length] in TIMEZONE_DATA:
            block = _block(digits[:length])
            break
    else:
        return UNKNOWN
    if not block.typed:
        if len(digits) >= 4 and digits[:4] not in _LONGER:  # the first 4 digits decide: so for the next number
            _BY_HEAD[digits[:4]] = block.geographic
        return block.geographic
    return block.geographic if _is_geographic(number, block.code) else block.country


# First 4 digits → zones, for heads that decide the zones alone (no longer prefix, no type to ask);
# process-wide: phonenumbers' zone table, at most 10,000 heads.
_BY_HEAD: dict[str, RecipientZones] = {}


@cache  # process-wide: phonenumbers' zone table per 4-digit head (at most 10,000)
def deciding_length(head: str) -> int | None:
    """How many leading digits decide the zones of every number that starts with ``head`` (its first 4 digits).

    ``None`` when a block under it asks the number's type (a mobile may ring elsewhere than
    a fixed line of the same prefix): callers then look each number up.
    """
    candidates = [head[:n] for n in range(1, 5) if head[:n] in TIMEZONE_DATA] + [p for p in _UNDER.get(head, ())]
    if any(_block(prefix).typed for prefix in candidates):
        return None
    return max((len(p) for p in candidates), default=len(head))


def _country_code(prefix: str) -> int:
    # Every TIMEZONE_DATA key starts with a whole country code; codes are prefix-free.
    return next((int(prefix[:n]) for n in (1, 2, 3) if int(prefix[:n]) in COUNTRY_CODE_TO_REGION_CODE), 0)


@lru_cache(maxsize=8192)  # process-wide: phonenumbers' zone table per TIMEZONE_DATA prefix
def _block(prefix: str) -> _Block:
    code = _country_code(prefix)
    geographic = _zones(TIMEZONE_DATA[prefix], country_only=len(prefix) <= len(str(code)))
    country = _zones(tz._country_level_time_zones_for_number(PhoneNumber(country_code=code)), country_only=True)
    if geographic.zones == country.zones:
        return _Block(code, geographic, country, typed=False)
    national_prefix = prefix[len(str(code)) :]
    pattern = _non_geographic_pattern(code)
    typed = pattern is not None and pattern.fullmatch(national_prefix, partial=True) is not None
    return _Block(code, geographic, country, typed)


def _zones(names: tuple[str, ...], *, country_only: bool) -> RecipientZones:
    known = tuple(name for name in names if name != tz.UNKNOWN_TIMEZONE)
    return _interned(known, country_only) if known else UNKNOWN


@cache  # process-wide: phonenumbers' metadata per country code
def _non_geographic_pattern(code: int) -> regex.Pattern[str] | None:
    """Every national-number pattern of the country that ``number_type`` may call non-geographic."""
    patterns: list[str] = []
    for region in phonenumbers.region_codes_for_country_code(code):
        metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
        if metadata is None:
            continue
        descs = [getattr(metadata, name) for name in _NON_GEOGRAPHIC]
        if not is_number_type_geographical(PhoneNumberType.MOBILE, code) and metadata.mobile is not None:
            fixed = metadata.fixed_line.national_number_pattern if metadata.fixed_line else None
            # A number matching both is FIXED_LINE_OR_MOBILE (geographic): equal patterns never make a mobile.
            if metadata.mobile.national_number_pattern != fixed:
                descs.append(metadata.mobile)
        patterns.extend(d.national_number_pattern for d in descs if d is not None and d.national_number_pattern)
    # NANP members repeat the same toll-free and premium patterns: compile each once.
    return regex.compile("|".join(f"(?:{p})" for p in dict.fromkeys(patterns))) if patterns else None


def _is_geographic(number: str, code: int) -> bool:
    kind = fast_number_type(number[1:])  # valid numbers, without parsing (validator.knowledge.numbering)
    if kind is None:
        try:
            kind = number_type(phonenumbers.parse(number, None))
        except NumberParseException:
            return True
    # An invalid number (UNKNOWN) keeps its block's zones: validity is the phone rules' business.
    return kind == PhoneNumberType.UNKNOWN or is_number_type_geographical(kind, code)
