"""A phone number is not written in E.164 format (``+``, country code, number, digits only).

Why it matters: ``from_number`` and every ``to_number`` must be E.164 strings.
Spaces, dashes, parentheses, a missing ``+`` or a number written as a JSON
number (``14157774444`` instead of ``"+14157774444"``) are rejected, or worse,
dial the wrong country. A JSON number that reads as a phone number is reported
here, with its E.164 string, instead of as a wrong type (RBV102).

Numbers written nationally are read in the ``region`` setting (``--region GB``
reads ``020 7946 0018``), else the country of ``from_number``, else the US. The
hint gives the E.164 form when the number can be read; the fix is safe when the
reading is unambiguous: the text carried its country code (``+1 415…``,
``0044…``) or is a national number of that region. Other digit runs get an
unsafe fix that assumes the country code was typed without its ``+``. A number
that cannot be read says why first: missing area code (``555-0199``), too short
(``21255512``), too long, letters, scientific notation, or a national spelling
whose country is not known (set ``--region``).

A task with ``ignore_e164_validation: true`` (internal pseudo numbers on
custom telephony) is not checked for the format; ``from_number`` is relaxed
only when every task sets the flag. The flag skips the E.164 *format*, not
dialling: a relaxed number must still be something a phone system can dial
(digits, with ``+``, ``*``, ``#`` and the usual separators), so letters, a
sentence or a line break in it stay an error.
"""

import re
from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import is_finite_number, preview
from validator.knowledge.phones import Problem, Reading, Region, Spelling, analyze, normalize
from validator.rules import Example, Kind
from validator.rules.phone._phone_fields import PhoneField, not_valid_us_numbers, reading_region

CODE = "RBV201"
NAME = "phone-not-e164"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('{"from_number": "(415) 777-4444", "tasks": [{"to_number": 12137774445}]}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
SPEC_SENTENCES = (("tasks.*.ignore_e164_validation", "If true, the e.164 validation will be ignored"),)
# A number written as a JSON number: this rule's hint (the E.164 string) replaces the generic "quote it".
SUPERSEDES = ("RBV102",)

# What a relaxed (pseudo) number may hold: digits, + * #, and separators people type between them.
_DIALABLE = re.compile(r"[+]?[0-9*#][0-9*# ().\-/]*")
_FORMAT = "E.164 format (+, country code and number, digits only, e.g. +14157774444)"
_HOW = {
    Problem.MISSING_AREA_CODE: "add the area code, then write it in E.164 (+, country code and number)",
    Problem.TOO_SHORT: "check for a missing digit and the country code; E.164 is +, the country code and the number",
    Problem.TOO_LONG: "check for an extra digit, or two numbers in one cell; E.164 is +, the country code and the number",
    Problem.EXCEL_DAMAGE: "take the number again from its source: the spreadsheet rounded it",
    Problem.NEEDS_REGION: "write it in E.164 (+ and the country code), or set --region (region in the configuration) to its country",
}
_PSEUDO = "; for an internal pseudo number on custom telephony, set ignore_e164_validation: true on the task"


def check(ctx: Context) -> Iterator[Finding]:
    region = reading_region(ctx)
    for field in not_valid_us_numbers(ctx):
        if field.relaxed:
            if isinstance(field.value, str) and field.value and not _DIALABLE.fullmatch(field.value):
                yield Finding(
                    field.pointer,
                    f"`{field.name}` {preview(field.value)} cannot be dialled: ignore_e164_validation skips the E.164 format, "
                    "but a number is digits (with +, * or #)",
                    "write the number to dial; names and notes belong in retell_llm_dynamic_variables or metadata",
                )
            continue
        value = field.value
        if field.info is not None:
            if value and not field.info.is_e164:
                yield _finding(field, normalize(value, region.code), region)
        elif is_finite_number(value) and float(value).is_integer():
            # Only a number that reads as a phone number: for anything else RBV102's "wrong type" says enough.
            reading = normalize(str(int(value)), region.code)
            if reading.e164 is not None:
                yield _fixed(field, f"`{field.name}` must be a string in {_FORMAT}, found number {int(value)}", reading, region)


def _finding(field: PhoneField, reading: Reading, region: Region) -> Finding:
    if reading.e164 is not None:
        return _fixed(field, f"`{field.name}` must be in {_FORMAT}, found {preview(field.value)}", reading, region)
    problem = reading.problem or Problem.INVALID
    message = f"`{field.name}` {preview(field.value)} cannot be dialled: {problem.value}: {reading.detail}"
    hint = _HOW.get(problem, "write + then the country code and the number, digits only")
    if field.task is not None and problem in (Problem.INVALID, Problem.LETTERS, Problem.TOO_SHORT) and _short(reading.text):
        hint += _PSEUDO
    return Finding(field.pointer, message, hint)


def _fixed(field: PhoneField, message: str, reading: Reading, region: Region) -> Finding:
    assert reading.e164 is not None
    if reading.region is not None and reading.spelling is Spelling.NATIONAL:
        message += f"; read as a {reading.region} number ({region.source})"
    if reading.extension is not None:
        message += f"; its extension {reading.extension} cannot be dialled by a batch call"
        hint = f'write "{reading.e164}" (without the extension) if the main number reaches the person'
        return Finding(field.pointer, message, hint, fix=Fix(reading.e164, False, f'use "{reading.e164}", dropping the extension'))
    if reading.certain:
        return Finding(field.pointer, message, f'write "{reading.e164}"', fix=Fix(reading.e164, True, f'use "{reading.e164}"'))
    code = analyze(reading.e164).country_code
    hint = f'if +{code} is the country code, write "{reading.e164}"'
    return Finding(field.pointer, message, hint, fix=Fix(reading.e164, False, f"assume country code +{code}"))


def _short(text: str) -> bool:
    """At most 6 digits (or letters and digits): the shape of an internal extension, not of a mistyped public number."""
    return sum(c.isdigit() for c in text) <= 6
