"""RBV203 phone-non-us-destination: tasks calling abroad, one finding per country at its first task."""

from __future__ import annotations

from tests.helpers import check, only, seed
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.phone import WRONG_TYPES, tasks

CODE = "RBV203"

ABROAD = tasks("+12137774445", "+442071838750", "+442071838751", "+16135550123")

CASES = [
    flags(
        "two GB numbers and a Canadian one",
        ABROAD,
        At("/tasks/1/to_number", "warning", says="2 tasks call GB numbers"),
        At("/tasks/3/to_number", "warning", says="CA number"),
    ),
    flags("Puerto Rico, on +1 but not the US", tasks("+17875550100"), At("/tasks/0/to_number", "warning")),
    passes("a US destination", tasks("+12137774445")),
    passes("custom telephony", tasks("+442071838750", ignore_e164_validation=True)),
    passes("a from_number abroad is no destination", seed(from_number="+442071838750")),
    passes(
        "an imported caller number outside +1 calls abroad",
        {**tasks("+442071838750", "+33142685300"), "from_number": "+442071838751"},
    ),
    flags(
        "a +1 caller number may be Retell's",
        {**tasks("+442071838750"), "from_number": "+16135550199"},
        At("/tasks/0/to_number", says="GB number"),
    ),
    flags("an invalid caller number tells nothing", {**tasks("+442071838750"), "from_number": "+4420"}, "/tasks/0/to_number"),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)


def test_findings_name_the_country_and_the_us_only_limit() -> None:
    gb, ca = only(check(ABROAD), CODE)
    assert "GB number (+44)" in gb.message
    assert "only call US numbers" in ca.message and "CA number" in ca.message
