"""``# retell-validate: ignore[CODE]`` comments in YAML payloads, and RBV090 for the ones that cannot be used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import FIXED_NOW, ROOT, check_text, one, only
from validator.cli.main import main
from validator.context import Context
from validator.engine.registry import semantic_rules
from validator.openapi.load import load_spec
from validator.readers import format_for_path, read_text
from validator.settings import Settings, parse_now

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
    assert result.stdout == "1 file, 0 errors, 0 warnings\nReady to send\n"


# -- grouped findings: one finding for many tasks, at the first ------------------------------------------------------

WINDOW = """from_number: "+14157774444"
call_time_window:{window_comment}
  timezone: America/Los_Angeles
  windows:
    - {{start: 540, end: 1200}}{item_comment}
tasks:
"""
NEW_YORK = ("+12125550123", "+12125550124", "+12125550125")


def batch(*comments: str, window_comment: str = "", item_comment: str = "", numbers: tuple[str, ...] = NEW_YORK) -> str:
    """Los Angeles 09:00-20:00 reaches New York until 23:00: RBV701 and RBV705, one finding each for all three tasks."""
    tasks = "".join(f'  - to_number: "{number}"{comment}\n' for number, comment in zip(numbers, [*comments, "", "", ""], strict=False))
    return WINDOW.format(window_comment=window_comment, item_comment=item_comment) + tasks


def test_a_grouped_finding_covers_every_task_at_the_first() -> None:
    finding = one(check_text(batch(), "yaml"), "RBV705")
    assert (finding.pointer, finding.line) == ("/tasks/0/to_number", 7)
    assert finding.message.endswith("3 tasks (first +12125550123)")


def test_a_suppression_on_a_task_line_takes_that_task_out_of_the_group() -> None:
    report = check_text(batch("  # retell-validate: ignore[RBV705]"), "yaml")
    finding = one(report, "RBV705")
    assert (finding.pointer, finding.line) == ("/tasks/1/to_number", 8)  # the first task left
    assert finding.message.endswith("2 tasks (first +12125550124)")
    assert one(report, "RBV701").message.endswith("3 tasks (first +12125550123)")  # other codes keep every task
    assert only(report, "RBV090") == []


def test_a_suppression_on_its_own_line_takes_the_next_task_out() -> None:
    text = batch().replace('  - to_number: "+12125550124"', '  # retell-validate: ignore[RBV705]\n  - to_number: "+12125550124"')
    finding = one(check_text(text, "yaml"), "RBV705")
    assert (finding.pointer, finding.line) == ("/tasks/0/to_number", 7)
    assert finding.message.endswith("2 tasks (first +12125550123)")


def test_a_task_inserted_above_does_not_move_the_suppression_to_the_group() -> None:
    """The comment stays with its task: inserting a task above makes the new one the group's first, not the suppressed one."""
    text = batch("", "  # retell-validate: ignore[RBV705]", numbers=("+12125550199", *NEW_YORK))
    finding = one(check_text(text, "yaml"), "RBV705")
    assert (finding.pointer, finding.line) == ("/tasks/0/to_number", 7)
    assert finding.message.endswith("3 tasks (first +12125550199)")


def test_suppressing_every_task_suppresses_the_group() -> None:
    comment = "  # retell-validate: ignore[RBV705]"
    assert only(check_text(batch(comment, comment, comment), "yaml"), "RBV705") == []


def test_a_suppression_where_the_group_s_cause_is_covers_the_group() -> None:
    """The window is the cause of the calling-hours findings: a suppression on any of its lines covers every group of the code."""
    comment = "  # retell-validate: ignore[RBV705]"
    for text in (batch(window_comment=comment), batch(item_comment=comment)):
        report = check_text(text, "yaml")
        assert only(report, "RBV705") == [], text
        assert len(only(report, "RBV701")) == 1  # near miss: another code
    above = batch().replace("call_time_window:", "# retell-validate: ignore[RBV705]\ncall_time_window:")
    assert only(check_text(above, "yaml"), "RBV705") == []


