"""Broken and hostile file contents: each gets its diagnostic (code, severity, position), never an exception."""

from __future__ import annotations

import json
import resource
import time

import pytest

from tests.helpers import SEED, check_text, one, summary
from validator import validate_text
from validator.diagnostics import Report

VALID = json.dumps(SEED, indent=2)


def codes(report: Report) -> list[tuple[str, str]]:
    return [(d.code, d.severity.value) for d in report.diagnostics]


def problems(report: Report) -> list[tuple[str, str, str]]:
    """Errors and warnings (not the informational notes of other rules, such as a missing call window)."""
    return [row for row in summary(report) if row[1] != "info"]


# ---- bytes that are not a JSON text at all ---------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", [("RBV005", "error")]),
        (b" \n\t\r\n", [("RBV005", "error")]),
        (b"\xef\xbb\xbf", [("RBV004", "warning"), ("RBV005", "error")]),
        (b'{"a": "caf\xe9"}', [("RBV007", "error")]),
        (b'{"a": "x\x00y"}', [("RBV007", "error")]),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", [("RBV007", "error")]),
    ],
    ids=["empty", "whitespace", "only-bom", "latin-1", "nul-byte", "png"],
)
@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_not_a_text_payload(data: bytes, expected: list[tuple[str, str]], fmt: str) -> None:
    report = check_text(data, fmt)
    assert codes(report) == expected
    assert all(d.line == 1 for d in report.diagnostics)


def test_invalid_utf8_names_the_byte_and_its_line() -> None:
    d = one(check_text(b'{\n"from_number": "\xff"}', "json"), "RBV007")
    assert (d.line, "0xff" in d.message, "byte 18" in d.message) == (2, True, True)


@pytest.mark.parametrize(("codec", "label"), [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")])
def test_utf16_or_32_with_bom_is_decoded_and_checked_but_an_error(codec: str, label: str) -> None:
    data = VALID.encode(codec) if codec != "utf-16-be" else b"\xfe\xff" + VALID.encode(codec)
    report = check_text(data, "json")
    assert summary(report) == [("RBV007", "error", "")]
    assert report.diagnostics[0].message == f"the file is {label} (it starts with a {label} byte order mark); the API reads UTF-8 only"


def test_utf8_bom_stays_a_warning() -> None:
    report = check_text(b"\xef\xbb\xbf" + VALID.encode(), "json")
    assert summary(report) == [("RBV004", "warning", "")]


def test_png_renamed_json_is_binary() -> None:
    d = one(check_text(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "json"), "RBV007")
    assert "binary data" in d.message


# ---- JSON that is almost JSON ------------------------------------------------------------------


def test_truncated_at_every_byte_is_a_syntax_error_at_a_real_position() -> None:
    data = VALID.encode("utf-8")
    lines = VALID.count("\n") + 1
    for cut in range(1, len(data)):
        report = validate_text(data[:cut], "json")
        d = one(report, "RBV001")
        assert (d.severity.value, d.pointer) == ("error", ""), cut
        assert d.line is not None and 1 <= d.line <= lines, cut
        assert report.codes() == ["RBV001"], cut


@pytest.mark.parametrize(
    ("text", "line", "column", "hint"),
    [
        ('{"from_number": "+14157774444",\n "tasks": [],\n}', 3, 1, "trailing comma"),
        ('{"tasks": [1, 2,]}', 1, 17, "trailing comma"),
        ('{"tasks": [] // no calls\n}', 1, 14, "no comments"),
        ('{"tasks": [/* none */]}', 1, 12, "no comments"),
        ("{'tasks': []}", 1, 2, "double quotes"),
        ('{"tasks": []} {"tasks": []}', 1, 15, "more than one JSON value"),
    ],
    ids=["trailing-comma-object", "trailing-comma-array", "line-comment", "block-comment", "single-quotes", "two-values"],
)
def test_json_lookalikes_are_syntax_errors_with_a_hint(text: str, line: int, column: int, hint: str) -> None:
    d = one(check_text(text, "json"), "RBV001")
    assert (d.severity.value, d.line, d.column) == ("error", line, column)
    assert d.hint is not None and hint in d.hint


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "9" * 400, "-" + "9" * 5000])
def test_numbers_json_cannot_carry_are_errors_at_their_value(literal: str) -> None:
    text = '{"from_number": "+14157774444",\n "tasks": [{"to_number": "+12137774445"}],\n "trigger_timestamp": ' + literal + "}"
    d = one(check_text(text, "json"), "RBV003")
    assert (d.severity.value, d.pointer, d.line, d.column) == ("error", "/trigger_timestamp", 3, 23)


