"""RBV306 window-timezone-legacy: fixed-offset and POSIX-style zones that never observe daylight saving."""

from __future__ import annotations

import pytest

from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.window import WRONG_TYPES, window

CODE = "RBV306"

CASES = [
    *(
        flags(zone, window((540, 1020), timezone=zone), At("/call_time_window/timezone", "warning", says="never observes daylight saving"))
        for zone in ("EST", "MST", "HST")
    ),
    flags("Etc/GMT+5", window((540, 1020), timezone="Etc/GMT+5"), At("/call_time_window/timezone", "warning")),
    flags(
        "a POSIX-style name", window((540, 1020), timezone="EST5EDT"), At("/call_time_window/timezone", says="kept only for compatibility")
    ),
    passes("the zone of the place", window((540, 1020), timezone="America/New_York")),
    passes("UTC", window((540, 1020), timezone="UTC")),
    passes("GMT", window((540, 1020), timezone="GMT")),
    passes("an unknown zone is RBV305's", window((540, 1020), timezone="PST")),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)


@pytest.mark.parametrize(("zone", "meant"), [("EST", "America/New_York"), ("MST", "America/Denver"), ("HST", "Pacific/Honolulu")])
def test_fixed_offset_zones_name_the_zone_with_daylight_saving(zone: str, meant: str) -> None:
    d = one(check(window((540, 1020), timezone=zone)), CODE)
    assert d.hint is not None and meant in d.hint


def test_etc_gmt_zone_explains_the_inverted_sign() -> None:
    d = one(check(window((540, 1020), timezone="Etc/GMT+5")), CODE)
    assert "Etc/GMT+5 is UTC−05:00 all year (Etc names invert the sign)" in d.message
