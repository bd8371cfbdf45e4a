"""Autofix machinery, driven by a test rule that attaches the fixes a test asks for.

Real rules' fixes have before/after pairs in tests/fix/test_golden.py; here the
fixes are constructed, so every layout case (JSON indentation, YAML quoting and
block style, overlaps, anchors) is pinned independently of which rules exist.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.helpers import FIXED_NOW
from validator.cli.main import main
from validator.context import Context
from validator.diagnostics import Finding, Fix, Severity
from validator.engine import pipeline as engine
from validator.engine import registry
from validator.fix import apply as fixes
from validator.fix import members
from validator.fix.apply import FixOutcome, fix_text
from validator.openapi.load import load_spec
from validator.options import RULE_CODES
from validator.rules import Kind
from validator.settings import Settings, parse_now

Wanted = list[tuple[str, Any, bool]]  # pointer, new value (or current → new value, None when content), safe


def settings() -> Settings:
    """Only the test rule (real rules' fixes are in test_fix_golden); made after ``wants`` installs it, so the code is known."""
    return Settings(select=frozenset({"RBV999"}), now=parse_now(FIXED_NOW))


@pytest.fixture
def wants(monkeypatch: pytest.MonkeyPatch) -> Callable[[Wanted], None]:
    """Install rule RBV999, which reports each (pointer, value, safe) whose current value differs from ``value``."""

    def install(wanted: Wanted) -> None:
        def check(ctx: Context) -> Iterator[Finding]:
            for pointer, value, safe in wanted:
                try:
                    current = members.resolve(ctx.document, pointer)
                except (KeyError, IndexError, TypeError, ValueError):
                    if callable(value):
                        continue
                    current = None  # a value the object lacks: the fix adds it
                new = value(current) if callable(value) else value
                if new is not None and not members.same(current, new):
                    yield Finding(pointer, f"should be {new!r}", fix=Fix(new, safe, f"set {pointer}"))

        rule = registry.Rule("RBV999", "test-fix", Severity.ERROR, "test", "test", "test", module=__name__, kind=Kind.DOCUMENT, check=check)
        monkeypatch.setattr(engine, "semantic_rules", lambda: [*registry.semantic_rules(), rule])
        monkeypatch.setattr(engine, "rules_by_code", lambda: {**registry.rules_by_code(), rule.code: rule})
        codes = RULE_CODES.codes()
        monkeypatch.setattr(RULE_CODES, "codes", lambda: (*codes, rule.code))  # so Settings and --select know it

    return install


def run(text: str, fmt: str, *, unsafe: bool = False) -> FixOutcome:
    return fix_text(text, fmt, file="payload", settings=settings(), spec=load_spec(), unsafe=unsafe)  # type: ignore[arg-type]


def fixed(text: str, fmt: str, *, unsafe: bool = False) -> str:
    """The fixed text, after checking that fixing it again changes nothing (idempotence)."""
    outcome = run(text, fmt, unsafe=unsafe)
    again = run(outcome.after, fmt, unsafe=unsafe)
    assert (again.after, again.applied) == (outcome.after, 0)
    assert "RBV999" not in again.report.codes
    return outcome.after


JSON_PRETTY = """{
    "from_number": "+14157774444",
    "tasks": [{"to_number": "+12137774445"}],
    "call_time_window": {
        "windows": [
            {"start": 1200, "end": 60}
        ],
        "day": ["monday", "Tuesday"]
    }
}
"""
SPLIT = [{"start": 1200, "end": 1440}, {"start": 0, "end": 60}]


def test_json_scalar_is_replaced_in_place(wants: Callable[[Wanted], None]) -> None:
    wants([("/call_time_window/day/0", "Monday", True)])
    assert fixed(JSON_PRETTY, "json") == JSON_PRETTY.replace('"monday"', '"Monday"')


def test_json_multiline_value_keeps_one_member_per_line(wants: Callable[[Wanted], None]) -> None:
    wants([("/call_time_window/windows", SPLIT, False)])
    before = '            {"start": 1200, "end": 60}\n'
    after = '            {"start": 1200, "end": 1440},\n            {"start": 0, "end": 60}\n'
    assert fixed(JSON_PRETTY, "json", unsafe=True) == JSON_PRETTY.replace(before, after)


def test_json_expanded_value_is_expanded_with_the_file_indentation(wants: Callable[[Wanted], None]) -> None:
    wants([("/call_time_window/windows", SPLIT, False)])
    before = '            {"start": 1200, "end": 60}\n'
    expanded = '            {\n                "start": 1200,\n                "end": 60\n            }\n'
    after = (
        '            {\n                "start": 1200,\n                "end": 1440\n            },\n'
        '            {\n                "start": 0,\n                "end": 60\n            }\n'
    )
    text = JSON_PRETTY.replace(before, expanded)
    assert fixed(text, "json", unsafe=True) == text.replace(expanded, after)


def test_json_compact_file_stays_compact_and_crlf_bom_survive(wants: Callable[[Wanted], None]) -> None:
    wants([("/call_time_window/day", ["Monday"], True)])
    text = '\ufeff{"from_number":"+14157774444",\r\n"tasks":[{"to_number":"+12137774445"}],"call_time_window":{"windows":[{"start":0,"end":60}],"day":["monday","monday"]}}\r\n'
    assert fixed(text, "json") == text.replace('["monday","monday"]', '["Monday"]')


YAML = """# batch for Monday
from_number: "+14157774444"   # our line
tasks:
  - to_number: 12137774445 # read as a number
call_time_window:
  windows:
    - start: 1200
      end: 60   # crosses midnight
  day:
    - monday # first
    - 'tuesday'
"""


def test_yaml_scalars_keep_their_style_and_comments(wants: Callable[[Wanted], None]) -> None:
    wants(
        [
            ("/call_time_window/day/0", "Monday", True),
            ("/call_time_window/day/1", "Tuesday", True),
            ("/tasks/0/to_number", "+12137774445", True),
        ]
    )
    after = (
        YAML.replace("to_number: 12137774445 #", 'to_number: "+12137774445" #')
        .replace("- monday # first", "- Monday # first")
        .replace("- 'tuesday'", "- 'Tuesday'")
    )
    assert fixed(YAML, "yaml") == after


def test_yaml_block_collection_is_replaced_in_block_style(wants: Callable[[Wanted], None]) -> None:
    wants([("/call_time_window/windows", SPLIT, False)])
    after = YAML.replace("    - start: 1200\n      end: 60", "    - start: 1200\n      end: 1440\n    - start: 0\n      end: 60")
    assert fixed(YAML, "yaml", unsafe=True) == after


def test_fix_of_a_container_touches_only_the_members_that_change(wants: Callable[[Wanted], None]) -> None:
    window = {"windows": [{"start": 1200, "end": 60}], "day": ["Monday", "tuesday"]}
    wants([("/call_time_window", window, True)])
    assert fixed(YAML, "yaml") == YAML.replace("- monday # first", "- Monday # first")


def test_unsafe_fixes_wait_for_unsafe_mode(wants: Callable[[Wanted], None]) -> None:
    wants([("/call_time_window/windows", SPLIT, False), ("/call_time_window/day/0", "Monday", True)])
    safe_only = run(JSON_PRETTY, "json")
    assert (safe_only.applied, safe_only.unsafe_available) == (1, 1)
    assert [(d.code, d.pointer) for d in safe_only.report.diagnostics if d.code == "RBV999"] == [("RBV999", "/call_time_window/windows")]
    both = run(JSON_PRETTY, "json", unsafe=True)
    assert (both.applied, both.unsafe_available) == (2, 0)
    assert "RBV999" not in both.report.codes


def test_overlapping_fixes_apply_over_several_passes(wants: Callable[[Wanted], None]) -> None:
    def add_task(tasks: list[Any]) -> list[Any] | None:
        return [*tasks, {"to_number": "+12137774446"}] if len(tasks) == 1 else None

    wants([("/tasks", add_task, True), ("/tasks/0/to_number", "+12137774445", True)])
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "12137774445"}]}'
    outcome = run(text, "json")
    assert outcome.applied == 2  # /tasks first; its /0/to_number overlapped and waited for pass 2
    assert json.loads(outcome.after)["tasks"] == [{"to_number": "+12137774445"}, {"to_number": "+12137774446"}]