def test_a_long_integer_a_double_still_holds_is_not_flagged() -> None:
    near_miss = str(10**307)
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "metadata": {"n": ' + near_miss + "}}"
    assert "RBV003" not in check_text(text, "json").codes()


def test_lone_surrogate_is_an_encoding_error_at_the_string_and_output_stays_encodable() -> None:
    text = '{"from_number": "+14157774444",\n "tasks": [{"to_number": "+12137774445", "metadata": {"x\\udc00": "a\\ud800"}}]}'
    report = check_text(text, "json")
    assert [(c, s, p) for c, s, p in summary(report)] == [("RBV007", "error", "/tasks/0/metadata/x\ufffd")] * 2  # key and value
    assert {d.line for d in report.diagnostics} == {2}
    for d in report.diagnostics:
        d.message.encode("utf-8")
        d.pointer.encode("utf-8")
    # a paired escape is a real character: no finding
    assert check_text('{"from_number": "+14157774444", "tasks": [], "name": "\\ud83d\\ude00"}', "json").codes() == ["RBV601"]


def test_lone_surrogate_in_str_input_is_refused_with_its_position() -> None:
    d = one(check_text('{"name":\n "\ud800"}', "json"), "RBV007")
    assert (d.line, d.column, "U+D800" in d.message) == (2, 3, True)


def test_duplicate_keys_are_found_at_every_level() -> None:
    text = (
        '{"from_number": "+14157774444", "from_number": "+14157774444",\n'
        ' "tasks": [{"to_number": "+12137774445", "to_number": "+12137774445",\n'
        '   "metadata": {"a": {"b": 1, "b": 2}}}]}'
    )
    assert sorted((c, s, p) for c, s, p in summary(check_text(text, "json")) if c in ("RBV002", "RBV016")) == [
        ("RBV002", "warning", "/from_number"),
        ("RBV002", "warning", "/tasks/0/to_number"),
        ("RBV016", "error", "/tasks/0/metadata/a/b"),  # the values differ: the API silently keeps 2
    ]


@pytest.mark.parametrize(("text", "found"), [("[]", "array"), ('"tasks"', "string"), ("42", "integer"), ("null", "null")])
def test_a_root_that_is_not_an_object(text: str, found: str) -> None:
    report = check_text(text, "json")
    assert summary(report) == [("RBV006", "error", "")]
    assert report.diagnostics[0].message.endswith(f"found {found}")


# ---- depth ---------------------------------------------------------------------------------------

DEEP = 100_000


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("json", "[" * DEEP + "]" * DEEP),
        ("json", '{"a":' * DEEP + "1" + "}" * DEEP),
        ("json", '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "metadata": ' + "[" * DEEP + "]" * DEEP + "}]}"),
        ("yaml", "[" * DEEP + "]" * DEEP),
        ("yaml", "".join("  " * i + "- \n" for i in range(3_000))),
        ("yaml", "".join("  " * i + "a:\n" for i in range(3_000))),
        ("yaml", 'from_number: "+14157774444"\ntasks:\n- to_number: "+12137774445"\n  metadata: ' + "[" * DEEP + "]" * DEEP),
    ],
    ids=["json-arrays", "json-objects", "json-in-metadata", "yaml-flow", "yaml-block-sequences", "yaml-block-mappings", "yaml-in-metadata"],
)
def test_absurd_nesting_is_too_complex_not_a_recursion_error(fmt: str, text: str) -> None:
    report = check_text(text, fmt)
    assert [(c, s) for c, s, _ in summary(report)] == [("RBV012", "error")]


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_deep_but_parseable_metadata_goes_through_schema_and_rules(fmt: str) -> None:
    depth = 900  # as deep as both parsers go: the schema pass and every rule see it
    nested = "[" * depth + "]" * depth
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "metadata": {"x": ' + nested + "}}]}"
    assert check_text(text, fmt).diagnostics == ()


# ---- YAML ----------------------------------------------------------------------------------------


def test_billion_laughs_is_refused_fast_and_small() -> None:
    text = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.process_time()
    report = check_text(text, "yaml")
    assert time.process_time() - start < 1.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KiB
    d = one(report, "RBV012")
    assert (d.severity.value, "expand to more than" in d.message) == ("error", True)


def test_aliases_within_the_limit_are_expanded_and_checked() -> None:
    text = 'common: &c {to_number: "+12137774445"}\nfrom_number: "+14157774444"\ntasks: [*c, *c]\n'
    # both tasks are the expanded anchor: the same destination twice
    assert problems(check_text(text, "yaml")) == [("RBV111", "warning", "/common"), ("RBV204", "warning", "/tasks/1/to_number")]


@pytest.mark.parametrize("text", ["a: &a [*a]\n", "a: &a {b: *a}\n", "&r [x, *r]\n"])
def test_an_alias_inside_its_own_anchor_is_refused(text: str) -> None:
    d = one(check_text(text, "yaml"), "RBV012")
    assert "contains it" in d.message


@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system ['touch /tmp/rbv-pwned']", "!!python/name:os.system", "!!python/object:object {}", "!custom x"],
)
def test_language_tags_are_refused_and_never_constructed(tag: str) -> None:
    text = f'from_number: "+14157774444"\ntasks: [{{to_number: "+12137774445"}}]\nname: {tag}\n'
    d = one(check_text(text, "yaml"), "RBV010")
    assert (d.severity.value, d.pointer, d.line) == ("error", "/name", 3)


