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
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberFormat, ValidationResult

from validator.knowledge.numbering import valid_e164
from validator.options import REGION_CODES

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


def analyze(text: str) -> PhoneInfo:
    """Classify ``text`` as a phone number.

    * ``+14157774444`` (E.164): parsed with no default region.
    * ``+1 (415) 777-4444``, ``0044 20 7183 8750``: separators dropped, ``00`` read as ``+``; certain.
    * ``4157774444``, ``14157774444``: a US national number; certain when valid.
    * any other run of digits: read as if ``+`` were missing; a guess, never certain.
    """
    return _PHONE_INFO(PhoneInfo, analyzed_fields(text))


_PHONE_INFO = tuple.__new__  # a PhoneInfo from a tuple of its fields


# Process-wide: a pure function of the text, bounded; a guarded client re-checks the same numbers.
# The cache keeps plain tuples of strings, numbers and None, which the garbage collector stops
# tracking: PhoneInfo objects (a tuple subclass) it would traverse for as long as the process lives.
@lru_cache(maxsize=1 << 17)
def analyzed_fields(text: str) -> tuple[str, bool, bool, str | None, int | None, str | None, bool, str | None]:
    """:func:`analyze`'s fields, cached (a benchmark clears the cache to time a cold run)."""
    return tuple(analyze_uncached(text))  # type: ignore[return-value]


def analyze_uncached(text: str) -> PhoneInfo:
    """:func:`analyze` without the cache (what the tests and bench/phones.py compare with phonenumbers)."""
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


@lru_cache(maxsize=4096)  # process-wide: phonenumbers' zone table by number, bounded
def time_zones(e164: str) -> tuple[str, ...]:
    """IANA zones the number's area may be in (empty when unknown), e.g. ``("America/Los_Angeles",)``."""
    from phonenumbers import timezone

    info = analyze(e164)
    if not info.valid or info.e164 is None:
        return ()
    zones = timezone.time_zones_for_number(phonenumbers.parse(info.e164, None))
    return tuple(z for z in zones if z != timezone.UNKNOWN_TIMEZONE)


# -- a spreadsheet cell, read as a phone number (contact lists, ``--fix`` on them, ``split``) --------------------------


class Problem(StrEnum):
    """Why a cell cannot be read as a phone number; the value is the short reason a report shows."""

    EMPTY = "empty"
    LETTERS = "letters"  # a sentence, a name, a vanity number
    EXCEL_DAMAGE = "Excel damage"  # scientific notation (digits gone), a number cell past 15 digits
    MISSING_AREA_CODE = "missing area code"  # a local number: 555-0199
    TOO_SHORT = "too short"
    TOO_LONG = "too long"
    NEEDS_REGION = "needs a region"  # written nationally where the region is not known (020 7946 0018 without --region GB)
    INVALID = "not a valid number"  # the right shape, but no such number (an unassigned range or country code)


class Spelling(StrEnum):
    """How the cell writes the number (after spreadsheet artefacts are undone)."""

    E164 = "E.164"  # +14045048120 exactly
    INTERNATIONAL = "international"  # with + (or 00, 011) and spaces, dashes, dots, parentheses: +1 (404) 504-8120
    NATIONAL = "national"  # as dialled inside the country: (404) 504-8120, 1-404-504-8120, 020 7946 0018
    NO_PLUS = "no plus"  # the country code and number as bare digits, the + lost: 14045048120, 442079460018
    UNREADABLE = "unreadable"


class Artifact(StrEnum):
    """What a spreadsheet did to a cell that can be undone (scientific notation cannot: :attr:`Problem.EXCEL_DAMAGE`)."""

    WHITESPACE = "whitespace"  # spaces around it, or NBSP / zero-width characters anywhere
    APOSTROPHE = "apostrophe"  # a leading ' (a spreadsheet's text marker)
    DECIMAL = "decimal"  # a trailing .0 (the column was read as floats)


