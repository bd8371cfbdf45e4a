"""RBV301 window-cross-midnight: windows that end before they start (split at midnight by one fix of the list) or are empty."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import check, check_text, one, only, seed
from tests.rules.cases import At, cases_test, flags, passes
from tests.rules.window import WRONG_TYPES, window
from validator import Settings
from validator.diagnostics import Fix
from validator.fix.apply import fix_file
from validator.openapi.load import load_spec

CODE = "RBV301"

YAML = (
    'from_number: "+14157774444"\ntasks: [{to_number: "+12137774445"}]\ncall_time_window:\n  timezone: America/New_York\n'
    "  windows:\n    - {start: 1320, end: 120}\n"
)

CASES = [
    flags(
        "22:00-02:00 after a morning window",
        window((540, 600), (1320, 120)),
        At("/call_time_window/windows/1", "error", says="windows[1] (22:00–02:00) crosses midnight"),
    ),
    flags(
        "each crossing window", window((1320, 120), (540, 600), (1380, 60)), "/call_time_window/windows/0", "/call_time_window/windows/2"
    ),
    passes("split at midnight: ending at 1440, starting at 0", window((1320, 1440), (0, 120))),
    flags("end 0 for midnight", window((1200, 0)), At("/call_time_window/windows/0", "error")),
    flags("an empty window", window((300, 300)), At("/call_time_window/windows/0", "error", says="is empty")),
    passes("one minute long", window((300, 301))),
    flags("in YAML", YAML, At("/call_time_window/windows/0", line=6), format="yaml"),
    passes("an empty list is RBV108's", seed(call_time_window={"windows": [], "timezone": "America/New_York"})),
    *(passes(f"wrong types {i}", payload) for i, payload in enumerate(WRONG_TYPES, 1)),
]

test_cases = cases_test(CODE, CASES)


def test_the_fix_rewrites_the_list_with_the_window_split_in_place() -> None:
    d = one(check(window((540, 600), (1320, 120))), CODE)
    assert d.fix == Fix(
        [{"start": 540, "end": 600}, {"start": 1320, "end": 1440}, {"start": 0, "end": 120}],
        False,
        "split windows that cross midnight",
        at="/call_time_window/windows",
    )


def test_each_crossing_window_is_reported_and_one_fix_splits_them_all() -> None:
    first, second = (d.fix for d in only(check(window((1320, 120), (540, 600), (1380, 60))), CODE))
    assert first == second and first is not None and first.at == "/call_time_window/windows"


def test_cross_midnight_fix_applies_at_the_list(tmp_path: Path) -> None:
    path = tmp_path / "payload.json"
    path.write_text(json.dumps(window((540, 600), (1320, 120), (1380, 60)), indent=2))
    outcome = fix_file(path, settings=Settings(), spec=load_spec(), unsafe=True, write=True, max_bytes=None)
    assert outcome.applied == 1
    assert json.loads(path.read_text())["call_time_window"]["windows"] == [
        {"start": 540, "end": 600},
        {"start": 1320, "end": 1440},
        {"start": 0, "end": 120},
        {"start": 1380, "end": 1440},
        {"start": 0, "end": 60},
    ]
    assert only(outcome.report, CODE) == []


def test_end_zero_means_until_midnight() -> None:
    d = one(check(window((1200, 0))), CODE)
    assert d.fix is not None and d.fix.value == [{"start": 1200, "end": 1440}]


def test_empty_window_has_no_fix() -> None:
    assert one(check(window((300, 300))), CODE).fix is None


def test_cross_midnight_position_in_yaml() -> None:
    d = one(check_text(YAML, "yaml"), CODE)
    assert (d.pointer, d.line, d.column) == ("/call_time_window/windows/0", 6, 7)