def test_a_suppression_elsewhere_leaves_the_group_whole() -> None:
    text = batch().replace('from_number: "+14157774444"', 'from_number: "+14157774444"  # retell-validate: ignore[RBV705]')
    assert one(check_text(text, "yaml"), "RBV705").message.endswith("3 tasks (first +12125550123)")


@pytest.mark.parametrize(
    ("code", "tasks", "before", "after"),
    [
        (
            "RBV203",
            ['{to_number: "+442071838750"}', '{to_number: "+442071838751"}', '{to_number: "+442071838752"}'],
            "3 tasks call GB numbers",
            "2 tasks call GB numbers",
        ),
        (
            "RBV603",
            [f'{{to_number: "+1213777444{i}", retell_llm_dynamic_variables: {{name: ""}}}}' for i in (5, 6, 7)],
            "and 2 more tasks",
            "and 1 more task",
        ),
        (
            "RBV602",
            ['{to_number: "+12137774445", retell_llm_dynamic_variables: {name: Ann}}'] * 5
            + ['{to_number: "+12137774446", retell_llm_dynamic_variables: {}}'] * 2,
            "in the 2 tasks without it",
            "in the 1 task without it",
        ),
    ],
)
def test_every_grouped_rule_takes_a_suppressed_task_out(code: str, tasks: list[str], before: str, after: str) -> None:
    first = next(i for i, task in enumerate(tasks) if task != tasks[0]) if code == "RBV602" else 0
    lines = [f"  - {task}" for task in tasks]
    head = 'from_number: "+14157774444"\ntasks:\n'
    whole = one(check_text(head + "\n".join(lines) + "\n", "yaml"), code)
    assert before in whole.message and whole.line == 3 + first
    lines[first] += f"  # retell-validate: ignore[{code}]"
    rest = one(check_text(head + "\n".join(lines) + "\n", "yaml"), code)
    assert after in rest.message and rest.line == 4 + first


def test_a_placeholder_group_loses_the_suppressed_task() -> None:
    task = '  - {{to_number: "+1213777444{0}", agent_override: {{agent: {{begin_message: "Hi {{{{name}}}}"}}}}}}{1}\n'
    head = 'from_number: "+14157774444"\ntasks:\n'
    whole = one(check_text(head + task.format(5, "") + task.format(6, ""), "yaml"), "RBV604")
    assert "2 tasks use it without setting it" in whole.message and whole.line == 3
    rest = one(check_text(head + task.format(5, "  # retell-validate: ignore[RBV604]") + task.format(6, ""), "yaml"), "RBV604")
    assert "use it without setting it" not in rest.message and rest.line == 4


def test_a_grouped_finding_s_members_begin_at_its_anchor() -> None:
    """Every rule's grouped findings over the fixtures: the first member is where the finding sits, all of them in tasks."""
    seen = 0
    for path in sorted((ROOT / "fixtures").glob("*/*.*")):
        if path.suffix not in (".json", ".yaml") or path.name.endswith(".expected.json"):
            continue
        document, _ = read_text(path.read_text(encoding="utf-8", errors="replace"), format_for_path(path))
        if not document.usable:
            continue
        context = Context(document.data, load_spec(), Settings(now=parse_now(FIXED_NOW)), document.format)
        for rule in semantic_rules():
            assert rule.check is not None
            for finding in rule.check(context):
                members = list(finding.members)
                assert len(members) == len(finding.members), (rule.code, path.name)
                if members:
                    seen += 1
                    assert members[0] == finding.pointer and all(m.startswith("/tasks/") for m in members), (rule.code, path.name)
    assert seen > 5


def test_the_documented_grouped_example_does_what_docs_configuration_md_says() -> None:
    page = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    (example,) = [block for block in re.findall(r"```yaml\n(.*?)```", page, re.S) if "call_time_window" in block]
    report = check_text(example, "yaml")
    assert only(report, "RBV701") == []
    finding = one(report, "RBV705")
    assert (finding.pointer, finding.line) == ("/tasks/1/to_number", 8)
    assert finding.message.endswith("2 tasks (first +12125550124)")
