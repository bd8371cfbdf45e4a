"""Everything the validator knows about phone numbers, in one place.

``analyze(text)`` is the only way rules look at a number: it says whether the
text is E.164 exactly, whether phonenumbers considers it a valid number, its
region, and the E.164 form it most likely means (with whether that reading is
certain enough for an automatic fix). Results are cached per process, so a
number repeated across 100,000 tasks is parsed once.

The verdicts are those of ``phonenumbers.parse`` + ``phonenumbers.is_valid_number``:
an E.164 string is parsed without a default region; other spellings are read
as described in :func:`analyze`. Valid numbers that parse to country code + digits
are recognised by :mod:`validator.knowledge.numbering` (phonenumbers' metadata, compiled once);
everything else is asked of phonenumbers itself.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from validator.knowledge.numbering import valid_e164

#: ``+``, a country code that does not start with 0, at most 15 digits in all (ITU-T E.164).
E164_PATTERN = re.compile(r"\+[1-9][0-9]{1,14}")
#: What people put between digits: spaces, dashes, dots, slashes, parentheses.
_SEPARATORS = re.compile(r"[\s\-./()\u00a0\u2010-\u2015]+")
_DIGITS = re.compile(r"\+?[0-9]+")

_LENGTH_PROBLEMS = {
    ValidationResult.TOO_SHORT: "too short",
    ValidationResult.TOO_LONG: "too long",
    ValidationResult.INVALID_LENGTH: "the wrong length",
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "too short (a local number without its area code)",
}


class PhoneInfo(NamedTuple):  # a tuple: built for every number of a batch, 3× cheaper than a frozen dataclass
    """What one phone number string is.

    ``e164`` is the E.164 form phonenumbers reads the text as (``None`` when it
    cannot read one); ``certain`` says that reading is unambiguous (the text
    carried its country code after ``+``/``00``, or is a 10-digit US national
    number or 11 digits starting with 1), so it may be applied automatically.
    ``problem`` says in words why the number is not valid (``None`` when valid).
    """

    text: str
    is_e164: bool
    valid: bool
    region: str | None
    country_code: int | None
    e164: str | None
    certain: bool
    problem: str | None

    @property
    def is_us(self) -> bool:
        return self.region == "US"

    @property
    def key(self) -> str:
        """What to compare numbers by: the E.164 form of a valid number, else the text as written."""
        return self.e164 if self.valid and self.e164 is not None else self.text


@lru_cache(maxsize=1 << 17)
def analyze(text: str) -> PhoneInfo:
    """Classify ``text`` as a phone number.

    * ``+14157774444`` (E.164): parsed with no default region.
    * ``+1 (415) 777-4444``, ``0044 20 7183 8750``: separators dropped, ``00`` read as ``+``; certain.
    * ``4157774444``, ``14157774444``: a US national number; certain when valid.
    * any other run of digits: read as if ``+`` were missing; a guess, never certain.
    """
    is_e164 = E164_PATTERN.fullmatch(text) is not None
    if is_e164:
        fast = valid_e164(text[1:])
        if fast is not None:  # the common case, in ~2 µs instead of ~20 (see _info)
            return PhoneInfo(text, True, True, fast[1], fast[0], text, True, None)
        return _info(text, text, is_e164=True, region=None, certain=True)
    compact = _SEPARATORS.sub("", text.strip())
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not _DIGITS.fullmatch(compact):
        return PhoneInfo(text, False, False, None, None, None, False, "it is not made of digits")
    if compact.startswith("+"):
        return _info(text, compact, is_e164=False, region=None, certain=True)
    if len(compact) == 10 or (len(compact) == 11 and compact.startswith("1")):
        national = _info(text, compact, is_e164=False, region="US", certain=True)
        if national.valid:
            return national
    return _info(text, "+" + compact, is_e164=False, region=None, certain=False)


def _info(text: str, spelling: str, *, is_e164: bool, region: str | None, certain: bool) -> PhoneInfo:
    plain = _as_e164(spelling, region)
    fast = valid_e164(plain[1:]) if plain is not None else None
    if fast is not None:  # a valid number read as phonenumbers reads it, in ~3 µs instead of ~20
        return PhoneInfo(text, is_e164, True, fast[1], fast[0], plain, certain, None)
    try:
        number = phonenumbers.parse(spelling, region)
    except NumberParseException as exc:
        return PhoneInfo(text, is_e164, False, None, None, None, False, _parse_problem(spelling, exc))
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    # is_valid_number(n) is is_valid_number_for_region(n, region_code_for_number(n)): find the region once.
    region_code = phonenumbers.region_code_for_number(number)
    if region_code is not None and phonenumbers.is_valid_number_for_region(number, region_code):
        return PhoneInfo(text, is_e164, True, region_code, number.country_code, e164, certain, None)
    return PhoneInfo(text, is_e164, False, None, number.country_code, e164, False, _invalid_problem(number))


def _as_e164(spelling: str, region: str | None) -> str | None:
    """The E.164 string ``phonenumbers.parse(spelling, region)`` reads, when it is sure to read just that.

    With region US, a 10-digit number not starting with 0 or 1 gets country code 1 added,
    and 11 digits ``1[2-9]…`` are read as country code 1 + the rest: the national prefix
    ``1`` and the international prefix ``011`` cannot apply (tests/knowledge/test_phone_fast_path.py).
    """
    if region is None:
        return spelling if E164_PATTERN.fullmatch(spelling) else None
    if region == "US" and spelling.isdigit() and spelling.isascii():
        if len(spelling) == 10 and spelling[0] not in "01":
            return "+1" + spelling
        if len(spelling) == 11 and spelling[0] == "1" and spelling[1] not in "01":
            return "+" + spelling
    return None


def _parse_problem(spelling: str, exc: NumberParseException) -> str:
    if exc.error_type == NumberParseException.INVALID_COUNTRY_CODE:
        return "it does not begin with a country calling code in use"
    if exc.error_type in (NumberParseException.TOO_SHORT_NSN, NumberParseException.TOO_SHORT_AFTER_IDD):
        return "it is too short to be a phone number"
    if exc.error_type == NumberParseException.TOO_LONG:
        return "it is too long to be a phone number"
    return "it cannot be read as a phone number"


def _invalid_problem(number: phonenumbers.PhoneNumber) -> str:
    code = number.country_code or 0
    main_region = phonenumbers.region_code_for_country_code(code)
    if main_region == phonenumbers.UNKNOWN_REGION:
        return f"+{code} is not a country calling code in use"
    where = f"+{code} ({main_region})"
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason in _LENGTH_PROBLEMS:
        return f"it is {_LENGTH_PROBLEMS[reason]} for {where} numbers"
    return f"it is not in a number range assigned in {where}"


@lru_cache(maxsize=4096)
def time_zones(e164: str) -> tuple[str, ...]:
    """IANA zones the number's area may be in (empty when unknown), e.g. ``("America/Los_Angeles",)``."""
    from phonenumbers import timezone

    info = analyze(e164)
    if not info.valid or info.e164 is None:
        return ()
    zones = timezone.time_zones_for_number(phonenumbers.parse(info.e164, None))
    return tuple(z for z in zones if z != timezone.UNKNOWN_TIMEZONE)
