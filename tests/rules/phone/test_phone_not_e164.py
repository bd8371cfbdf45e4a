"""RBV201 phone-not-e164: numbers not written in E.164, with the E.164 fix when the reading is certain."""

from __future__ import annotations

from tests.helpers import check, check_text, one, only, seed, summary
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.phone import WRONG_TYPES, tasks
from validator.diagnostics import Fix

CODE = "RBV201"

CASES = [
    flags("a formatted from_number", seed(from_number="(415) 777-4444"), At("/from_number", "error", says='"(415) 777-4444"')),
    passes("an E.164 from_number", seed(from_number="+14157774444")),
    flags("the country code without its +", tasks("442071838750"), At("/tasks/0/to_number", "error")),
    flags(
        "a JSON number that reads as a phone number",
        seed(from_number=14157774444),
        At("/from_number", "error", says="found number 14157774444"),
    ),
    passes("a JSON number that is no phone number: RBV102's", seed(from_number=1)),
    flags("an unreadable to_number", tasks("ext-1001"), "/tasks/0/to_number"),
    flags(
        "ignore_e164_validation relaxes its own task only",
        seed(from_number="415 777 4444", tasks=[{"to_number": "1001", "ignore_e164_validation": True}, {"to_number": "1002"}]),
        "/from_number",
        "/tasks/1/to_number",
    ),
    flags(
        "a sentence with ignore_e164_validation",
        tasks("Call me maybe", ignore_e164_validation=True),
        At("/tasks/0/to_number", says="cannot be dialled: ignore_e164_validation skips the E.164 format"),
    ),
    flags("letters in an extension", tasks("ext-1001", ignore_e164_validation=True), "/tasks/0/to_number"),
    flags("a line break after the digits", tasks("1001\r\nX-Injected: 1", ignore_e164_validation=True), "/tasks/0/to_number"),
    passes("a pseudo number with a feature code", tasks("*72#1001", ignore_e164_validation=True)),
    passes("a formatted pseudo number", tasks("+44 (20) 7183-8750", ignore_e164_validation=True)),
    passes(
        "from_number relaxed when every task ignores E.164",
        seed(from_number="1000", tasks=[{"to_number": "1001", "ignore_e164_validation": True}]),
    ),
    flags(
        "a dashed number in JSON text",
        '{"from_number": "+14157774444",\n "tasks": [{"to_number": "213-777-4445"}]}',
        At("/tasks/0/to_number", line=2),
        format="json",
    ),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)


def test_formatted_number_gets_a_safe_e164_fix() -> None:
    d = one(check(seed(from_number="(415) 777-4444")), CODE)
    assert "E.164" in d.message
    assert d.hint == 'write "+14157774444"'
    assert d.fix == Fix("+14157774444", True, 'use "+14157774444"')


def test_missing_plus_with_foreign_country_code_gets_only_an_unsafe_fix() -> None:
    d = one(check(tasks("442071838750")), CODE)
    assert d.fix is not None and (d.fix.value, d.fix.safe) == ("+442071838750", False)
    assert d.hint == 'if +44 is the country code, write "+442071838750"'


def test_json_number_phone_supersedes_wrong_type_with_the_e164_string() -> None:
    report = check(seed(from_number=14157774444))
    assert [c for c, _, p in summary(report) if p == "/from_number"] == [CODE]
    d = one(report, CODE)
    assert d.hint == 'write "+14157774444"'
    assert d.fix == Fix("+14157774444", True, 'use "+14157774444"')


def test_json_number_that_is_no_phone_number_stays_a_wrong_type() -> None:
    report = check(seed(from_number=1))
    assert only(report, CODE) == []
    assert one(report, "RBV102").pointer == "/from_number"


def test_position_of_a_non_e164_number_in_text() -> None:
    d = one(check_text('{"from_number": "+14157774444",\n "tasks": [{"to_number": "213-777-4445"}]}', "json"), CODE)
    assert (d.pointer, d.line, d.column) == ("/tasks/0/to_number", 2, 26)


def test_unreadable_to_number_mentions_ignore_e164_validation() -> None:
    d = one(check(tasks("ext-1001")), CODE)
    assert d.fix is None
    assert d.hint is not None and "ignore_e164_validation: true" in d.hint
