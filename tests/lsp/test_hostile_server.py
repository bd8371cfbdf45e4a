"""The language server under hostile editors, in process: the work each request does (counted, never timed), what it keeps.

The end-to-end counterparts, through a real client over stdio, are in ``test_hostile_e2e.py``;
timings at n and 10n are ``bench/lsp.py``.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from tests.lsp.support import CONFIG, open_in, spec_with_a_day_missing
from validator.fix import apply
from validator.knowledge import timezones
from validator.lsp import cursor, positions
from validator.lsp import server as lsp_server
from validator.lsp.positions import LspText
from validator.lsp.server import PayloadServer


def _minified(tasks: int) -> str:
    """One line: a task per finding (a number written without its +), an astral character before them all."""
    body = {"name": "🎉", "from_number": "+14157774444", "tasks": [{"to_number": f"1213777{index:04d}"} for index in range(tasks)]}
    return json.dumps(body, ensure_ascii=False)


# -- item 5: growth ------------------------------------------------------------------------------------------------


def test_positions_on_a_long_line_scan_it_once(server: PayloadServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of findings on one line: its wide characters are found once, not once per finding."""
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    text = _minified(2_000)
    uri = open_in(server, tmp_path / "b.json", text)
    scans: list[int] = []
    original = positions.LspText._table

    def counted(self: LspText, line: int) -> Any:
        if line not in self._wide:
            scans.append(line)
        return original(self, line)

    monkeypatch.setattr(positions.LspText, "_table", counted)
    published = server.diagnostics(uri)
    phones = [d for d in published if d.code == "RBV201"]
    assert len(phones) == 2_000 and scans == [0]
    start = text.index('"12137770000"')
    assert phones[0].range.start == types.Position(0, start + 1)  # the emoji before it is two UTF-16 units
    last = text.index('"12137771999"')
    assert phones[-1].range == types.Range(types.Position(0, last + 1), types.Position(0, last + 14))


