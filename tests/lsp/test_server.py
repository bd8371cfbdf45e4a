"""The language server in-process: its handlers' work (check, publish, fixes, hover, completion) without a transport."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lsprotocol import types

from tests.helpers import ROOT
from tests.lsp.support import CONFIG, open_in
from validator.cli.main import main
from validator.lsp.cursor import place_at
from validator.lsp.positions import LspText, reader_lines
from validator.lsp.server import PayloadServer
from validator.readers.recognize import is_payload


def _codes(server: PayloadServer, uri: str) -> list[str]:
    return [str(d.code) for d in server.diagnostics(uri)]


# -- recognition -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "fmt", "expected"),
    [
        ('{"from_number": "+1"}', "json", True),
        ('{"name": "app", "scripts": {"tasks": 1}}', "json", False),  # a payload key, but not at the root
        ('[{"tasks": []}]', "json", False),
        ('{"name": "x", "call_time_win', "json", False),  # not typed far enough yet
        ('{"name": "x", "call_time_window": {"day": [', "json", True),  # half-typed, does not parse
        ('{"from\\u005fnumber": 1}', "json", True),
        ("name: app\ntasks:\n  - to_number: '+1'\n", "yaml", True),
        ("repos:\n  - repo: x\n    hooks: [{id: tasks}]\n", "yaml", False),  # .pre-commit-config.yaml
        ("a: [1, 2\nfrom_number: '+1", "yaml", True),  # broken YAML: the textual look at column 0
        ("x: 1\n---\ntasks: []\n", "yaml", False),  # the first document decides
        ("? [complex]\n: 1\ncall_time_window: {windows: []}\n", "yaml", True),
        ("call_time_window: {}\n", "yaml", False),  # a payload's shape, not only its key: tests/readers/test_recognize.py
        ("first_name,phone number\nAnn,+1\n", "csv", True),
        ("first_name;Phone\nAnn;+1\n", "csv", True),  # a lookalike: the CSV rules point out the rename
        ("sku,price\n1,2\n", "csv", False),
        ({"tasks": [{"to_number": "+1"}]}, None, True),
        ({"tasks": []}, None, False),
        ({"version": "2.0.0"}, None, False),
        (b'\xef\xbb\xbf{"tasks": [{"to_number": "+1"}]}', None, True),
        ("from_number: '+1'", None, True),
    ],
)
def test_recognition(source: object, fmt: str | None, expected: bool) -> None:
    assert is_payload(source, fmt) is expected  # type: ignore[arg-type]


# -- positions ---------------------------------------------------------------------------------------------------


def test_astral_character_before_the_value_counts_two_utf16_units(server: PayloadServer, tmp_path: Path) -> None:
    text = '{"name": "🎉 launch", "from_number": "14157774444", "tasks": [{"to_number": "+12137774445"}]}'
    uri = open_in(server, tmp_path / "b.json", text)
    [phone] = [d for d in server.diagnostics(uri) if d.code == "RBV201"]
    start = text.index('"14157774444"')
    assert phone.range == types.Range(types.Position(0, start + 1), types.Position(0, start + 14))  # +1: the emoji is 2 units
    assert LspText(text, "utf-32").position(start) == (0, start)
    assert LspText(text, "utf-8").position(start) == (0, len(text[:start].encode()))
    assert LspText(text).offset(0, start + 1) == start


def test_yaml_line_breaks_follow_libyaml_and_lsp_lines_follow_lsp() -> None:
    text = 'name: "a\u2028b"\nfrom_number: "+1"\r\nx: 1\r y: 2\n'
    lines = reader_lines(text, "yaml")
    assert lines.offset(3, 1) == text.index("from_number")  # libyaml: U+2028 broke the line
    lsp = LspText(text)
    assert lsp.position(text.index("from_number")) == (1, 0)  # LSP: it did not
    assert lsp.position(text.index("y:")) == (3, 1)  # a lone \r breaks an LSP line
    assert lsp.offset(1, 99) == text.index("\r\n")  # past the end of a line: its end


def test_yaml_diagnostic_after_a_line_separator(server: PayloadServer, tmp_path: Path) -> None:
    text = 'name: "a\u2028b"\nfrom_number: "14157774444"\ntasks:\n  - to_number: "+12137774445"\n'
    uri = open_in(server, tmp_path / "b.yaml", text, "yaml")
    [phone] = [d for d in server.diagnostics(uri) if d.code == "RBV201"]
    assert phone.range == types.Range(types.Position(1, 13), types.Position(1, 26))


# -- diagnostics -------------------------------------------------------------------------------------------------


def test_diagnostic_fields(server: PayloadServer, tmp_path: Path) -> None:
    (tmp_path / ".retell-validate.toml").write_text('now = "2026-06-01T12:00:00Z"\n[severity]\nRBV103 = "warning"\n')
    uri = open_in(
        server,
        tmp_path / "b.json",
        '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "call_time_window": {"windows": [{"start": 540, "end": 600}], "timezone": "America/New_York", "day": ["mon"]}}',
    )
    [day] = server.diagnostics(uri)
    assert (day.code, day.severity, day.source) == ("RBV103", types.DiagnosticSeverity.Warning, "retell-validate")
    assert day.code_description is not None
    assert (
        day.code_description.href
        == "https://github.com/retell-batch-validator/retell-batch-validator/blob/main/docs/rules.md#rbv103-enum-value"
    )
    assert day.message.startswith("day[0] must be one of") and "\n" in day.message  # the hint on its own line
    assert day.data == {"pointer": "/call_time_window/day/0", "name": "enum-value"}


def test_configuration_is_found_and_reread(server: PayloadServer, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    folder = tmp_path / "batches"
    folder.mkdir()
    text = '{"from_number": "14157774444", "tasks": [{"to_number": "+12137774445"}]}'
    uri = open_in(server, folder / "b.json", text)
    assert "RBV201" in _codes(server, uri)
    config = tmp_path / "pyproject.toml"
    config.write_text(CONFIG + 'ignore = ["RBV201"]\n')
    os.utime(config, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    server.analyses.clear()
    assert "RBV201" not in _codes(server, uri)
    (folder / ".retell-validate.toml").write_text('exclude = ["b.json"]\n')  # nearer: wins, and excludes the file
    server.analyses.clear()
    assert _codes(server, uri) == []


def test_broken_configuration_is_one_diagnostic(server: PayloadServer, tmp_path: Path) -> None:
    (tmp_path / ".retell-validate.toml").write_text("selec = 1\n")
    uri = open_in(server, tmp_path / "b.json", '{"from_number": "+14157774444"}')
    [only] = server.diagnostics(uri)
    assert only.severity == types.DiagnosticSeverity.Error and "did you mean 'select'" in only.message and only.code is None


def test_documents_that_are_no_payload_get_nothing(server: PayloadServer, tmp_path: Path) -> None:
    assert server.diagnostics(open_in(server, tmp_path / "package.json", '{"name": "x", "version": 1')) == []
    assert server.diagnostics(open_in(server, tmp_path / "notes.txt", "from_number: 1", "plaintext")) == []
    assert server.hover(open_in(server, tmp_path / "package.json", '{"name": 1}'), types.Position(0, 3)) is None


# -- fixes -------------------------------------------------------------------------------------------------------


def test_quick_fix_is_a_minimal_edit_and_removes_the_error(server: PayloadServer, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    before = (ROOT / "fixtures/fix/safe/phone-and-days.before.yaml").read_text()
    uri = open_in(server, tmp_path / "b.yaml", before, "yaml")
    diagnostics = server.diagnostics(uri)
    fixable = [d for d in diagnostics if d.code == "RBV103"]
    assert fixable
    actions = server.code_actions(uri, fixable[0].range)
    [quick] = [
        a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.diagnostics and a.diagnostics[0].range == fixable[0].range
    ]
    assert quick.is_preferred and quick.edit is not None and quick.edit.changes is not None
    [edit] = quick.edit.changes[uri]
    assert edit.range == fixable[0].range  # only the value is rewritten
    lsp = LspText(before)
    after = (
        before[: lsp.offset(edit.range.start.line, edit.range.start.character)]
        + edit.new_text
        + before[lsp.offset(edit.range.end.line, edit.range.end.character) :]
    )
    server.update(uri, after)
    remaining = [d.data["pointer"] for d in server.diagnostics(uri) if d.code == "RBV103"]  # type: ignore[index]
    assert remaining == [d.data["pointer"] for d in fixable[1:]]  # type: ignore[index]  # the fixed one is gone, the others stay
    [fix_all] = [
        a
        for a in server.code_actions(uri, types.Range(types.Position(0, 0), types.Position(0, 0)))
        if a.kind != types.CodeActionKind.QuickFix
    ]
    assert fix_all.kind == "source.fixAll.retell-validate" and fix_all.edit is None  # computed only when chosen
    resolved = server.resolve_fix_all(fix_all)
    assert resolved.edit is not None and resolved.edit.changes is not None
    assert resolved.edit.changes[uri][0].new_text == (ROOT / "fixtures/fix/safe/phone-and-days.after.yaml").read_text()


def test_requests_never_check_on_the_protocol_thread(server: PayloadServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Code actions, hover and completion come with keystrokes: they answer from the last check, or wait for the next one."""
    text = '{"from_number": "14157774444", "tasks": [{"to_number": "+12137774445"}]}'
    uri = open_in(server, tmp_path / "b.json", text)
    server.diagnostics(uri)  # what the worker does after the debounce
    changed = text.replace("+12137774445", "+1213777444")
    server.update(uri, changed)

    def no_check(*args: object, **kwargs: object) -> None:
        raise AssertionError("a request ran a check")

    monkeypatch.setattr("validator.lsp.server.analyse", no_check)
    assert server.code_actions(uri, types.Range(types.Position(0, 0), types.Position(0, 80))) == []  # stale: the client asks again
    hover = server.hover(uri, types.Position(0, changed.index("from_number") + 2))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("**from_number**")  # the spec's words, from recognition alone
    assert server.completion(uri, types.Position(0, 1)) != []


