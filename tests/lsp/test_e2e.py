"""The language server end to end: a real LSP client (pytest-lsp) drives ``retell-validate lsp`` over stdio."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.support import published, registrations

JSON_PAYLOAD = '{\n  "from_number": "+14157774444",\n  "tasks": [{"to_number": "+12137774445"}],\n  "call_time_window": {"windows": [{"start": 540, "end": 1020}], "timezone": "America/New_York", "day": ["monday"]}\n}\n'
YAML_PAYLOAD = 'from_number: "+14157774444"\ntasks:\n  - to_number: "12137774445"\n'
CSV_PAYLOAD = "phone number,first_name\n+12137774445,Ann\n2137774446,Bob\n"


async def _open(client: LanguageClient, path: Path, text: str, language: str) -> list[types.Diagnostic]:
    path.write_text(text)
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text)))
    return await published(client, uri)


async def _change(client: LanguageClient, uri: str, version: int, text: str) -> list[types.Diagnostic]:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=uri), [types.TextDocumentContentChangeWholeDocument(text=text)]
        )
    )
    return await published(client, uri)


def _apply(text: str, edits: list[Any]) -> str:
    """Apply LSP text edits (UTF-16 positions) to ``text``."""
    from validator.lsp.positions import LspText

    lsp = LspText(text)
    spans = sorted(
        (
            (lsp.offset(e.range.start.line, e.range.start.character), lsp.offset(e.range.end.line, e.range.end.character), e.new_text)
            for e in edits
        ),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


@pytest.mark.asyncio
async def test_json_open_change_fix_close(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "campaign.json"
    uri = path.as_uri()
    diagnostics = await _open(client, path, JSON_PAYLOAD, "json")
    [day] = [d for d in diagnostics if d.code == "RBV103"]
    assert day.severity == types.DiagnosticSeverity.Error and day.source == "retell-validate"
    line = JSON_PAYLOAD.splitlines()[3]
    assert day.range.start == types.Position(3, line.index('"monday"')) and day.range.end == types.Position(3, line.index('"monday"') + 8)
    assert day.code_description is not None and day.code_description.href.endswith("docs/rules.md#rbv103-enum-value")

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), day.range, types.CodeActionContext(diagnostics=[day]))
    )
    assert actions is not None
    [quick] = [a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix]
    assert quick.title == 'RBV103: use "Monday"' and quick.edit is not None and quick.edit.changes is not None
    fixed = _apply(JSON_PAYLOAD, list(quick.edit.changes[uri]))
    assert '"day": ["Monday"]' in fixed

    after = await _change(client, uri, 2, fixed)
    assert "RBV103" not in [d.code for d in after]

    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(1, 5)))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("**from_number** (required)") and "E.164" in hover.contents.value

    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    assert await published(client, uri) == []


@pytest.mark.asyncio
async def test_yaml_and_csv(client: LanguageClient, tmp_path: Path) -> None:
    yaml_path = tmp_path / "batch.yaml"
    [plus] = [d for d in await _open(client, yaml_path, YAML_PAYLOAD, "yaml") if d.code == "RBV201"]
    assert plus.range == types.Range(types.Position(2, 15), types.Position(2, 28))

    csv_path = tmp_path / "contacts.csv"
    diagnostics = await _open(client, csv_path, CSV_PAYLOAD, "csv")
    assert [(d.code, d.range) for d in diagnostics] == [("RBV819", types.Range(types.Position(2, 0), types.Position(2, 10)))]
    clean = await _change(client, csv_path.as_uri(), 2, CSV_PAYLOAD.replace("2137774446", "+12137774446"))
    assert clean == []
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(csv_path.as_uri())))
    assert await published(client, csv_path.as_uri()) == []


@pytest.mark.asyncio
async def test_not_a_payload_gets_nothing(client: LanguageClient, tmp_path: Path) -> None:
    assert await _open(client, tmp_path / "package.json", '{"name": "app", "version": 1}', "json") == []


@pytest.mark.asyncio
async def test_recognition_by_shape_in_the_editor(client: LanguageClient, tmp_path: Path) -> None:
    """A task runner's file is passed over as by `check --only-payloads`; a payload that does not parse gets its RBV001."""
    corpus = Path(__file__).parents[1] / "readers" / "not_payloads"
    (tmp_path / ".vscode").mkdir()
    for name, language in (("Taskfile.yml", "yaml"), (".vscode/tasks.json", "jsonc"), ("values.yaml", "yaml")):
        assert await _open(client, tmp_path / name, (corpus / name).read_text(), language) == [], name
    broken = "{'from_number': '+14157774444', 'tasks': [{'to_number': '+12137774445'}]}"
    assert [d.code for d in await _open(client, tmp_path / "campaign.json", broken, "json")] == ["RBV001"]


@pytest.mark.asyncio
async def test_completion_and_watchers(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    text = '{"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "call_time_window": {"day": ["Mon"]}}'
    await _open(client, path, text, "json")
    at = text.index('"Mon"') + 3
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(path.as_uri()), types.Position(0, at))
    )
    assert isinstance(result, types.CompletionList)
    labels = [item.label for item in result.items]
    assert labels[:2] == ["Monday", "Tuesday"] and len(labels) == 7
    assert result.items[0].text_edit is not None and result.items[0].text_edit.new_text == '"Monday"'
    methods = [r.method for params in registrations for r in params.registrations]
    assert types.WORKSPACE_DID_CHANGE_WATCHED_FILES in methods
