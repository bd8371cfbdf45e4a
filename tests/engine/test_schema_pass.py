"""The schema pass: every violation, at the deepest useful pointer, with line and column.

What each schema rule words is tested in tests/rules/schema/.
"""

from __future__ import annotations

from tests.helpers import check, check_text, seed

# A payload laid out so that positions are easy to read off: one key per line.
BAD_JSON = """{
  "from_number": 14157774444,
  "reserved_concurrency": -1,
  "tasks": [
    {"to_number": ""},
    {"override_agent_version": "Prod"},
    {"to_number": "+12137774445", "ignore_e164_validation": "yes"}
  ],
  "call_time_window": {
    "windows": [],
    "day": ["Funday"]
  }
}
"""


def test_bad_payload_reports_every_violation_with_position() -> None:
    report = check_text(BAD_JSON, "json")
    got = {(d.code, d.pointer): (d.severity.value, d.line, d.column) for d in report.diagnostics}
    assert got[("RBV201", "/from_number")] == ("error", 2, 18)  # the phone rule words the wrong type
    assert got[("RBV104", "/reserved_concurrency")] == ("error", 3, 27)
    assert got[("RBV105", "/tasks/0/to_number")] == ("error", 5, 19)
    assert got[("RBV101", "/tasks/1")] == ("error", 6, 5)
    assert got[("RBV102", "/tasks/2/ignore_e164_validation")] == ("error", 7, 61)
    assert got[("RBV108", "/call_time_window/windows")] == ("error", 10, 16)
    assert got[("RBV103", "/call_time_window/day/0")] == ("error", 11, 13)


def test_seed_example_is_clean() -> None:
    assert check(seed()).diagnostics == ()
