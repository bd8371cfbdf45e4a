"""RBV903 dnc-exemption-honoured: a listed number called under an exemption the task claims, reported at the key honoured."""

from __future__ import annotations

from tests.dnc.lists import FTC, OPT_OUTS, claiming, screened
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV903"

CASES = [
    flags(
        "an established business relationship",
        claiming("+12012345678", "ebr"),
        At("/tasks/0/metadata/dnc_exemption", "info", says='under metadata.dnc_exemption = "ebr": an established business relationship'),
        settings=screened(FTC),
    ),
    flags(
        "express consent, any case",
        claiming("+12012345678", "Express-Consent"),
        At("/tasks/0/metadata/dnc_exemption", says="express agreement, in writing"),
        settings=screened(FTC),
    ),
    passes("the unlisted neighbour has nothing to exempt", claiming("+12012345679", "ebr"), settings=screened(FTC)),
    passes("a value that is no exemption is RBV901's", claiming("+12012345678", True), settings=screened(FTC)),
    passes("the company's own list is never exempted", claiming("+12015550123", "ebr"), settings=screened(FTC, OPT_OUTS)),
    passes(
        "informational calls are not screened against national lists",
        claiming("+12012345678", "ebr"),
        settings=screened(FTC, purpose="informational"),
    ),
]

test_cases = cases_test(CODE, CASES)