def test_code_actions_over_a_whole_document_read_it_a_few_times_not_once_per_fix(
    server: PayloadServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    text = json.dumps(_numbers(300), indent=1)
    uri = open_in(server, tmp_path / "b.json", text)
    reads = _count_reads(monkeypatch)
    whole = types.Range(types.Position(0, 0), types.Position(10_000, 0))
    actions = server.code_actions(uri, whole)
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert len(quick) == 300 and [a.title for a in quick[:2]] == ['RBV201: use "+12137770000"', 'RBV201: use "+12137770001"']
    assert len(reads) <= 3  # the text, then the 300 fixes read back together
    again = server.code_actions(uri, whole)
    assert len(again) == len(actions) and len(reads) <= 3  # kept for this version of the text
    edited = _apply_edit(text, quick[-1])
    assert '"+12137770299"' in edited and '"12137770298"' in edited


def test_fixes_that_do_not_read_back_are_found_by_halves(server: PayloadServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One fix whose edit would not read back as meant: dropped alone, the others kept."""
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    text = json.dumps(_numbers(8))
    uri = open_in(server, tmp_path / "b.json", text)
    original = apply._reads_back_as_planned
    poisoned = text.index('"12137770001"')  # the second task's fix

    def means(edited: str, kind: Any, data: Any, plans: Any) -> bool:
        return original(edited, kind, data, plans) and not any(e.start == poisoned for p in plans for e in p.edits)

    monkeypatch.setattr(apply, "_reads_back_as_planned", means)
    quick = [a for a in server.code_actions(uri, types.Range(types.Position(0, 0), types.Position(1, 0))) if a.edit is not None]
    starts = [LspText(text).offset(a.edit.changes[uri][0].range.start.line, a.edit.changes[uri][0].range.start.character) for a in quick]  # type: ignore[index,union-attr]
    assert len(quick) == 7 and poisoned not in starts and text.index('"12137770002"') in starts


@pytest.mark.parametrize(
    ("only", "kinds"),
    [
        (None, {"quickfix", "source.fixAll.retell-validate"}),
        (["quickfix"], {"quickfix"}),
        (["source"], {"source.fixAll.retell-validate"}),
        (["source.fixAll"], {"source.fixAll.retell-validate"}),
        (["refactor"], set()),
    ],
)
def test_code_actions_answer_only_the_kinds_asked_for(
    server: PayloadServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, only: list[str] | None, kinds: set[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    text = json.dumps(_numbers(1))
    uri = open_in(server, tmp_path / "b.json", text)
    reads = _count_reads(monkeypatch)
    actions = server.code_actions(uri, types.Range(types.Position(0, 0), types.Position(0, len(text))), only)
    assert {getattr(a.kind, "value", a.kind) for a in actions} == kinds
    assert bool(reads) == ("quickfix" in kinds)  # no quick fix asked for: the text is not read for them


def test_requests_run_on_the_worker_and_a_yaml_text_is_composed_once(
    server: PayloadServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    text = 'from_number: "+14157774444"\ntasks:\n' + "".join(f'  - to_number: "+1213777{i:04d}"\n' for i in range(50))
    uri = open_in(server, tmp_path / "b.yaml", text, "yaml")
    threads: list[str] = []

    def composed(text: str) -> Any:
        threads.append(threading.current_thread().name)
        return cursor.yaml_root(text)

    monkeypatch.setattr(lsp_server, "yaml_root", composed)
    features = server.protocol.fm.features

    async def ask() -> None:
        for line in (0, 3, 40):
            hover = await features[types.TEXT_DOCUMENT_HOVER](types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, 5)))
            assert hover is not None
        completion = types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(2, 4))
        assert (await features[types.TEXT_DOCUMENT_COMPLETION](completion)).items
        context = types.CodeActionContext(diagnostics=[])
        await features[types.TEXT_DOCUMENT_CODE_ACTION](
            types.CodeActionParams(types.TextDocumentIdentifier(uri), types.Range(types.Position(0, 0), types.Position(1, 0)), context)
        )

    asyncio.run(ask())
    assert len(threads) == 1 and threads[0].startswith("retell-validate-check")  # once per text, never on the protocol thread
    server.update(uri, text + "name: x\n")
    asyncio.run(ask())
    assert len(threads) == 2


# -- item 7: what is kept ------------------------------------------------------------------------------------------


def test_saves_and_requests_for_documents_never_opened_keep_nothing(server: PayloadServer, tmp_path: Path) -> None:
    features = server.protocol.fm.features

    async def hostile() -> None:
        for index in range(500):
            uri = (tmp_path / f"never-{index}.json").as_uri()
            features[types.TEXT_DOCUMENT_DID_SAVE](types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
            await features[types.TEXT_DOCUMENT_HOVER](types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0)))
        await asyncio.sleep(0.05)

    asyncio.run(hostile())
    assert server.analyses == {} and server._published == {} and server._roots == {} and server._fixes == {}


def test_closing_a_document_drops_everything_kept_for_it(server: PayloadServer, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    uri = open_in(server, tmp_path / "b.yaml", 'from_number: "14157774444"\ntasks:\n  - to_number: "+12137774445"\n', "yaml")
    server.hover(uri, types.Position(0, 2))
    server.code_actions(uri, types.Range(types.Position(0, 0), types.Position(3, 0)))
    assert uri in server.analyses and uri in server._roots and uri in server._fixes

    async def close() -> None:
        server.close(uri)

    asyncio.run(close())
    assert all(uri not in kept for kept in (server.documents, server.analyses, server._published, server._roots, server._fixes))


def test_zone_texts_that_are_no_zone_are_not_cached() -> None:
    timezones.load_zone("America/New_York")
    before = timezones._open_zone.cache_info().currsize
    for index in range(2_000):
        assert timezones.load_zone(f"Mars/Crater_{index}") is None
    assert timezones._open_zone.cache_info().currsize == before
    assert timezones.load_zone("America/New_York") is not None


# -- items 8, 10, 19 ------------------------------------------------------------------------------------------------


def test_a_lone_surrogate_in_yaml_is_rbv007_and_hover_still_answers(server: PayloadServer, tmp_path: Path) -> None:
    text = "from_number: '+14157774444'\nname: \"\ud800\"\ntasks:\n  - to_number: '+12137774445'\n"
    uri = open_in(server, tmp_path / "b.yaml", text, "yaml")
    [only] = server.diagnostics(uri)
    assert (only.code, only.range.start) == ("RBV007", types.Position(1, 7))
    hover = server.hover(uri, types.Position(0, 3))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent) and hover.contents.value.startswith("**from_number**")
    assert server.completion(uri, types.Position(3, 4))


@pytest.mark.parametrize(
    ("name", "language", "text"),
    [
        ("b.json", "json", '\ufeff{"from_number": "14157774444", "tasks": [{"to_number": "+12137774445"}]}'),
        ("b.yaml", "yaml", '\ufefffrom_number: "14157774444"\ntasks:\n  - to_number: "+12137774445"\n'),
    ],
)
def test_a_byte_order_mark_does_not_shift_the_ranges(server: PayloadServer, tmp_path: Path, name: str, language: str, text: str) -> None:
    uri = open_in(server, tmp_path / name, text, language)
    published = {d.code: d.range for d in server.diagnostics(uri)}
    start = text.index('"14157774444"')
    assert published["RBV201"] == types.Range(types.Position(0, start), types.Position(0, start + 13))
    assert published["RBV004"] == types.Range(types.Position(0, 0), types.Position(0, 1))  # the mark itself


def test_an_edited_spec_file_applies_to_the_next_check(server: PayloadServer, tmp_path: Path) -> None:
    spec, bundled, text = spec_with_a_day_missing(tmp_path)
    uri = open_in(server, tmp_path / "b.json", text)
    assert [d.code for d in server.diagnostics(uri)] == ["RBV103"]
    spec.write_text(bundled.replace("        - Sunday\n", "        - Sunday\n        - Funday\n", 1))
    os.utime(spec, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    assert [d.code for d in server.diagnostics(uri)] == []  # the same text, checked again: the spec changed


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of each text the quick fixes read (parse), as they read it."""
    reads: list[int] = []
    original = apply._read

    def read(body: str, kind: Any) -> Any:
        reads.append(len(body))
        return original(body, kind)

    monkeypatch.setattr(apply, "_read", read)
    return reads


def _numbers(tasks: int) -> dict[str, Any]:
    """A payload with a fixable finding per task: each number written without its + (RBV201's safe fix adds it)."""
    window = {"windows": [{"start": 540, "end": 1020}], "timezone": "America/New_York"}
    return {"from_number": "+14157774444", "tasks": [{"to_number": f"1213777{i:04d}"} for i in range(tasks)], "call_time_window": window}


def _apply_edit(text: str, action: types.CodeAction) -> str:
    assert action.edit is not None and action.edit.changes is not None
    [edit] = next(iter(action.edit.changes.values()))
    lsp = LspText(text)
    start = lsp.offset(edit.range.start.line, edit.range.start.character)
    end = lsp.offset(edit.range.end.line, edit.range.end.character)
    return text[:start] + edit.new_text + text[end:]
