"""A task calls a number outside the US.

Why it matters: numbers purchased from Retell can only call US numbers; a
batch sent from one fails every task whose ``to_number`` is in another
country (Canada and US territories such as Puerto Rico included). Numbers
imported from your own carrier can call abroad, so this is a warning.
Findings are grouped: one per destination country, at the first task calling
it, with the number of tasks affected. Tasks with
``ignore_e164_validation: true`` (custom telephony) are not checked, and nor is
a batch whose ``from_number`` cannot have been bought from Retell (a valid number
outside the North American plan: Retell sells +1 numbers, so it was imported).
"""

from collections.abc import Iterator

from validator.context import Context
from validator.diagnostics import Finding, Members, Severity
from validator.knowledge.phones import analyze
from validator.rules import Example, Kind
from validator.rules.phone._phone_fields import PhoneField, not_valid_us_numbers

CODE = "RBV203"
NAME = "phone-non-us-destination"
SEVERITY = Severity.WARNING
KIND = Kind.DOCUMENT
FAILS = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+442071838750"}]}')
PASSES = Example('{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}')
SPEC_SENTENCES = (("tasks.*.to_number", "only US numbers are supported as destination"),)


def check(ctx: Context) -> Iterator[Finding]:
    if _imported_caller(ctx):
        return
    by_region: dict[str, list[PhoneField]] = {}
    for field in not_valid_us_numbers(ctx):
        info = field.info
        if field.task is None or info is None or not info.valid or info.region is None or info.is_us or field.relaxed:
            continue
        by_region.setdefault(info.region, []).append(field)
    for region, fields in by_region.items():
        first = fields[0]
        info = first.info
        assert info is not None
        count = f"; {len(fields)} tasks call {region} numbers" if len(fields) > 1 else ""
        yield ctx.finding(
            first.pointer,
            f'`to_number` "{first.value}" is a {region} number (+{info.country_code}); numbers purchased from Retell '
            f"can only call US numbers{count}",
            "send from a number imported from your own carrier to call abroad, or remove these tasks",
            members=Members.spelled(fields, lambda field: field.pointer),
        )


def _imported_caller(ctx: Context) -> bool:
    """A valid ``from_number`` outside +1: not a number bought from Retell, so calls abroad are its carrier's business."""
    caller = ctx.document.get("from_number")
    info = analyze(caller) if isinstance(caller, str) else None
    return info is not None and info.valid and info.country_code != 1
