"""RBV704 trigger-outside-windows: a trigger after the day's last window or on a day left out starts the batch on a later day."""

from __future__ import annotations

from typing import Any

from tests.calling.numbers import LA, batch, ms
from tests.helpers import check, one
from tests.rules.cases import At, cases_test, flags, passes
from validator.diagnostics import Severity

CODE = "RBV704"


def saturday_evenings(trigger: str) -> dict[str, Any]:
    return batch(LA, windows=[(1080, 1200)], days=["Saturday"], trigger_timestamp=ms(trigger))


def office_hours(trigger: int, zone: str | None = "America/Los_Angeles", days: list[str] | None = None) -> dict[str, Any]:
    return batch(LA, windows=[(540, 1020)], zone=zone, days=days, trigger_timestamp=trigger)


CASES = [
    flags(
        "a Sunday trigger for Saturday windows",
        saturday_evenings("2026-06-07T12:00:00-07:00"),
        At("/trigger_timestamp", "info", says="the first call can go out at 2026-06-13T18:00:00-07:00 (Saturday)"),
    ),
    passes("inside the window", saturday_evenings("2026-06-06T18:30:00-07:00")),
    passes("before the window opens that day", saturday_evenings("2026-06-06T10:00:00-07:00")),
    passes("in the past: RBV402's business", saturday_evenings("2026-05-30T10:00:00-07:00")),
    flags(
        "the minute the last window closes",
        office_hours(ms("2026-06-02T17:00:00-07:00")),
        At("/trigger_timestamp", says="the first call can go out at 2026-06-03T09:00:00-07:00 (Wednesday)"),
    ),
    passes("the window's last minute", office_hours(ms("2026-06-02T16:59:00-07:00"))),
    # The rule's documented examples, windows in the default zone, Monday only: Fri 2027-01-01 18:00 Los Angeles …
    flags("a Friday evening for Monday windows", office_hours(1_798_855_200_000, zone=None, days=["Monday"]), "/trigger_timestamp"),
    # … and the docs' "Passes" example, a week later: still a Friday evening, so it is flagged too (the example is wrong, not the rule).
    flags("the same Friday evening a week later", office_hours(1_799_460_000_000, zone=None, days=["Monday"]), "/trigger_timestamp"),
    passes("Monday before the window opens", office_hours(ms("2027-01-04T08:00:00-08:00"), zone=None, days=["Monday"])),
]

test_cases = cases_test(CODE, CASES)


def test_finding_says_when_the_trigger_is_in_the_batch_zone() -> None:
    d = one(check(saturday_evenings("2026-06-07T12:00:00-07:00")), CODE)
    assert (d.pointer, d.severity) == ("/trigger_timestamp", Severity.INFO)
    assert "Sun 2026-06-07 12:00 America/Los_Angeles" in d.message


def test_hint_gives_the_trigger_of_the_first_allowed_minute() -> None:
    d = one(check(office_hours(ms("2026-06-02T17:00:00-07:00"))), CODE)
    assert d.hint is not None and f"trigger_timestamp {ms('2026-06-03T09:00:00-07:00')}" in d.hint
