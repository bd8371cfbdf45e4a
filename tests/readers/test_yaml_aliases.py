"""Findings inside a YAML alias of a mapping or list are referred to once per alias, not repeated per value."""

from __future__ import annotations

from tests.helpers import FIXED_NOW
from validator import validate_text

ANCHORED = """from_number: "+14157774444"
tasks:
  - to_number: "+12137774445"
    retell_llm_dynamic_variables: &vars
      a: 1
      b: [2]
      c: "ok"
  - to_number: "+12137774446"
    retell_llm_dynamic_variables: *vars
"""


def _wrong_types(text: str) -> list[tuple[str, str, int | None, int | None, str]]:
    report = validate_text(text, "yaml", now=FIXED_NOW)
    return [(d.code, d.pointer, d.line, d.column, d.message) for d in report.diagnostics if d.code == "RBV102"]


def test_an_aliased_mapping_is_worded_where_written_and_referred_to_at_the_alias() -> None:
    assert _wrong_types(ANCHORED) == [
        ("RBV102", "/tasks/0/retell_llm_dynamic_variables/a", 5, 10, "`a` must be a string, found integer 1"),
        ("RBV102", "/tasks/0/retell_llm_dynamic_variables/b", 6, 10, "`b` must be a string, found array [2]"),
        (
            "RBV102",
            "/tasks/1/retell_llm_dynamic_variables",
            9,
            5,
            "2 findings of /tasks/0/retell_llm_dynamic_variables repeated by this YAML alias, "
            "first at /tasks/1/retell_llm_dynamic_variables/a: `a` must be a string, found integer 1",
        ),
    ]


def test_near_miss_the_same_values_written_out_are_reported_one_by_one() -> None:
    written_out = ANCHORED.replace("&vars", "").replace("*vars", "\n      a: 1\n      b: [2]\n      c: ok")
    assert [(p, line) for _, p, line, _, _ in _wrong_types(written_out)] == [
        ("/tasks/0/retell_llm_dynamic_variables/a", 5),
        ("/tasks/0/retell_llm_dynamic_variables/b", 6),
        ("/tasks/1/retell_llm_dynamic_variables/a", 10),
        ("/tasks/1/retell_llm_dynamic_variables/b", 11),
    ]


def test_near_miss_an_aliased_scalar_is_a_finding_per_place() -> None:
    """Each task that calls an aliased number is its own call: nothing is folded."""
    text = 'from_number: "+14157774444"\ntasks:\n  - to_number: &n "+1213777444"\n  - to_number: *n\n'
    report = validate_text(text, "yaml", now=FIXED_NOW)
    assert [(d.code, d.pointer) for d in report.diagnostics if d.code == "RBV202"] == [
        ("RBV202", "/tasks/0/to_number"),
        ("RBV202", "/tasks/1/to_number"),
    ]


def test_a_whole_task_aliased_in_the_list() -> None:
    text = 'from_number: "+14157774444"\ntasks:\n  - &t {to_number: "+12137774445", colour: 1, size: 2}\n  - *t\n'
    report = validate_text(text, "yaml", now=FIXED_NOW)
    # A list item has no key to stand on: the referral takes the anchor's position (libyaml keeps no alias marks).
    assert sorted((d.pointer, d.line, d.message[:60]) for d in report.diagnostics if d.code == "RBV111") == [
        ("/tasks/0/colour", 3, "unknown key `colour`: the API ignores it"),
        ("/tasks/0/size", 3, "unknown key `size`: the API ignores it"),
        ("/tasks/1", 3, "2 findings of /tasks/0 repeated by this YAML alias, first at"),
    ]
    # The duplicate destination is the alias's own (the anchor calls nobody twice): it stays as it is.
    assert [d.pointer for d in report.diagnostics if d.code == "RBV204"] == ["/tasks/1/to_number"]


def _aliased(variables: int, tasks: int) -> str:
    written = "\n".join(f"      v{i}: [1]" for i in range(variables))
    aliased = "\n".join(f"  - to_number: '+1213777{i:04d}'\n    retell_llm_dynamic_variables: *d" for i in range(tasks))
    return (
        f"from_number: '+14157774444'\ntasks:\n  - to_number: '+12137774445'\n    retell_llm_dynamic_variables: &d\n{written}\n{aliased}\n"
    )


def test_an_anchor_aliased_by_hundreds_of_tasks_gives_findings_in_proportion_to_the_file() -> None:
    wrong = [d for d in validate_text(_aliased(200, 150), "yaml", now=FIXED_NOW).diagnostics if d.code == "RBV102"]
    assert len(wrong) == 200 + 150  # not 200 × 151


def test_near_miss_an_alias_of_an_anchor_outside_the_tasks_keeps_its_own_findings() -> None:
    text = 'common: &c {to_number: "+12137774445"}\nfrom_number: "+14157774444"\ntasks: [*c, *c]\n'
    report = validate_text(text, "yaml", now=FIXED_NOW)
    assert [(d.code, d.pointer) for d in report.diagnostics if d.code in ("RBV111", "RBV204")] == [
        ("RBV111", "/common"),
        ("RBV204", "/tasks/1/to_number"),
    ]
