"""RBV905 dnc-list-unusable: a configured list that cannot be read or is damaged screens nothing, and says so."""

from __future__ import annotations

from tests.dnc.lists import FTC, MISSING, NEWER, PART_DAMAGED, TRUNCATED, calls, screened
from tests.helpers import check, only
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV905"

CASES = [
    flags("a missing file", calls("+12012345678"), At("/tasks", "error", says="missing.dnc: cannot read"), settings=screened(MISSING)),
    flags("a truncated file", calls("+12012345678"), At("/tasks", says="truncated or damaged"), settings=screened(TRUNCATED)),
    flags("a newer format", calls("+12012345678"), At("/tasks", says="newer retell-validate (index format 2"), settings=screened(NEWER)),
    flags(
        "a damaged part a number falls in",
        calls("+12125550199"),
        At("/tasks", says="the checksum of numbers 32,769–40,001 of 40,001"),
        settings=screened(PART_DAMAGED),
    ),
    passes("an intact list", calls("+12125550199"), settings=screened(FTC)),
    passes("a damaged part no number falls in", calls("+12012000000"), settings=screened(PART_DAMAGED)),
]

test_cases = cases_test(CODE, CASES)


def test_the_other_lists_still_screen() -> None:
    report = check(calls("+12012345678"), settings=screened(MISSING, FTC))
    assert [d.code for d in report.diagnostics if d.code.startswith("RBV9")] == ["RBV901", "RBV905"]
    assert len(only(report, CODE)) == 1
