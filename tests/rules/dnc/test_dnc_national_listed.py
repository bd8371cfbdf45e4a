"""RBV901 dnc-national-listed: a solicitation to a number on a national list, one finding per task naming each list and its date."""

from __future__ import annotations

from tests.dnc.lists import FTC, OPT_OUTS, TEXAS, calls, claiming, screened
from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes

CODE = "RBV901"

CASES = [
    flags(
        "a listed number",
        calls("+12012345678"),
        At("/tasks/0/to_number", "error", says="national do-not-call list FTC (as of 2026-05-20)"),
        settings=screened(FTC),
    ),
    passes("its unlisted neighbour", calls("+12012345679"), settings=screened(FTC)),
    passes("its neighbour below", calls("+12012345677"), settings=screened(FTC)),
    flags(
        "one finding per listed task",
        calls("+12012345679", "+12125550199", "+12012345678"),
        "/tasks/1/to_number",
        "/tasks/2/to_number",
        settings=screened(FTC),
    ),
    flags(
        "a number on two overlapping lists names both",
        calls("+12012345678"),
        At("/tasks/0/to_number", says="FTC (as of 2026-05-20) and Texas (as of 2026-05-25)"),
        settings=screened(FTC, TEXAS),
    ),
    flags("read as check reads it: spaces and dashes", calls("+1 201-234-5678"), "/tasks/0/to_number", settings=screened(FTC)),
    passes(
        "informational calls are not checked against national lists", calls("+12012345678"), settings=screened(FTC, purpose="informational")
    ),
    passes("an exemption claimed in the configured key", claiming("+12012345678", "ebr"), settings=screened(FTC)),
    flags(
        "a claim that is no exemption",
        claiming("+12012345678", "yes"),
        At("/tasks/0/to_number", says='metadata.dnc_exemption = "yes" is not an exemption'),
        settings=screened(FTC),
    ),
    flags(
        "a claim under a key the configuration does not name",
        claiming("+12012345678", "ebr"),
        "/tasks/0/to_number",
        settings=screened(FTC, key=None),
    ),
    passes("an internal list is RBV902's", calls("+12015550123"), settings=screened(OPT_OUTS)),
    passes("no list configured", calls("+12012345678")),
]

test_cases = cases_test(CODE, CASES)


def test_the_hint_names_the_exemption_key() -> None:
    d = one(check(calls("+12012345678"), settings=screened(FTC)), CODE)
    assert d.hint is not None and "metadata.dnc_exemption" in d.hint and "'ebr'" in d.hint
    d = one(check(calls("+12012345678"), settings=screened(FTC, key=None)), CODE)
    assert d.hint is not None and "dnc-exemption-key" in d.hint
