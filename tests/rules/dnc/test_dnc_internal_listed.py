"""RBV902 dnc-internal-listed: a number on the company's own list, whatever the purpose and whatever the task claims."""

from __future__ import annotations

from tests.dnc.lists import FTC, OPT_OUTS, calls, claiming, screened
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV902"

CASES = [
    flags(
        "a listed number",
        calls("+12015550123"),
        At("/tasks/0/to_number", "error", says="company's do-not-call list opt-outs (as of 2026-05-30)"),
        settings=screened(OPT_OUTS),
    ),
    passes("its unlisted neighbour", calls("+12015550124"), settings=screened(OPT_OUTS)),
    flags("informational calls too", calls("+12015550123"), "/tasks/0/to_number", settings=screened(OPT_OUTS, purpose="informational")),
    flags(
        "a claimed exemption does not lift it",
        claiming("+12015550123", "ebr"),
        At("/tasks/0/to_number", says="does not lift it"),
        settings=screened(OPT_OUTS),
    ),
    flags("a number outside the US", calls("+44 20 7183 8750"), "/tasks/0/to_number", settings=screened(OPT_OUTS)),
    passes("a national list is RBV901's", calls("+12012345678"), settings=screened(FTC)),
]

test_cases = cases_test(CODE, CASES)
