"""JSON and YAML readers: positions, duplicate keys, non-JSON numbers and the YAML 1.1 traps."""

from __future__ import annotations

from tests.helpers import check_text, one, summary


def test_json_syntax_error_has_position_and_hint() -> None:
    d = one(check_text('{"from_number": "+14157774444",\n "tasks": [],\n}', "json"), "RBV001")
    assert (d.severity.value, d.line, d.column) == ("error", 3, 1)
    assert d.hint is not None and "trailing comma" in d.hint


def test_json_duplicate_key_points_at_the_later_key() -> None:
    text = '{"from_number": "+14157774444",\n "tasks": [{"to_number": "+12137774445"}],\n "from_number": "+14157774444"}'
    d = one(check_text(text, "json"), "RBV002")
    assert (d.severity.value, d.pointer, d.line, d.column) == ("warning", "/from_number", 3, 2)


def test_json_nan_and_overflow_are_errors_at_their_value() -> None:
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}],\n "trigger_timestamp": NaN,\n "name": "x"}'
    d = one(check_text(text, "json"), "RBV003")
    assert (d.pointer, d.line, d.column) == ("/trigger_timestamp", 2, 23)
    d = one(check_text('{"from_number": "+14157774444", "tasks": [], "trigger_timestamp": 1e400}', "json"), "RBV003")
    assert d.pointer == "/trigger_timestamp"


def test_bom_is_a_warning_and_the_payload_is_still_checked() -> None:
    report = check_text(b'\xef\xbb\xbf{"from_number": 1, "tasks": []}', "json")
    assert [(c, s) for c, s, _ in summary(report)][:1] == [("RBV004", "warning")]
    assert one(report, "RBV102").pointer == "/from_number"


def test_empty_and_non_object_roots() -> None:
    assert summary(check_text("  \n", "json")) == [("RBV005", "error", "")]
    report = check_text('[{"to_number": "+12137774445"}]', "json")
    d = one(report, "RBV006")
    assert d.hint is not None and "wrap the tasks" in d.hint
    assert report.codes() == ["RBV006"]  # no schema noise on top


def test_yaml_unquoted_phone_number_says_quote_it() -> None:
    report = check_text('from_number: +14157774444\ntasks:\n  - to_number: "+12137774445"\n', "yaml")
    d = one(report, "RBV008")
    assert (d.severity.value, d.pointer, d.line, d.column) == ("error", "/from_number", 1, 14)
    assert [x.code for x in report.diagnostics if x.pointer == "/from_number"] == ["RBV008"]  # one problem, one diagnostic
    assert d.hint == "quote it: '+14157774444'"
    assert "integer 14157774444" in d.message


def test_yaml_norway_problem_in_days() -> None:
    text = 'from_number: "+14157774444"\ntasks: [{to_number: "+12137774445"}]\ncall_time_window:\n  windows: [{start: 540, end: 1020}]\n  day: [Monday, yes]\n'
    d = one(check_text(text, "yaml"), "RBV008")
    assert (d.pointer, d.line) == ("/call_time_window/day/1", 5)
    assert "boolean true" in d.message


def test_yaml_conversion_in_free_form_field_is_a_warning() -> None:
    text = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n    metadata: {zip: 01234, seen: 2024-01-01}\n'
    report = check_text(text, "yaml")
    assert sorted(summary(report)) == [
        ("RBV009", "warning", "/tasks/0/metadata/seen"),
        ("RBV009", "warning", "/tasks/0/metadata/zip"),
    ]
    zip_code = next(d for d in report.diagnostics if d.pointer.endswith("zip"))
    assert "integer 668" in zip_code.message


def test_quoted_yaml_values_are_not_conversions() -> None:
    text = "from_number: '+14157774444'\ntasks:\n  - to_number: \"+12137774445\"\n    metadata: {zip: '01234', ok: true}\n"
    assert check_text(text, "yaml").diagnostics == ()


def test_yaml_duplicate_key_and_non_string_key() -> None:
    text = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n    retell_llm_dynamic_variables: {1: a}\nfrom_number: "+14157774444"\n'
    report = check_text(text, "yaml")
    assert one(report, "RBV002").line == 5
    d = one(report, "RBV013")
    assert (d.pointer, d.line) == ("/tasks/0/retell_llm_dynamic_variables/1", 4)


def test_yaml_syntax_error_and_multiple_documents() -> None:
    d = one(check_text("from_number: [1\n", "yaml"), "RBV001")
    assert (d.line, d.severity.value) == (2, "error")
    d = one(check_text('from_number: "+1"\ntasks: []\n---\nfrom_number: "+2"\n', "yaml"), "RBV011")
    assert d.line == 3


def test_yaml_python_tags_are_never_constructed() -> None:
    report = check_text('from_number: "+14157774444"\ntasks: []\nmetadata: !!python/object/apply:os.system ["echo hi"]\n', "yaml")
    assert one(report, "RBV010").pointer == "/metadata"


def test_yaml_positions_for_schema_errors() -> None:
    text = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n  - to_number: ""\n'
    d = one(check_text(text, "yaml"), "RBV105")
    assert (d.pointer, d.line, d.column) == ("/tasks/1/to_number", 4, 16)


def test_format_is_sniffed_when_not_given() -> None:
    assert one(check_text('{"tasks": []}'), "RBV101").line == 1
    assert one(check_text("tasks: []\n"), "RBV101").line == 1