def test_anchored_yaml_values_are_left_alone(wants: Callable[[Wanted], None]) -> None:
    wants([("/call_time_window/day", ["Monday", "Tuesday"], True)])
    text = 'from_number: "+14157774444"\ntasks: [{to_number: "+12137774445"}]\ncall_time_window:\n  windows: [{start: 0, end: 60}]\n  day: &d [monday]\n'
    outcome = run(text, "yaml")
    assert (outcome.after, outcome.applied) == (text, 0)
    assert outcome.not_applied == (
        "/call_time_window/day: set /call_time_window/day: anchored, aliased or tagged YAML values are not rewritten",
    )


def test_a_fix_for_a_value_the_object_lacks_adds_the_member(wants: Callable[[Wanted], None]) -> None:
    wants([("/name", "batch", True)])
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}'
    assert fixed(text, "json") == '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "name": "batch"}'


def test_a_fix_below_a_value_that_is_not_an_object_is_not_applied(wants: Callable[[Wanted], None]) -> None:
    wants([("/from_number/country", "US", True)])
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}'
    outcome = run(text, "json")
    assert (outcome.after, outcome.applied) == (text, 0)
    assert outcome.not_applied == (
        "/from_number/country: set /from_number/country: /from_number/country: the value at /from_number is not an object",
    )