def test_unreadable_tagged_and_resolved_values_are_errors_kept_as_text() -> None:
    text = 'from_number: "+14157774444"\ntasks: [{to_number: "+12137774445"}]\nmetadata: {a: !!int abc, b: 2024-02-30, c: !!bool maybe}\n'
    report = check_text(text, "yaml")
    assert sorted(p for c, s, p in summary(report) if c == "RBV001") == ["/metadata/a", "/metadata/b", "/metadata/c"]
    assert {d.line for d in report.diagnostics if d.code == "RBV001"} == {3}


def test_multiple_documents() -> None:
    d = one(check_text('from_number: "+14157774444"\ntasks: []\n---\nfrom_number: "+1"\n', "yaml"), "RBV011")
    assert (d.severity.value, d.line) == ("error", 3)


def test_merge_keys_are_applied_and_an_override_is_not_a_duplicate() -> None:
    text = (
        'defaults: &d {to_number: "+12137774445", metadata: {src: crm}}\n'
        'from_number: "+14157774444"\n'
        "tasks:\n"
        "  - <<: *d\n    metadata: {src: web}\n"
        "  - {<<: *d, to_number: 12}\n"
    )
    report = check_text(text, "yaml")
    assert problems(report) == [("RBV111", "warning", "/defaults"), ("RBV102", "error", "/tasks/1/to_number")]
    assert one(report, "RBV102").line == 6


def test_written_keys_repeated_beside_a_merge_are_still_duplicates() -> None:
    text = 'd: &d {a: 1}\nfrom_number: "+14157774444"\ntasks: []\nmetadata: {<<: *d, b: 1, b: 2}\n'
    d = one(check_text(text, "yaml"), "RBV016")  # different values: an error
    assert (d.pointer, d.line, d.severity.value) == ("/metadata/b", 4, "error")
    d = one(check_text(text.replace("b: 2", "b: 1"), "yaml"), "RBV002")  # equal values: a warning
    assert (d.pointer, d.line, d.severity.value) == ("/metadata/b", 4, "warning")


@pytest.mark.parametrize(
    ("key", "pointer"),
    [("1", "/metadata/1"), ("0x10", "/metadata/16"), ("yes", "/metadata/true"), ("~", "/metadata/null"), ("[a, b]", "/metadata/[a, b]")],
)
def test_non_string_keys_are_located_under_the_name_they_get(key: str, pointer: str) -> None:
    text = f'from_number: "+14157774444"\ntasks: []\nmetadata:\n  ? {key}\n  : v\n'
    report = check_text(text, "yaml")
    d = one(report, "RBV013")
    assert (d.severity.value, d.pointer, d.line) == ("error", pointer, 4)


def test_yaml_huge_integer_and_infinity_are_non_finite() -> None:
    text = f'from_number: "+14157774444"\ntasks: []\nmetadata: {{a: {"9" * 5000}, b: .inf, c: {"9" * 300}}}\n'
    assert sorted(p for c, _, p in summary(check_text(text, "yaml")) if c == "RBV003") == ["/metadata/a", "/metadata/b"]


def test_yaml_surrogate_escape_is_refused_by_libyaml() -> None:
    d = one(check_text('from_number: "+14157774444"\ntasks: []\nname: "\\ud800"\n', "yaml"), "RBV001")
    assert (d.pointer, d.line) == ("", 3)


def test_yaml_error_at_end_of_input_stays_inside_the_file() -> None:
    d = one(check_text("[.", "yaml"), "RBV001")
    assert (d.line, d.column) == (1, 3)


# ---- size ----------------------------------------------------------------------------------------


def test_text_over_max_bytes_is_refused_unread() -> None:
    report = validate_text(VALID.encode(), "json", max_bytes=10)
    assert summary(report) == [("RBV014", "error", "")]
    assert f"{len(VALID.encode()):,} bytes" in report.diagnostics[0].message
    assert validate_text(VALID, "json", max_bytes=len(VALID)).diagnostics == ()
    assert validate_text("é" * 6, "yaml", max_bytes=11).codes() == ["RBV014"]  # counted in UTF-8 bytes
    assert validate_text(VALID, "json", max_bytes=None).diagnostics == ()


# ---- reproducers found by the long fuzz run ----------------------------------------------------


def test_a_key_spelled_like_the_locators_own_marker_is_located() -> None:
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "\\u0000want": 1}]}'
    d = one(check_text(text, "json"), "RBV111")
    assert (d.pointer, d.line, d.column) == ("/tasks/0/\x00want", 1, 73)


def test_an_empty_explicitly_tagged_integer_is_an_error_kept_as_text() -> None:
    d = one(check_text('from_number: "+14157774444"\ntasks: [!!int ]\n', "yaml"), "RBV001")
    assert (d.severity.value, d.pointer, d.line) == ("error", "/tasks/0", 2)


def test_an_empty_key_repeated_is_a_duplicate_at_its_own_pointer() -> None:
    report = check_text('from_number: "+14157774444"\ntasks: []\nmetadata:\n  "": 1\n  "": 1\n', "yaml")
    d = one(report, "RBV002")
    assert (d.pointer, d.line) == ("/metadata/", 5)
