"""RBV008 yaml-unquoted-scalar: YAML 1.1 guessed another type where the schema wants a string; one diagnostic, with the quoting."""

from __future__ import annotations

from tests.helpers import check_text, one
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV008"
PHONE = 'from_number: +14157774444\ntasks:\n  - to_number: "+12137774445"\n'
DAYS = 'from_number: "+14157774444"\ntasks: [{to_number: "+12137774445"}]\ncall_time_window:\n  windows: [{start: 540, end: 1020}]\n  day: [Monday, yes]\n'

CASES = [
    flags("an unquoted phone number", PHONE, At("/from_number", "error", line=1), format="yaml"),
    passes("the phone number quoted", PHONE.replace("+14157774444", '"+14157774444"'), format="yaml"),
    flags("the Norway problem in days", DAYS, At("/call_time_window/day/1", line=5, says="boolean true"), format="yaml"),
    passes("the day quoted", DAYS.replace("yes]", '"yes"]'), format="yaml"),
    flags(
        "a date and an octal number where strings belong",
        'from_number: "+14157774444"\nname: 2026-01-05\ntasks:\n  - to_number: 0123\n',
        At("/name", line=2, says="as a date"),
        At("/tasks/0/to_number", line=4, says="the integer 83"),
        format="yaml",
    ),
]

test_cases = cases_test(CODE, CASES)


def test_an_unquoted_phone_number_is_one_diagnostic_saying_quote_it() -> None:
    report = check_text(PHONE, "yaml")
    d = one(report, CODE)
    assert (d.line, d.column) == (1, 14)
    assert [x.code for x in report.diagnostics if x.pointer == "/from_number"] == [CODE]  # one problem, one diagnostic
    assert d.hint == "quote it: '+14157774444'"
    assert "integer 14157774444" in d.message


def test_the_fix_quotes_the_text_as_written_and_is_safe() -> None:
    fix = one(check_text(PHONE, "yaml"), CODE).fix
    assert fix is not None and (fix.value, fix.safe, fix.at) == ("+14157774444", True, None)
    octal = one(check_text('from_number: "+14157774444"\ntasks:\n  - to_number: 0123\n', "yaml"), CODE).fix
    assert octal is not None and octal.value == "0123"  # the digits written, not the 83 YAML made of them


def test_a_guess_the_schema_accepts_gets_no_fix() -> None:
    """RBV009: an octal `start` is an integer the schema takes; quoting it would make it wrong."""
    text = 'from_number: "+14157774444"\ntasks: [{to_number: "+12137774445"}]\ncall_time_window:\n  windows: [{start: 0540, end: 1020}]\n'
    warning = one(check_text(text, "yaml"), "RBV009")
    assert warning.fix is None
