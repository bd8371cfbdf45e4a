"""``retell-validate check``: exit status for every path, rule options, files, globs, excludes and large reports."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.helpers import FIXED_NOW
from validator.cli.main import main
from validator.cli.options import use_color

CLEAN = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}]}\n'
UNKNOWN_KEY = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "colour": "red"}\n'
MISSING_TASKS = '{"from_number": "+14157774444"}\n'


def check(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["check", "--now", FIXED_NOW, *args], input=stdin)


def codes(result: Result) -> list[str]:
    return [d["code"] for d in json.loads(result.stdout)["diagnostics"]]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project directory as the current directory, with one clean and one failing payload."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "payloads").mkdir()
    (tmp_path / "payloads" / "clean.json").write_text(CLEAN)
    (tmp_path / "payloads" / "unknown.json").write_text(UNKNOWN_KEY)
    return tmp_path


@pytest.fixture
def unreadable(tmp_path: Path) -> Path:
    """A payload path whose read fails: permissions where they bind, else /proc/self/mem (EIO even for root)."""
    path = tmp_path / "unreadable.json"
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        path.write_text(CLEAN)
        path.chmod(0)
    elif Path("/proc/self/mem").exists():
        path.symlink_to("/proc/self/mem")
    else:
        pytest.skip("no way to make an unreadable file here")
    return path


# Exit status: 0 clean, 1 findings, 2 usage error / missing / unreadable / bad config.


def test_clean_file_exits_0(tree: Path) -> None:
    result = check("payloads/clean.json")
    assert result.exit_code == 0, result.output
    assert result.stdout == "1 file, 0 errors, 0 warnings\nReady to send\n"


def test_findings_exit_1(tree: Path) -> None:
    (tree / "missing.json").write_text(MISSING_TASKS)
    result = check("missing.json")
    assert result.exit_code == 1
    assert "missing.json:1:1: RBV101 [error]" in result.stdout


def test_warnings_pass_unless_fail_on_warning(tree: Path) -> None:
    assert check("payloads/unknown.json").exit_code == 0
    assert check("--fail-on", "warning", "payloads/unknown.json").exit_code == 1


def test_exit_zero_keeps_findings_but_exits_0(tree: Path) -> None:
    (tree / "missing.json").write_text(MISSING_TASKS)
    result = check("--exit-zero", "missing.json")
    assert result.exit_code == 0
    assert "RBV101" in result.stdout


@pytest.mark.parametrize(
    "args",
    [["--select", "RBV999"], ["--ignore", "NOPE"], ["--format", "xml"], ["--now", "yesterday"], ["--calling-hours", "21:00-08:00"]],
)
def test_usage_errors_exit_2(tree: Path, args: list[str]) -> None:
    result = check(*args, "payloads/clean.json")
    assert result.exit_code == 2
    assert "Error: Invalid value" in result.stderr


def test_choices_and_codes_are_read_in_any_case(tree: Path) -> None:
    result = check("--fail-on", "WARNING", "--select", "rbv111", "payloads/unknown.json")
    assert result.exit_code == 1, result.output  # the RBV111 warning fails at WARNING
    assert "RBV111 [warning]" in result.stdout
    assert check("--fail-on", "Error", "--call-purpose", "INFORMATIONAL", "payloads/unknown.json").exit_code == 0


def test_a_misspelt_code_gets_a_suggestion(tree: Path) -> None:
    result = check("--ignore", "RBV1,RBV7O5", "payloads/clean.json")
    assert result.exit_code == 2
    assert "'RBV7O5' is not a rule code, prefix or name; did you mean 'RBV705'?" in " ".join(result.stderr.split())


def test_missing_file_exits_2_and_the_others_are_still_checked(tree: Path) -> None:
    result = check("nope.json", "payloads/unknown.json")
    assert result.exit_code == 2
    assert "error: nope.json: no such file or directory" in result.stderr
    assert "payloads/unknown.json:1:" in result.stdout


def test_glob_without_match_exits_2(tree: Path) -> None:
    result = check("drafts/*.json")
    assert result.exit_code == 2
    assert "drafts/*.json: no file matches this pattern" in result.stderr


def test_unreadable_file_exits_2_and_the_others_are_still_checked(tree: Path, unreadable: Path) -> None:
    (tree / "missing.json").write_text(MISSING_TASKS)
    result = check(str(unreadable), "missing.json")
    assert result.exit_code == 2  # 2 wins over the findings in missing.json
    assert f"error: {unreadable}: cannot read:" in result.stderr
    assert "missing.json:1:1: RBV101" in result.stdout
    assert result.stdout.endswith("1 file, 1 error, 0 warnings\nNot ready to send: 1 error in the batch's own fields\n")


def test_bad_config_exits_2(tree: Path) -> None:
    (tree / ".retell-validate.toml").write_text('ignore = ["RBV111"]\nfail_on = "warning"\n')
    result = check("payloads/clean.json")
    assert result.exit_code == 2
    assert "unknown key 'fail_on'; did you mean 'fail-on'?" in result.stderr


def test_broken_config_in_a_subfolder_skips_its_files_only(tree: Path) -> None:
    (tree / "payloads" / ".retell-validate.toml").write_text("select = [")
    (tree / "other.json").write_text(MISSING_TASKS)
    result = check("payloads", "other.json")
    assert result.exit_code == 2
    assert result.stderr.count("not valid TOML") == 1  # named once, not once per file
    assert "other.json:1:1: RBV101" in result.stdout


def test_no_payload_files_warns_and_exits_0(tree: Path) -> None:
    (tree / "empty").mkdir()
    result = check("empty")
    assert result.exit_code == 0
    assert "no payload files" in result.stderr


# Rule selection: each test fails if the option is ignored.


def test_select_keeps_only_the_selected_rules(tree: Path) -> None:
    (tree / "both.json").write_text('{"from_number": "+14157774444", "colour": 1}')
    assert set(codes(check("--format", "json", "both.json"))) == {"RBV101", "RBV111"}
    assert codes(check("--format", "json", "--select", "RBV111", "both.json")) == ["RBV111"]


def test_ignore_drops_the_rules(tree: Path) -> None:
    assert codes(check("--format", "json", "payloads/unknown.json")) == ["RBV111"]
    assert codes(check("--format", "json", "--ignore", "RBV1", "payloads/unknown.json")) == []


def test_extend_select_adds_to_a_configured_select(tree: Path) -> None:
    (tree / ".retell-validate.toml").write_text('select = ["RBV101"]\n')
    (tree / "both.json").write_text('{"from_number": "+14157774444", "colour": 1}')
    assert codes(check("--format", "json", "both.json")) == ["RBV101"]
    assert set(codes(check("--format", "json", "--extend-select", "RBV111", "both.json"))) == {"RBV101", "RBV111"}


def test_config_ignore_applies_and_a_more_specific_cli_select_beats_it(tree: Path) -> None:
    (tree / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.retell-validate]\nignore = ["RBV1"]\n')
    assert codes(check("--format", "json", "payloads/unknown.json")) == []
    assert codes(check("--format", "json", "--select", "RBV111", "payloads/unknown.json")) == ["RBV111"]
    assert codes(check("--format", "json", "--select", "RBV1", "payloads/unknown.json")) == []  # a tie goes to ignore


def test_per_file_ignores_apply_to_matching_files_only(tree: Path) -> None:
    (tree / "legacy").mkdir()
    (tree / "legacy" / "old.json").write_text(UNKNOWN_KEY)
    (tree / ".retell-validate.toml").write_text('[per-file-ignores]\n"legacy/*.json" = ["RBV111"]\n')
    result = check("--format", "json", "legacy/old.json", "payloads/unknown.json")
    files = [d["file"] for d in json.loads(result.stdout)["diagnostics"]]
    assert files == ["payloads/unknown.json"]


def test_severity_override_changes_severity_and_exit_status(tree: Path) -> None:
    assert check("payloads/unknown.json").exit_code == 0
    (tree / ".retell-validate.toml").write_text('[severity]\nRBV111 = "error"\n')
    result = check("payloads/unknown.json")
    assert result.exit_code == 1
    assert "RBV111 [error]" in result.stdout


def test_config_fail_on_and_cli_override(tree: Path) -> None:
    (tree / ".retell-validate.toml").write_text('fail-on = "warning"\n')
    assert check("payloads/unknown.json").exit_code == 1
    assert check("--fail-on", "error", "payloads/unknown.json").exit_code == 0


def test_explicit_config_applies_to_every_path(tree: Path) -> None:
    (tree / "strict.toml").write_text('fail-on = "warning"\n')
    assert check("--config", "strict.toml", "payloads/unknown.json").exit_code == 1
    assert check("--config", "absent.toml", "payloads/unknown.json").exit_code == 2


def test_nearest_config_wins_per_file(tree: Path) -> None:
    (tree / ".retell-validate.toml").write_text('ignore = ["RBV111"]\n')
    (tree / "strict").mkdir()
    (tree / "strict" / ".retell-validate.toml").write_text("")
    (tree / "strict" / "unknown.json").write_text(UNKNOWN_KEY)
    result = check("--format", "json", "payloads/unknown.json", "strict/unknown.json")
    assert [d["file"] for d in json.loads(result.stdout)["diagnostics"]] == ["strict/unknown.json"]


# Files, directories, globs and excludes.


def test_directories_globs_and_duplicates(tree: Path) -> None:
    (tree / "payloads" / "nested").mkdir()
    (tree / "payloads" / "nested" / "more.yaml").write_text("from_number: '+14157774444'\n")
    (tree / "payloads" / "notes.txt").write_text("not a payload")
    result = check("--format", "json", "payloads", "payloads/**/*.yaml", "payloads/clean.json")
    assert json.loads(result.stdout)["files"] == ["payloads/clean.json", "payloads/nested/more.yaml", "payloads/unknown.json"]


def test_exclude_applies_to_walked_and_named_files(tree: Path) -> None:
    result = check("--format", "json", "--exclude", "unknown.json", "payloads", "payloads/unknown.json")
    assert json.loads(result.stdout)["files"] == ["payloads/clean.json"]
    (tree / ".retell-validate.toml").write_text('exclude = ["payloads/"]\n')
    assert json.loads(check("--format", "json", "payloads").stdout)["files"] == []


def test_stdin_uses_the_current_directory_config(tree: Path) -> None:
    (tree / ".retell-validate.toml").write_text('ignore = ["RBV111"]\n')
    result = check("--format", "json", "-", stdin=UNKNOWN_KEY)
    assert json.loads(result.stdout)["files"] == ["<stdin>"]
    assert codes(result) == []


# Output details: summary, statistics, colour, large reports.


def test_summary_counts_files_errors_and_warnings(tree: Path) -> None:
    (tree / "missing.json").write_text(MISSING_TASKS)
    result = check("payloads", "missing.json")
    assert result.stdout.splitlines()[-2:] == ["3 files, 1 error, 1 warning", "Not ready to send: 1 error in the batch's own fields"]


def test_statistics_counts_per_code(tree: Path) -> None:
    (tree / "payloads" / "second.json").write_text(UNKNOWN_KEY)
    (tree / "missing.json").write_text(MISSING_TASKS)
    result = check("--statistics", "payloads", "missing.json")
    assert result.stdout.splitlines()[-2:] == ["2  RBV111  unknown-key [warning]", "1  RBV101  required-field [error]"]
    machine = check("--statistics", "--format", "json", "payloads")
    assert json.loads(machine.stdout)["summary"]["warning"] == 2  # stdout stays parseable
    assert "2  RBV111  unknown-key [warning]" in machine.stderr


def test_colour_only_when_asked(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" not in check("payloads/unknown.json").stdout  # not a terminal
    assert "\x1b[33m[warning]" in check("--color", "always", "payloads/unknown.json").stdout
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color("auto") is False
    monkeypatch.delenv("NO_COLOR")
    assert use_color("auto") is True
    assert use_color("never") is False


def many_warnings(path: Path, count: int) -> Path:
    task = {"to_number": "+12137774445", **{f"extra_{i:03d}": 1 for i in range(count)}}
    path.write_text(json.dumps({"from_number": "+14157774444", "tasks": [task]}))
    return path


def test_text_output_stops_at_200_per_file_and_says_how_many_more(tree: Path) -> None:
    many_warnings(tree / "many.json", 250)
    lines = check("many.json").stdout.splitlines()
    assert sum(1 for line in lines if "RBV111" in line) == 200
    assert lines[-3:] == ["… and 50 more in many.json (--max-diagnostics 0 shows all)", "1 file, 0 errors, 250 warnings", "Ready to send"]


def test_max_diagnostics_limits_and_zero_shows_all(tree: Path) -> None:
    many_warnings(tree / "many.json", 250)
    assert sum(1 for line in check("--max-diagnostics", "3", "many.json").stdout.splitlines() if "RBV111" in line) == 3
    assert sum(1 for line in check("--max-diagnostics", "0", "many.json").stdout.splitlines() if "RBV111" in line) == 250
    github = check("--format", "github", "many.json").stdout.splitlines()
    assert sum(1 for line in github if line.startswith("::warning")) == 200


def test_machine_formats_keep_everything_unless_limited(tree: Path) -> None:
    many_warnings(tree / "many.json", 250)
    full = json.loads(check("--format", "json", "many.json").stdout)
    assert len(full["diagnostics"]) == 250
    assert full["summary"]["omitted"] == 0
    limited = json.loads(check("--format", "json", "--max-diagnostics", "10", "many.json").stdout)
    # The first ten in position order: the task's first ten unknown keys, each a warning at its key.
    assert [(d["code"], d["severity"], d["path"]) for d in limited["diagnostics"]] == [
        ("RBV111", "warning", f"/tasks/0/extra_{i:03d}") for i in range(10)
    ]
    assert limited["summary"] == {
        "files": 1,
        "error": 0,
        "warning": 250,
        "info": 0,
        "omitted": 240,
        "ready": True,
        "verdict": "Ready to send",
        "reasons": [],
    }
    sarif = json.loads(check("--format", "sarif", "many.json").stdout)
    assert len(sarif["runs"][0]["results"]) == 250