class Reading(NamedTuple):
    """A cell read as a phone number by :func:`normalize`.

    ``e164`` is the valid number in E.164 the cell stands for, or ``None`` when it cannot be read,
    and then ``problem`` says why (``detail`` in a sentence). ``certain``: the reading is
    unambiguous (international spelling, or national digits read in the region given), so a
    tool may write it without asking; a guess (digits read as if a lost ``+`` stood before them)
    is not. ``region`` is the region national digits were read in (``None`` for an
    international spelling), ``extension`` what followed ``x``/``ext.`` (a batch cannot dial it),
    ``artifacts`` the spreadsheet damage undone on the way.
    """

    text: str
    e164: str | None
    problem: Problem | None
    detail: str
    spelling: Spelling
    certain: bool
    region: str | None = None
    extension: str | None = None
    artifacts: tuple[Artifact, ...] = ()

    @property
    def rewritten(self) -> bool:
        """Whether the cell's text differs from the E.164 number it stands for (a readable cell :func:`normalize` would rewrite)."""
        return self.e164 is not None and self.e164 != self.text


#: The region national spellings are read in when none is given: Retell's own numbers call the US.
DEFAULT_REGION = "US"
_INVISIBLE = re.compile("[\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]")
# Excel's General format for numbers of 12+ digits: one digit, up to 5 decimals, E+exponent.
_SCIENTIFIC = re.compile(r"^[+-]?\d(?:[.,]\d+)?E\+?\d{1,3}$", re.IGNORECASE)
_TRAILING_DECIMAL = re.compile(r"^(\+?\d+)[.,]0+$")
_EXTENSION = re.compile(r"\s*[,;]?\s*(?:ext(?:ension)?\.?|x|#|;?ext=)\s*(\d{1,7})\s*$", re.IGNORECASE)
_READABLE = re.compile(r"\+?[0-9]+")
_BARE_DIGITS = re.compile(r"[0-9]+")
_LETTER = re.compile(r"[^\W\d_]")
_EXTENSION_MARK = re.compile(r"[A-Za-z#]")  # what an extension starts with (x, ext, #)
_DROP_SEPARATORS = str.maketrans("", "", " \t\r\n\f\v-./()")  # _SEPARATORS for ASCII text


REGION_CODES.provide(lambda: phonenumbers.SUPPORTED_REGIONS)  # what the `region` option accepts


@dataclass(frozen=True)
class Region:
    """The region national numbers are read in, and why (for messages): configured, from_number's, or the default."""

    code: str | None = None  # None: DEFAULT_REGION
    source: str = "the default: no region or from_number given"

    @property
    def name(self) -> str:
        return self.code or DEFAULT_REGION

    @classmethod
    def choose(cls, configured: str | None, from_number: object) -> Region:
        """The ``region`` setting, else the country of ``from_number`` (a string it reads as a valid number), else the default."""
        if configured:
            return cls(configured, f"region {configured}")
        if isinstance(from_number, str):
            info = analyze(from_number)
            if info.is_e164 and info.valid and info.region is not None:  # a national from_number would be read in the default
                return cls(info.region, f"the country of from_number {info.e164}")
        return cls()


