"""Fixes made of several edits (a value moved where the API reads it), driven by a test rule.

The rule reports each move whose source still exists, with the move as its fix, so a
fixed file gets no finding and fixing it again changes nothing. Every layout case is
pinned: JSON pretty and compact, YAML block and flow, a removed member first, last or
alone on its lines, objects created on the way, a file without a final line break.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.helpers import FIXED_NOW
from validator import validate_text
from validator.context import Context
from validator.diagnostics import Edit, Finding, Fix, Severity
from validator.engine import pipeline as engine
from validator.engine import registry
from validator.fix import members
from validator.fix.apply import FixOutcome, fix_edits, fix_text
from validator.openapi.load import load_spec
from validator.options import RULE_CODES
from validator.readers import read_text
from validator.rules import Kind
from validator.settings import Settings, parse_now

Move = tuple[str, list[Edit], bool]  # the source that must exist, the edits, safe
Install = Callable[[list[Move]], None]


@pytest.fixture
def moves(monkeypatch: pytest.MonkeyPatch) -> Install:
    def install(wanted: list[Move]) -> None:
        def check(ctx: Context) -> Iterator[Finding]:
            for source, edits, safe in wanted:
                try:
                    members.resolve(ctx.document, source)
                except (KeyError, IndexError, TypeError, ValueError):
                    continue
                yield Finding(source, "moved", target="key", fix=Fix.of(edits, safe=safe, title=f"move {source}"))

        rule = registry.Rule(
            "RBV999", "test-move", Severity.ERROR, "test", "test", "test", module=__name__, kind=Kind.DOCUMENT, check=check
        )
        monkeypatch.setattr(engine, "semantic_rules", lambda: [*registry.semantic_rules(), rule])
        monkeypatch.setattr(engine, "rules_by_code", lambda: {**registry.rules_by_code(), rule.code: rule})
        codes = RULE_CODES.codes()
        monkeypatch.setattr(RULE_CODES, "codes", lambda: (*codes, rule.code))

    return install


def run(text: str, fmt: str, *, unsafe: bool = False) -> FixOutcome:
    settings = Settings(select=frozenset({"RBV999"}), now=parse_now(FIXED_NOW))
    return fix_text(text, fmt, file="payload", settings=settings, spec=load_spec(), unsafe=unsafe)  # type: ignore[arg-type]


def fixed(text: str, fmt: str, *, unsafe: bool = False) -> str:
    outcome = run(text, fmt, unsafe=unsafe)
    assert outcome.not_applied == ()
    again = run(outcome.after, fmt, unsafe=unsafe)
    assert (again.after, again.applied, again.report.codes) == (outcome.after, 0, [])
    return outcome.after


JSON = """{
  "from_number": "+14157774444",
  "agent_id": "agent_1",
  "tasks": [
    {"to_number": "+12137774445", "agent_id": "agent_2"},
    {
      "to_number": "+12137774446",
      "retell_llm_dynamic_variables": {"name": "Ann"}
    }
  ],
  "call_time_window": {
    "windows": [
      {"start": 540, "end": 1020, "day": ["Monday"]}
    ]
  }
}
"""

YAML = """from_number: "+14157774444"
agent_id: agent_1  # the agent
tasks:
  - agent_id: agent_2
    to_number: "+12137774445"
  - to_number: "+12137774446"
    retell_llm_dynamic_variables:
      name: Ann
call_time_window:
  windows:
    - start: 540
      end: 1020
      day: [Monday]
