"""RBV305 window-timezone-unknown: a zone that is not an IANA name, with the zone meant (abbreviation, case, offset)."""

from __future__ import annotations

import pytest

from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.window import WRONG_TYPES, window
from validator.diagnostics import Fix

CODE = "RBV305"

UNKNOWN = ("PST", "EDT", "CEST", "america/new_york", "UTC-5", "Mars/Olympus_Mons")

CASES = [
    *(
        flags(zone, window((540, 1020), timezone=zone), At("/call_time_window/timezone", "error", says=f'found "{zone}"'))
        for zone in UNKNOWN
    ),
    passes("an IANA zone", window((540, 1020), timezone="America/New_York")),
    passes("its case-sensitive spelling", window((540, 1020), timezone="America/Los_Angeles")),
    *(passes(f"{zone} is legacy, not unknown", window((540, 1020), timezone=zone)) for zone in ("EST", "MST", "HST")),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize(
    ("zone", "hint_part", "fix"),
    [
        (
            "PST",
            "PST is an abbreviation, not an IANA zone name: use America/Los_Angeles",
            Fix("America/Los_Angeles", False, "use America/Los_Angeles"),
        ),
        ("EDT", "use America/New_York", Fix("America/New_York", False, "use America/New_York")),
        ("CEST", "use Europe/Paris (Central Europe) or Europe/Berlin", Fix("Europe/Paris", False, "use Europe/Paris")),
        ("america/new_york", "case-sensitive", Fix("America/New_York", True, "use America/New_York")),
        ("UTC-5", "Etc/GMT+5", None),
        ("Mars/Olympus_Mons", "Region/City", None),
    ],
)
def test_unknown_zone_names_the_zone_meant(zone: str, hint_part: str, fix: Fix | None) -> None:
    d = one(check(window((540, 1020), timezone=zone)), CODE)
    assert d.hint is not None and hint_part in d.hint
    assert d.fix == fix
