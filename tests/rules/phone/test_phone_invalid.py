"""RBV202 phone-invalid: E.164 numbers that are not valid for their country (length, unassigned range, country code)."""

from __future__ import annotations

from tests.helpers import check, one, seed
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.phone import WRONG_TYPES, tasks

CODE = "RBV202"

CASES = [
    flags("one digit short", tasks("+1415555012"), At("/tasks/0/to_number", "error", says="it is too short for +1 (US) numbers")),
    passes("the full number", tasks("+14155550123")),
    flags("an unassigned area code", seed(from_number="+11234567890"), At("/from_number", "error")),
    passes("a pseudo number on custom telephony", tasks("+11234567890", ignore_e164_validation=True)),
    passes(
        "from_number relaxed when every task ignores E.164",
        seed(from_number="+11234567890", tasks=[{"to_number": "1001", "ignore_e164_validation": True}]),
    ),
    passes(
        "a number not in E.164 is RBV201's",
        seed(from_number="1000", tasks=[{"to_number": "1001", "ignore_e164_validation": True}]),
    ),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)


def test_message_says_why_the_number_is_invalid() -> None:
    d = one(check(tasks("+1415555012")), CODE)
    assert d.message == '`to_number` "+1415555012" is not a valid phone number: it is too short for +1 (US) numbers'