def test_unsafe_fix_has_its_own_title(server: PayloadServer, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    uri = open_in(server, tmp_path / "b.yaml", (ROOT / "fixtures/fix/unsafe/cross-midnight.before.yaml").read_text(), "yaml")
    unsafe = [d for d in server.diagnostics(uri) if d.code == "RBV301"]
    assert unsafe
    titles = [a.title for a in server.code_actions(uri, unsafe[0].range)]
    assert any(t.startswith("Apply unsafe fix: RBV301: ") for t in titles)


# -- hover and completion ----------------------------------------------------------------------------------------


def test_hover_on_a_finding_shows_the_rule_and_on_a_key_the_spec(server: PayloadServer, tmp_path: Path) -> None:
    text = '{"from_number": "14157774444", "reserved_concurrency": 2, "tasks": [{"to_number": "+12137774445"}]}'
    uri = open_in(server, tmp_path / "b.json", text)
    finding = server.hover(uri, types.Position(0, text.index("14157774444")))
    assert finding is not None and isinstance(finding.contents, types.MarkupContent)
    assert finding.contents.value.startswith("**RBV201 phone-not-e164** (error)") and "#rbv201-phone-not-e164" in finding.contents.value
    key = server.hover(uri, types.Position(0, text.index("reserved_concurrency") + 3))
    assert key is not None and isinstance(key.contents, types.MarkupContent)
    assert key.contents.value.startswith("**reserved_concurrency**: ") and "concurren" in key.contents.value.split("\n\n", 1)[1]


def test_hover_on_a_nested_yaml_key_shows_constraints(server: PayloadServer, tmp_path: Path) -> None:
    text = 'from_number: "+14157774444"\ntasks:\n  - to_number: "+12137774445"\n    agent_override:\n      agent:\n        interruption_sensitivity: 1\n'
    uri = open_in(server, tmp_path / "b.yaml", text, "yaml")
    hover = server.hover(uri, types.Position(5, 10))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("**interruption_sensitivity**") and "maximum `1`" in hover.contents.value


def test_completion_offers_missing_keys_and_enum_values(server: PayloadServer, tmp_path: Path) -> None:
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445", "ig'
    uri = open_in(server, tmp_path / "b.json", text)
    items = server.completion(uri, types.Position(0, len(text)))
    assert [i.label for i in items][:1] == ["ignore_e164_validation"] or "ignore_e164_validation" in [i.label for i in items]
    assert "to_number" not in [i.label for i in items]  # already there
    yaml_text = "from_number: '+14157774444'\ncall_time_window:\n  day:\n    - Mon\n  time"
    yaml_uri = open_in(server, tmp_path / "c.yaml", yaml_text, "yaml")
    keys = [i.label for i in server.completion(yaml_uri, types.Position(4, 6))]
    assert "timezone" in keys and "windows" in keys
    days = server.completion(yaml_uri, types.Position(3, 9))
    assert [i.label for i in days][:2] == ["Monday", "Tuesday"]
    assert days[0].text_edit is not None and days[0].text_edit.new_text == "Monday"


def test_cursor_places() -> None:
    text = '{"tasks": [{"to_number": "+1"}, {"agent_override": {"agent": {"voi'
    place = place_at(text, len(text), "json")
    assert place is not None and place.container == ("tasks", "1", "agent_override", "agent") and (place.role, place.name) == ("key", "voi")
    yaml_text = "tasks:\n  - to_number: '+1'\n  - to_number: '+2'\n    metadata:\n      k: v\n    ignore_e164_validation: tr"
    place = place_at(yaml_text, len(yaml_text), "yaml")
    assert place is not None and place.container == ("tasks", "1") and (place.role, place.name) == ("value", "ignore_e164_validation")


# -- robustness: every prefix ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "language"), [("fixtures/clean/full-featured.json", "json"), ("fixtures/invalid/phone-invalid.yaml", "yaml")]
)
def test_every_prefix_publishes_without_an_exception(server: PayloadServer, tmp_path: Path, name: str, language: str) -> None:
    """Typed character by character: each state is checked as a didChange would, and hover/completion answer at its end."""
    text = (ROOT / name).read_text()
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    uri = open_in(server, tmp_path / Path(name).name, "", language)
    published: list[list[types.Diagnostic]] = []
    for end in range(len(text) + 1):
        prefix = text[:end]
        server.update(uri, prefix)
        published.append(server.diagnostics(uri))
        lsp = LspText(prefix)
        position = types.Position(*lsp.position(end))
        server.hover(uri, position)
        server.completion(uri, position)
    assert any(published) and published[-1] == server.diagnostics(uri)
    recognised = [is_payload(text[:end], language) for end in range(len(text) + 1)]  # type: ignore[arg-type]
    assert all(published[end] == [] for end, ok in enumerate(recognised) if not ok)


# -- the command -------------------------------------------------------------------------------------------------


def test_without_pygls_the_command_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in [m for m in sys.modules if m == "pygls" or m.startswith(("pygls.", "validator.lsp.server"))]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, "pygls", None)  # import pygls → ImportError, as when it is not installed
    result = CliRunner().invoke(main, ["lsp"])
    assert result.exit_code == 2
    assert "pip install 'retell-batch-validator[lsp]'" in result.output