def test_an_edit_that_does_not_read_back_is_dropped(wants: Callable[[Wanted], None], monkeypatch: pytest.MonkeyPatch) -> None:
    wants([("/call_time_window/day/0", "Monday", True)])
    monkeypatch.setattr(fixes, "_yaml_string", lambda value, first: "[broken")
    outcome = run(YAML, "yaml")
    assert (outcome.after, outcome.applied) == (YAML, 0)
    assert outcome.not_applied == ("/call_time_window/day/0: set /call_time_window/day/0: the edited file did not read back as intended",)


# --- command line ---------------------------------------------------------------------------


def cli(*args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, "--select", "RBV999", *args], input=stdin)


@pytest.fixture
def payload(tmp_path: Path) -> Path:
    path = tmp_path / "batch.json"
    path.write_text(JSON_PRETTY, encoding="utf-8")
    path.chmod(0o640)
    return path


def test_diff_prints_the_fixes_and_changes_nothing(wants: Callable[[Wanted], None], payload: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wants([("/call_time_window/day/0", "Monday", True), ("/call_time_window/windows", SPLIT, False)])
    monkeypatch.chdir(payload.parent)
    result = cli("--diff", "batch.json")
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a/batch.json\n+++ b/batch.json\n@@ -5,6 +5,6 @@\n"
        '         "windows": [\n'
        '             {"start": 1200, "end": 60}\n'
        "         ],\n"
        '-        "day": ["monday", "Tuesday"]\n'
        '+        "day": ["Monday", "Tuesday"]\n'
        "     }\n"
        " }\n"
    )
    assert result.stderr == "Would fix 1 issue(s) in 1 file(s). 1 more fix(es) available with --unsafe-fixes.\n"
    assert payload.read_text(encoding="utf-8") == JSON_PRETTY
    assert cli("--diff", str(payload)).stdout.startswith(f"--- {payload}\n+++ {payload}\n")  # absolute paths stay as given


def test_diff_of_a_file_without_fixes_is_empty_and_exit_0(wants: Callable[[Wanted], None], payload: Path) -> None:
    wants([])
    result = cli("--diff", str(payload))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "Nothing to fix.\n")


def test_fix_rewrites_atomically_and_reports_what_remains(wants: Callable[[Wanted], None], payload: Path) -> None:
    wants([("/call_time_window/day/0", "Monday", True), ("/call_time_window/windows", SPLIT, False)])
    result = cli("--fix", str(payload))
    assert result.exit_code == 1  # the unsafe fix's finding remains
    assert f"{payload}:5:20: RBV999 [error]" in result.stdout
    assert result.stderr == "Fixed 1 issue(s) in 1 file(s). 1 more fix(es) available with --unsafe-fixes.\n"
    assert payload.read_text(encoding="utf-8") == JSON_PRETTY.replace('"monday"', '"Monday"')
    assert stat.S_IMODE(payload.stat().st_mode) == 0o640
    assert os.listdir(payload.parent) == ["batch.json"]  # no temporary file left behind

    result = cli("--fix", "--unsafe-fixes", str(payload))
    assert (result.exit_code, result.stderr) == (0, "Fixed 1 issue(s) in 1 file(s).\n")
    assert json.loads(payload.read_text(encoding="utf-8"))["call_time_window"]["windows"] == SPLIT


def test_fix_never_writes_a_file_that_does_not_parse(wants: Callable[[Wanted], None], tmp_path: Path) -> None:
    wants([("/call_time_window/day/0", "Monday", True)])
    path = tmp_path / "broken.json"
    path.write_text('{"call_time_window": {"day": ["monday"]},}', encoding="utf-8")
    before = path.stat().st_mtime_ns
    result = cli("--fix", "--extend-select", "RBV0", str(path))
    assert result.exit_code == 1
    assert f"{path}:1:42: RBV001 [error]" in result.stdout
    assert path.stat().st_mtime_ns == before


def test_fix_on_standard_input_is_a_usage_error(wants: Callable[[Wanted], None]) -> None:
    wants([])
    result = cli("--fix", "-", stdin=JSON_PRETTY)
    assert result.exit_code == 2
    assert "--fix cannot rewrite standard input; use --diff" in result.stderr


def test_check_says_how_many_findings_are_fixable(wants: Callable[[Wanted], None], payload: Path) -> None:
    wants([("/call_time_window/day/0", "Monday", True), ("/call_time_window/windows", SPLIT, False)])
    assert cli(str(payload)).stderr == "1 fixable with --fix (1 more with --unsafe-fixes).\n"
    assert cli("--unsafe-fixes", str(payload)).stderr == "2 fixable with --fix --unsafe-fixes.\n"


def test_only_unsafe_fixes_point_at_unsafe_fixes(wants: Callable[[Wanted], None], payload: Path) -> None:
    wants([("/call_time_window/windows", SPLIT, False)])
    assert cli(str(payload)).stderr == "1 fixable with --fix --unsafe-fixes.\n"


def test_atomic_write_replaces_a_symlinks_target_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    fixes.write_atomic(link, b'{"a": 1}')
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == '{"a": 1}'
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(os.listdir(tmp_path)) == ["link.json", "real.json"]
