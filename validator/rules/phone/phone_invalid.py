"""A phone number in E.164 form is not a valid number for its country.

Why it matters: a well-formed ``+`` and digits is not enough. A number that is
too short or too long for its country, uses an unassigned area code
(``+1 123…``, ``+1 555…``) or an unknown country code fails to connect, and
each failed dial still counts against the batch. Validity comes from the
phonenumbers library's numbering plans.

A task with ``ignore_e164_validation: true`` (internal pseudo numbers on
custom telephony) is not checked; ``from_number`` is relaxed only when every
task sets the flag.
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Severity
from validator.rules import Example, Kind
from validator.rules.phone._phone_fields import not_valid_us_numbers

CODE = "RBV202"
NAME = "phone-invalid"
SEVERITY = Severity.ERROR
KIND = Kind.DOCUMENT
FAILS = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+1415555012"}]}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+14155550123"}]}')


def check(ctx: Context) -> Iterator[Finding]:
    for field in not_valid_us_numbers(ctx):
        info = field.info
        if field.relaxed or info is None:
            continue
        if info.is_e164 and not info.valid:
            yield ctx.finding(
                field.pointer,
                f'`{field.name}` "{field.value}" is not a valid phone number: {info.problem}',
                "check for a missing, extra or swapped digit and the country code",
            )
