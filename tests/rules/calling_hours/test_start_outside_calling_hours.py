"""RBV709 start-outside-calling-hours: a batch without windows starts (at once, or at trigger_timestamp) when some recipients' hours or law bar calls."""

from __future__ import annotations

from typing import Any

from tests.calling.numbers import FLORIDA, LA, LOUISIANA, NY, TOLL_FREE, batch, ms
from tests.helpers import check, seed
from tests.rules.cases import At, cases_test, flags, passes
from validator import Settings, validate

CODE = "RBV709"
MORNING_UTC = "2026-06-01T09:00:00Z"  # 02:00 in Los Angeles, 05:00 in New York and Miami


def calls(*numbers: str, **fields: Any) -> dict[str, Any]:
    return seed(tasks=[{"to_number": n} for n in numbers], **fields)


CASES = [
    flags(
        "sent at once, night in Los Angeles",
        calls(LA, LA),
        At(
            "/tasks/0/to_number",
            "warning",
            says="starts at once when sent (now: Mon 2026-06-01 09:00 UTC), 02:00 on Mon 2026-06-01 in America/Los_Angeles, outside the calling hours 08:00–21:00: 2 tasks",
        ),
        At("/tasks/0/to_number", says="an hour United States (federal) bars"),
        At("/tasks/0/to_number", says="California (automatic dialing-announcing devices)"),
        now=MORNING_UTC,
    ),
    flags(
        "a trigger at 20:30 in Miami, inside the policy hours, outside Florida's",
        calls(FLORIDA, trigger_timestamp=ms("2026-06-02T00:30:00+00:00")),
        At(
            "/tasks/0/to_number",
            says="starts at trigger_timestamp (Tue 2026-06-02 00:30 UTC), 20:30 on Mon 2026-06-01 in America/New_York, an hour Florida bars",
        ),
        now=MORNING_UTC,
    ),
    flags(
        "a holiday where the law bars calls on it",
        calls(LOUISIANA, LOUISIANA),
        At("/tasks/0/to_number", says="a holiday (Independence Day) on which Louisiana bars calls"),
        now="2026-07-04T20:00:00Z",
    ),
    passes("sent at once, daytime everywhere", calls(LA, NY), now="2026-06-01T18:00:00Z"),
    passes("one task sent at once: a call at a moment you choose", calls(LA), now=MORNING_UTC),
    passes("with a window, the windows are judged (RBV701)", batch(LA, windows=[(540, 1020)]), now=MORNING_UTC),
    passes("a number that does not tell where it rings (RBV703)", calls(TOLL_FREE, TOLL_FREE), now=MORNING_UTC),
    passes("an invalid number (RBV202)", calls("+1213555012", "+1213555013"), now=MORNING_UTC),
]

test_cases = cases_test(CODE, CASES)


def test_the_purpose_decides_which_laws_apply() -> None:
    report = check(calls(LA, LA), now=MORNING_UTC, settings=Settings(call_purpose="informational"))
    found = [d.message for d in report.diagnostics if d.code == CODE]
    assert len(found) == 2 and "outside the calling hours" in found[0] and "automatic dialing-announcing devices" in found[1]


def test_the_policy_hours_are_the_configured_ones() -> None:
    report = check(calls(NY, NY), now="2026-06-01T12:30:00Z", settings=Settings(calling_hours=(540, 1200)))  # 08:30 in New York
    assert [d.message.split(", ")[-1] for d in report.diagnostics if d.code == CODE] == [
        "outside the calling hours 09:00–20:00: 2 tasks (first +12125550123)"
    ]


def test_at_once_is_not_judged_on_the_real_clock_nor_after_a_past_trigger() -> None:
    assert [d for d in validate(calls(LA, LA)).diagnostics if d.code == CODE] == []
    past = calls(LA, LA, trigger_timestamp=ms("2026-05-01T00:00:00+00:00"))
    assert [d.code for d in check(past, now=MORNING_UTC).diagnostics if d.code in (CODE, "RBV402")] == ["RBV402"]