@lru_cache(maxsize=1 << 17)  # process-wide: a pure function of cell and region, bounded; lists repeat their numbers
def normalize(cell: str, region: str | None = None) -> Reading:
    """Read a spreadsheet cell as a phone number: the E.164 number it stands for, or why it cannot.

    The one reading of contact-list cells (``check``, ``check --fix``, ``split``, ``convert``, the
    rows report). Stable signature: ``normalize(cell text, ISO 3166 alpha-2 region or None) → Reading``.

    * Spreadsheet artefacts are undone first: spaces and invisible characters, a leading
      apostrophe, a trailing ``.0`` (:attr:`Reading.artifacts`); scientific notation
      (``4.04505E+09``) cannot be undone: :attr:`Problem.EXCEL_DAMAGE`.
    * An extension (``x123``, ``ext. 123``, ``#123``) is split off into :attr:`Reading.extension`.
    * Spaces, dashes, dots, slashes and parentheses are dropped; ``+``, ``00`` (and the region's
      own international prefix, such as ``011``) start an international number (certain).
    * Other digits are national, read in ``region`` (certain when valid): ``(404) 504-8120``,
      ``1-404-504-8120`` in ``US``, ``020 7946 0018`` in ``GB``. Without a region they are read in
      :data:`DEFAULT_REGION`, as :func:`analyze` does. Digits valid only with a ``+`` before them
      (``442079460018`` in the US) are read that way, as a guess (not certain).
    * Otherwise :attr:`Reading.problem`: letters, missing area code (``555-0199``), too short
      (``21255512``), too long, a national spelling that needs a region, or no such number.

    ``region`` must be a region phonenumbers knows (the ``region`` option checks it).
    """
    value, artifacts = cell, []
    stripped = (value if value.isascii() else _INVISIBLE.sub("", value)).strip()
    if stripped != value and stripped:
        artifacts.append(Artifact.WHITESPACE)
    value = stripped
    if value.startswith("'"):
        artifacts.append(Artifact.APOSTROPHE)
        value = value[1:].strip()
    if not value:
        return Reading(cell, None, Problem.EMPTY, "the cell is empty", Spelling.UNREADABLE, False, artifacts=tuple(artifacts))
    # Each check only where its shape can be: most cells are digits and separators.
    if ("E" in value or "e" in value) and _SCIENTIFIC.match(value):
        return Reading(cell, None, Problem.EXCEL_DAMAGE, _scientific(value), Spelling.UNREADABLE, False, artifacts=tuple(artifacts))
    decimal = _TRAILING_DECIMAL.match(value) if value.endswith("0") and ("." in value or "," in value) else None
    if decimal:
        artifacts.append(Artifact.DECIMAL)
        value = decimal.group(1)
    extension = None
    ext = _EXTENSION.search(value) if _EXTENSION_MARK.search(value) else None
    if ext and ext.start() > 0:
        extension, value = ext.group(1), value[: ext.start()]
    compact = value.translate(_DROP_SEPARATORS) if value.isascii() else _SEPARATORS.sub("", value)
    done = tuple(artifacts)
    if not _READABLE.fullmatch(compact):
        problem, detail = (
            (Problem.LETTERS, "it contains letters") if _LETTER.search(compact) else (Problem.INVALID, "it is not made of digits")
        )
        return Reading(cell, None, problem, detail, Spelling.UNREADABLE, False, extension=extension, artifacts=done)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+"):
        return _international(cell, value, compact, extension, done)
    return _national(cell, compact, region, bare=_BARE_DIGITS.fullmatch(value) is not None, extension=extension, artifacts=done)


def _international(cell: str, value: str, compact: str, extension: str | None, artifacts: tuple[Artifact, ...]) -> Reading:
    info = analyze(compact)
    spelling = Spelling.E164 if value == compact else Spelling.INTERNATIONAL
    if info.valid:
        return Reading(cell, info.e164, None, "", spelling, True, extension=extension, artifacts=artifacts)
    problem = _problem_of(compact, None)
    return Reading(cell, None, problem[0], problem[1], spelling, False, extension=extension, artifacts=artifacts)


def _national(cell: str, digits: str, region: str | None, *, bare: bool, extension: str | None, artifacts: tuple[Artifact, ...]) -> Reading:
    where = region or DEFAULT_REGION
    e164 = _read_in(digits, where)
    if e164 is not None:
        spelling = Spelling.NO_PLUS if bare and e164[1:] == digits else Spelling.NATIONAL
        if not e164.startswith(f"+{_calling_code(where)}"):
            spelling = Spelling.INTERNATIONAL  # dialled through the region's international prefix (011 44 …)
        return Reading(cell, e164, None, "", spelling, True, where, extension, artifacts)
    guess = analyze("+" + digits)
    if guess.valid and guess.e164 is not None:  # the digits hold a country code: a spreadsheet dropped the +
        return Reading(cell, guess.e164, None, "", Spelling.NO_PLUS, False, None, extension, artifacts)
    problem, detail = _problem_of(digits, where)
    if region is None and problem is not Problem.MISSING_AREA_CODE and digits.startswith("0"):
        problem = Problem.NEEDS_REGION
        detail = "it is written nationally (a leading 0 dials a national number): the region it is in is not known"
    return Reading(cell, None, problem, detail, Spelling.NATIONAL, False, where, extension, artifacts)


def _read_in(digits: str, region: str) -> str | None:
    """The valid E.164 number ``digits`` dialled in ``region`` stand for (``phonenumbers.parse``'s reading), else ``None``."""
    code = _calling_code(region)
    if not code:
        return None
    fast = _national_fast(digits, region, code)
    if fast is not None:
        return fast
    try:
        number = phonenumbers.parse(digits, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, PhoneNumberFormat.E164))


