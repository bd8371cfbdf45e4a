"""``# retell-validate: ignore[CODE]`` comments in YAML payloads, and RBV090 for the ones that cannot be used."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.helpers import check_text, one, only
from validator.cli.main import main

HEAD = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n'


def unknown_keys(text: str) -> list[int | None]:
    return [d.line for d in only(check_text(HEAD + text, "yaml"), "RBV111")]


def test_without_comment_the_finding_is_reported() -> None:
    assert unknown_keys("    colour: red\n") == [4]


def test_comment_on_the_line_suppresses_that_code() -> None:
    assert unknown_keys("    colour: red  # retell-validate: ignore[RBV111]\n") == []


def test_comment_on_its_own_line_suppresses_the_next_line_only() -> None:
    assert unknown_keys("    # retell-validate: ignore[RBV111]\n    colour: red\n    shade: blue\n") == [6]


def test_several_codes_spacing_and_case() -> None:
    assert unknown_keys("    colour: red #retell-validate:ignore[ rbv201 , RBV111 ]\n") == []


def test_other_codes_and_other_lines_are_not_suppressed() -> None:
    assert unknown_keys("    colour: red  # retell-validate: ignore[RBV102]\n    shade: blue\n") == [4, 5]


def test_text_inside_strings_is_not_a_comment() -> None:
    text = '    colour: "x # retell-validate: ignore[RBV111]"\n    shade: |\n      # retell-validate: ignore[RBV111]\n    tone: 1\n'
    assert unknown_keys(text) == [4, 5, 7]
    assert only(check_text(HEAD + text, "yaml"), "RBV090") == []


def test_json_has_no_suppression_comments() -> None:
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "x": "# retell-validate: ignore[RBV111]"}]}'
    assert [d.code for d in check_text(text, "json").diagnostics] == ["RBV111"]


def test_bare_ignore_is_rbv090_and_suppresses_nothing() -> None:
    report = check_text(HEAD + "    colour: red  # retell-validate: ignore\n", "yaml")
    finding = one(report, "RBV090")
    assert (finding.severity.value, finding.pointer, finding.line, finding.column) == ("warning", "", 4, 18)
    assert "bare" in finding.message
    assert [d.line for d in only(report, "RBV111")] == [4]


def test_unknown_code_is_rbv090_and_the_known_ones_still_apply() -> None:
    report = check_text(HEAD + "    colour: red  # retell-validate: ignore[RBV111,RBV999]\n", "yaml")
    finding = one(report, "RBV090")
    assert (finding.severity.value, finding.pointer, finding.line) == ("warning", "", 4)
    assert "RBV999" in finding.message
    assert only(report, "RBV111") == []


def test_valid_comment_is_not_rbv090() -> None:
    assert only(check_text(HEAD + "    colour: red  # retell-validate: ignore[RBV111]\n", "yaml"), "RBV090") == []


def test_suppression_through_the_command_line(tmp_path: Path) -> None:
    payload = tmp_path / "batch.yaml"
    payload.write_text(HEAD + "    colour: red  # retell-validate: ignore[RBV111]\n")
    result = CliRunner().invoke(main, ["check", "--fail-on", "warning", str(payload)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "1 file, 0 errors, 0 warnings\n"
