"""Values shared by the scheduling rules' tests (RBV4xx), against the fixed clock 2026-06-01T12:00:00Z."""

from __future__ import annotations

from typing import Any

from tests.helpers import seed
from tests.rules.cases import Case, passes

NOW_MS = 1_780_315_200_000  # tests.helpers.FIXED_NOW
YEAR_MS = 365 * 86_400_000
CLEAN = 1_798_794_000_000  # 2027-01-01 09:00 UTC, as in fixtures/clean/full-featured.json


def at(value: Any) -> dict[str, Any]:
    """The seed payload scheduled at ``value``."""
    return seed(trigger_timestamp=value)


# Values no scheduling rule reports: plausible milliseconds from now to a year ahead, and wrong types (the schema's).
QUIET: tuple[Case, ...] = (
    passes("a clean timestamp", at(CLEAN)),
    passes("a clean timestamp as a float", at(float(CLEAN))),
    passes("now itself", at(NOW_MS)),
    passes("exactly a year ahead", at(NOW_MS + YEAR_MS)),
    *(passes(f"a {type(value).__name__} is the schema's", at(value)) for value in ("1798794000000", True, None, [CLEAN])),
)