def _national_fast(digits: str, region: str, code: int) -> str | None:
    """:func:`_read_in` without ``phonenumbers.parse`` where the region's national prefix is plain digits (most regions).

    ``parse`` strips the national prefix when the rest is a valid number, and a valid number here is one
    :func:`~validator.knowledge.numbering.valid_e164` accepts; regions whose prefix is a pattern or is
    transformed (Brazil, Argentina, Japan, …) and every reading this misses are left to ``parse``.
    """
    prefix = _plain_national_prefix(region)
    if prefix is None:
        return None
    national = digits[len(prefix) :] if prefix and digits.startswith(prefix) else digits
    candidate = f"+{code}{national}"
    info = analyze(candidate)  # through analyze's cache: the rules ask it about this number next
    # Only the digits as written: phonenumbers may strip a national prefix inside an international number
    # (+7 8 700… → +7 700…), a reading parse() in the region does not make.
    return info.e164 if info.is_e164 and info.valid and info.e164 == candidate else None


@lru_cache(maxsize=512)  # process-wide: phonenumbers' metadata per region
def _calling_code(region: str) -> int:
    """The region's country calling code (0 when unknown)."""
    return int(phonenumbers.country_code_for_region(region))


@lru_cache(maxsize=512)  # process-wide: phonenumbers' metadata per region
def _plain_national_prefix(region: str) -> str | None:
    """The region's national prefix when parsing strips exactly it ("" when it has none); ``None`` when it is a pattern."""
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.national_prefix_transform_rule is not None:
        return None
    prefix, parsing = metadata.national_prefix or "", metadata.national_prefix_for_parsing
    if parsing is not None and parsing != prefix:
        return None
    return prefix if prefix.isdigit() or not prefix else None


def _problem_of(spelling: str, region: str | None) -> tuple[Problem, str]:
    """Why ``spelling`` (``+`` and digits, or national digits read in ``region``) is no valid number, in a word and a sentence."""
    try:
        number = phonenumbers.parse(spelling, region)
    except NumberParseException as exc:
        if exc.error_type in (NumberParseException.TOO_SHORT_NSN, NumberParseException.TOO_SHORT_AFTER_IDD):
            return Problem.TOO_SHORT, "it is too short to be a phone number"
        if exc.error_type == NumberParseException.TOO_LONG:
            return Problem.TOO_LONG, "it is too long to be a phone number"
        if exc.error_type == NumberParseException.INVALID_COUNTRY_CODE:
            return Problem.INVALID, "it does not begin with a country calling code in use"
        return Problem.INVALID, "it cannot be read as a phone number"
    code = number.country_code or 0
    home = region or phonenumbers.region_code_for_country_code(code)
    if home == phonenumbers.UNKNOWN_REGION:
        return Problem.INVALID, f"+{code} is not a country calling code in use"
    digits = len(str(number.national_number))
    lengths = _lengths(home)
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        return Problem.MISSING_AREA_CODE, f"{digits} digits is a local number without its area code ({home} numbers have {lengths})"
    possible = _possible_lengths(home)
    if reason == ValidationResult.TOO_SHORT or (reason == ValidationResult.INVALID_LENGTH and possible and digits < min(possible)):
        return Problem.TOO_SHORT, f"{digits} digits is too short for a {home} number ({lengths})"
    if reason == ValidationResult.TOO_LONG or (reason == ValidationResult.INVALID_LENGTH and possible and digits > max(possible)):
        return Problem.TOO_LONG, f"{digits} digits is too long for a {home} number ({lengths})"
    if reason == ValidationResult.INVALID_LENGTH:
        return Problem.INVALID, f"{digits} digits is not a length {home} numbers have ({lengths})"
    return Problem.INVALID, f"it is not in a number range assigned in {home} (+{code})"


def _possible_lengths(region: str) -> tuple[int, ...]:
    """The lengths of the region's national numbers (without country code or national prefix)."""
    metadata = PhoneMetadata.metadata_for_region(region)
    general = metadata.general_desc if metadata is not None else None
    return tuple(n for n in (general.possible_length if general is not None else ()) if n > 0)


def _lengths(region: str) -> str:
    """``10 digits``, ``7, 9 or 10 digits``: the national lengths of the region's numbers."""
    lengths = [str(n) for n in _possible_lengths(region)]
    if not lengths:
        return "another length"
    return (", ".join(lengths[:-1]) + " or " + lengths[-1] if len(lengths) > 1 else lengths[0]) + " digits"


def _scientific(value: str) -> str:
    try:
        meant = f"{int(Decimal(value.replace(',', '.'))):d}"
    except (InvalidOperation, ValueError, OverflowError):
        meant = "a rounded number"
    return f"scientific notation: {value!r} means {meant}, the last digits are lost"