"""

FAN_OUT = ("/agent_id", [Edit("/agent_id", remove=True), Edit("/tasks/1/override_agent_id", "agent_1")], True)
RENAME = ("/tasks/0/agent_id", [Edit("/tasks/0/agent_id", remove=True), Edit("/tasks/0/override_agent_id", "agent_2")], True)
LIFT = (
    "/call_time_window/windows/0/day",
    [Edit("/call_time_window/windows/0/day", remove=True), Edit("/call_time_window/day", ["Monday"])],
    True,
)


def test_json_a_member_moves_into_another_object_after_its_last_member(moves: Install) -> None:
    moves([FAN_OUT])
    assert fixed(JSON, "json") == JSON.replace('  "agent_id": "agent_1",\n', "").replace(
        '{"name": "Ann"}\n', '{"name": "Ann"},\n      "override_agent_id": "agent_1"\n'
    )


def test_json_a_member_renamed_in_its_object_keeps_its_place(moves: Install) -> None:
    moves([RENAME])
    assert fixed(JSON, "json") == JSON.replace('"agent_id": "agent_2"', '"override_agent_id": "agent_2"')


def test_json_the_last_member_removed_takes_the_comma_before_it(moves: Install) -> None:
    moves([LIFT])
    assert fixed(JSON, "json") == JSON.replace(', "day": ["Monday"]}', "}").replace(
        '      {"start": 540, "end": 1020}\n    ]\n', '      {"start": 540, "end": 1020}\n    ],\n    "day": ["Monday"]\n'
    )


def test_json_objects_missing_on_the_way_are_created_and_merged(moves: Install) -> None:
    moves(
        [
            (
                "/agent_id",
                [
                    Edit("/agent_id", remove=True),
                    Edit("/tasks/0/agent_override/agent/voice_id", "11labs-Adrian"),
                    Edit("/tasks/0/agent_override/agent/voice_model", "eleven_turbo_v2"),
                    Edit("/tasks/1/agent_override/agent/voice_id", "11labs-Adrian"),
                    Edit("/tasks/1/retell_llm_dynamic_variables/company", "Acme"),
                ],
                False,
            )
        ]
    )
    after = fixed(JSON, "json", unsafe=True)
    assert (
        '{"to_number": "+12137774445", "agent_id": "agent_2", '
        '"agent_override": {"agent": {"voice_id": "11labs-Adrian", "voice_model": "eleven_turbo_v2"}}},' in after
    )
    assert (
        '      "retell_llm_dynamic_variables": {"name": "Ann", "company": "Acme"},\n'
        '      "agent_override": {\n        "agent": {\n          "voice_id": "11labs-Adrian"\n        }\n      }\n    }\n'
    ) in after


def test_json_compact_file_stays_compact(moves: Install) -> None:
    moves([FAN_OUT, RENAME])
    text = '{"from_number":"+14157774444","agent_id":"agent_1","tasks":[{"to_number":"+12137774445","agent_id":"agent_2"},{"to_number":"+12137774446"}]}'
    assert fixed(text, "json") == (
        '{"from_number":"+14157774444","tasks":[{"to_number":"+12137774445","override_agent_id":"agent_2"},'
        '{"to_number":"+12137774446","override_agent_id":"agent_1"}]}'
    )


def test_json_an_object_emptied_of_its_only_member(moves: Install) -> None:
    moves([("/call_time_window/x", [Edit("/call_time_window/x", remove=True), Edit("/name", "y")], True)])
    text = '{\n  "from_number": "+14157774444",\n  "tasks": [{"to_number": "+12137774445"}],\n  "call_time_window": {\n    "x": 1\n  }\n}\n'
    assert fixed(text, "json") == (
        '{\n  "from_number": "+14157774444",\n  "tasks": [{"to_number": "+12137774445"}],\n  "call_time_window": {},\n  "name": "y"\n}\n'
    )


def test_yaml_a_member_moves_into_a_block_mapping_at_its_column(moves: Install) -> None:
    moves([FAN_OUT])
    assert fixed(YAML, "yaml") == YAML.replace("agent_id: agent_1  # the agent\n", "").replace(
        "      name: Ann\n", "      name: Ann\n    override_agent_id: agent_1\n"
    )


def test_yaml_the_first_member_of_a_list_item_renamed_or_removed(moves: Install) -> None:
    moves([RENAME])
    assert fixed(YAML, "yaml") == YAML.replace("  - agent_id: agent_2", "  - override_agent_id: agent_2")
    moves([("/tasks/0/agent_id", [Edit("/tasks/0/agent_id", remove=True), Edit("/name", "agent_2")], True)])
    assert fixed(YAML, "yaml") == YAML.replace("  - agent_id: agent_2\n    to_number", "  - to_number") + "name: agent_2\n"


def test_yaml_a_member_lifted_out_of_the_last_line_of_its_parent(moves: Install) -> None:
    moves([LIFT])
    assert fixed(YAML, "yaml") == YAML.replace("      day: [Monday]\n", "  day: [Monday]\n")
    assert fixed(YAML.rstrip("\n"), "yaml") == YAML.replace("      day: [Monday]\n", "  day: [Monday]").rstrip("\n")


def test_yaml_new_objects_are_written_in_block_style_and_quoted_as_yaml_needs(moves: Install) -> None:
    moves(
        [
            (
                "/agent_id",
                [
                    Edit("/agent_id", remove=True),
                    Edit("/tasks/0/agent_override/agent/voice_id", "11labs-Adrian"),
                    Edit("/tasks/1/retell_llm_dynamic_variables/answer", "yes"),
                    Edit("/tasks/0/retell_llm_dynamic_variables", {"phone": "+14155550100"}),
                ],
                True,
            )
        ]
    )
    assert fixed(YAML, "yaml") == (
        'from_number: "+14157774444"\n'
        "tasks:\n"
        "  - agent_id: agent_2\n"
        '    to_number: "+12137774445"\n'
        "    agent_override:\n"
        "      agent:\n"
        "        voice_id: 11labs-Adrian\n"
        "    retell_llm_dynamic_variables:\n"
        "      phone: '+14155550100'\n"
        '  - to_number: "+12137774446"\n'
        "    retell_llm_dynamic_variables:\n"
        "      name: Ann\n"
        "      answer: 'yes'\n"
        "call_time_window:\n"
        "  windows:\n"
        "    - start: 540\n"
        "      end: 1020\n"
        "      day: [Monday]\n"
    )


def test_yaml_flow_mappings_are_edited_like_json(moves: Install) -> None:
    moves([RENAME, FAN_OUT])
    text = 'from_number: "+14157774444"\nagent_id: agent_1\ntasks: [{to_number: "+12137774445", agent_id: agent_2}, {to_number: "+12137774446"}]\n'
    assert fixed(text, "yaml") == (
        'from_number: "+14157774444"\ntasks: [{to_number: "+12137774445", override_agent_id: agent_2}, '
        '{to_number: "+12137774446", override_agent_id: agent_1}]\n'
    )


def test_yaml_crlf_line_breaks_are_kept(moves: Install) -> None:
    moves([FAN_OUT, LIFT])
    after = fixed(YAML.replace("\n", "\r\n"), "yaml")
    assert after == fixed(YAML, "yaml").replace("\n", "\r\n")


def test_a_move_with_a_missing_source_is_not_applied(moves: Install) -> None:
    moves([("/agent_id", [Edit("/agent_id", remove=True), Edit("/nowhere/x", remove=True)], True)])
    outcome = run(JSON, "json")
    assert (outcome.after, outcome.applied) == (JSON, 0)
    assert outcome.not_applied == ("/agent_id: move /agent_id: there is no member at /nowhere/x to remove",)


def test_a_block_mapping_is_never_emptied(moves: Install) -> None:
    moves([("/call_time_window/windows", [Edit("/call_time_window/windows", remove=True)], True)])
    outcome = run(YAML, "yaml")
    assert outcome.not_applied == (
        "/call_time_window/windows: move /call_time_window/windows: every member of /call_time_window would be removed",
    )


def test_unsafe_moves_wait_for_unsafe_mode(moves: Install) -> None:
    moves([(FAN_OUT[0], FAN_OUT[1], False)])
    outcome = run(JSON, "json")
    assert (outcome.applied, outcome.unsafe_available) == (0, 1)
    assert run(JSON, "json", unsafe=True).applied == 1


def test_a_move_and_a_fix_touching_the_same_object_apply_in_two_passes(moves: Install) -> None:
    moves([FAN_OUT, ("/tasks/1/to_number", [Edit("/tasks/1/to_number", remove=True), Edit("/tasks/1/phone", "+12137774446")], True)])
    after = fixed(JSON, "json")
    assert members.resolve(read_text(after, "json")[0].data, "/tasks/1") == {
        "retell_llm_dynamic_variables": {"name": "Ann"},
        "override_agent_id": "agent_1",
        "phone": "+12137774446",
    }


def test_the_editor_quick_fix_is_the_same_edits(moves: Install) -> None:
    moves([FAN_OUT])
    [diagnostic] = validate_text(JSON, "json", settings=Settings(select=frozenset({"RBV999"}), now=parse_now(FIXED_NOW))).diagnostics
    edits = fix_edits(JSON, "json", diagnostic)
    assert edits is not None
    text = JSON
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    assert text == fixed(JSON, "json")


def test_identical_moves_of_several_findings_are_applied_once(moves: Install) -> None:
    edits = [
        Edit("/call_time_window/windows/0/day", remove=True),
        Edit("/call_time_window/windows/1/day", remove=True),
        Edit("/call_time_window/day", ["Monday"]),
    ]
    moves([("/call_time_window/windows/0/day", edits, True), ("/call_time_window/windows/1/day", edits, True)])
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "call_time_window": {"windows": [{"start": 540, "end": 600, "day": ["Monday"]}, {"start": 700, "end": 800, "day": ["Monday"]}]}}'
    outcome = run(text, "json")
    assert outcome.applied == 1
    assert outcome.after == text.replace(', "day": ["Monday"]}', "}").replace("}]}}", '}], "day": ["Monday"]}}')
