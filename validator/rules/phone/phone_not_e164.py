"""A phone number is not written in E.164 format (``+``, country code, number, digits only).

Why it matters: ``from_number`` and every ``to_number`` must be E.164 strings.
Spaces, dashes, parentheses, a missing ``+`` or a number written as a JSON
number (``14157774444`` instead of ``"+14157774444"``) are rejected, or worse,
dial the wrong country. A JSON number that reads as a phone number is reported
here, with its E.164 string, instead of as a wrong type (RBV102).

The hint gives the E.164 form when the number can be read; the fix is safe
when the reading is unambiguous: the text carried its country code
(``+1 415…``, ``0044…``) or is a 10-digit US number (or 11 digits starting
with 1). Other digit runs get an unsafe fix that assumes the country code was
typed without its ``+``.

A task with ``ignore_e164_validation: true`` (internal pseudo numbers on
custom telephony) is not checked; ``from_number`` is relaxed only when every
task sets the flag.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.json_values import is_finite_number, preview
from validator.knowledge.phones import PhoneInfo, analyze
from validator.rules import Example, Kind
from validator.rules.phone._phone_fields import PhoneField, unusual

CODE = "RBV201"
NAME = "phone-not-e164"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('{"from_number": "(415) 777-4444", "tasks": [{"to_number": 12137774445}]}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
SPEC_SENTENCES = (("tasks.*.ignore_e164_validation", "If true, the e.164 validation will be ignored"),)
# A number written as a JSON number: this rule's hint (the E.164 string) replaces the generic "quote it".
SUPERSEDES = ("RBV102",)

_FORMAT = "E.164 format (+, country code and number, digits only, e.g. +14157774444)"


def check(ctx: Context) -> Iterator[Finding]:
    for field in unusual(ctx):
        if field.relaxed:
            continue
        value = field.value
        if field.info is not None:
            if value and not field.info.is_e164:
                yield _finding(field, f"`{field.name}` must be in {_FORMAT}, found {preview(value)}", field.info)
        elif is_finite_number(value) and float(value).is_integer():
            # Only a number that reads as a phone number: for anything else RBV102's "wrong type" says enough.
            info = analyze(str(int(value)))
            if info.valid:
                yield _finding(field, f"`{field.name}` must be a string in {_FORMAT}, found number {int(value)}", info)


def _finding(field: PhoneField, message: str, info: PhoneInfo) -> Finding:
    if info.valid and info.e164 is not None:
        if info.certain:
            return Finding(field.pointer, message, f'write "{info.e164}"', fix=Fix(info.e164, True, f'use "{info.e164}"'))
        hint = f'if +{info.country_code} is the country code, write "{info.e164}"'
        return Finding(field.pointer, message, hint, fix=Fix(info.e164, False, f"assume country code +{info.country_code}"))
    hint = "write + then the country code and the number, digits only"
    if field.task is not None:
        hint += "; for an internal pseudo number on custom telephony, set ignore_e164_validation: true on the task"
    return Finding(field.pointer, message, hint)
