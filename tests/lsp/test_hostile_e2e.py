"""The language server under hostile editors, end to end: ``retell-validate lsp`` over stdio.

A real LSP client (pytest-lsp's) where the messages are well framed; a raw stdio client where the
framing itself is the attack (an absurd ``Content-Length``, a body that is not JSON), since no
LSP client can be made to write those.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.support import CONFIG, published, spec_with_a_day_missing

SERVER = [sys.executable, "-m", "validator", "lsp", "--stdio"]


async def _open(client: LanguageClient, path: Path, text: str, language: str) -> list[types.Diagnostic]:
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(path.as_uri(), language, 1, text)))
    return await published(client, path.as_uri())


@pytest.mark.asyncio
async def test_a_lone_surrogate_in_yaml_gets_rbv007_and_hovers_answer(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    text = "from_number: '+14157774444'\nname: \"\ud800\"\ntasks:\n  - to_number: '+12137774445'\n"  # sent as the \ud800 escape
    path = tmp_path / "batch.yaml"
    [only] = await _open(client, path, text, "yaml")
    assert (only.code, only.range.start) == ("RBV007", types.Position(1, 7))
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(path.as_uri()), types.Position(0, 3)))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent) and hover.contents.value.startswith("**from_number**")


@pytest.mark.asyncio
async def test_json_with_a_byte_order_mark_gets_its_ranges_where_the_values_are(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    text = '\ufeff{"from_number": "14157774444", "tasks": [{"to_number": "+12137774445"}]}'
    ranges = {d.code: d.range for d in await _open(client, tmp_path / "batch.json", text, "json")}
    start = text.index('"14157774444"')
    assert ranges["RBV201"] == types.Range(types.Position(0, start), types.Position(0, start + 13))


@pytest.mark.asyncio
async def test_an_edited_spec_applies_when_it_is_saved(client: LanguageClient, tmp_path: Path) -> None:
    spec, bundled, text = spec_with_a_day_missing(tmp_path)
    payload = tmp_path / "batch.json"
    assert [d.code for d in await _open(client, payload, text, "json")] == ["RBV103"]
    spec.write_text(bundled.replace("        - Sunday\n", "        - Sunday\n        - Funday\n", 1))
    os.utime(spec, ns=(1, 1))
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(spec.as_uri())))
    assert await published(client, payload.as_uri()) == []


@pytest.mark.asyncio
async def test_saves_of_documents_never_opened_publish_nothing(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    opened = tmp_path / "batch.json"
    await _open(client, opened, '{"from_number": "14157774444", "tasks": [{"to_number": "+12137774445"}]}', "json")
    for index in range(200):
        uri = (tmp_path / f"never-{index}.json").as_uri()
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(opened.as_uri()), types.Position(0, 3)))
    assert hover is not None
    assert not [uri for uri in client.diagnostics if "never-" in uri]


# -- framing and unanswerable requests: a raw client -----------------------------------------------------------------


class RawClient:
    """Bytes to the server's standard input, messages read from its output on a thread."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while True:
            length = None
            while (line := self.process.stdout.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                length = int(value) if name.lower() == b"content-length" else length
            if length is None:
                self._messages.put(None)
                return
            self._messages.put(json.loads(self.process.stdout.read(length)))

    def send(self, message: dict[str, Any] | bytes) -> None:
        assert self.process.stdin is not None
        data = message if isinstance(message, bytes) else _frame(message)
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def response(self) -> dict[str, Any]:
        """The next message that answers a request (notifications, such as diagnostics, passed over)."""
        while True:
            message = self._messages.get(timeout=30)
            assert message is not None, "the server closed its output"
            if "method" not in message:
                return message


def _frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


@pytest.fixture
def raw() -> Iterator[RawClient]:
    client = RawClient()
    client.send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    assert "result" in client.response()
    client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    yield client
    if client.process.poll() is None:
        client.process.kill()
    client.process.wait(10)


def _hover(ident: int, line: Any, character: Any) -> dict[str, Any]:
    params = {"textDocument": {"uri": "file:///tmp/batch.json"}, "position": {"line": line, "character": character}}
    return {"jsonrpc": "2.0", "id": ident, "method": "textDocument/hover", "params": params}


def test_a_request_whose_params_do_not_fit_is_answered_with_invalid_params(raw: RawClient) -> None:
    raw.send(_hover(1, -1, 0))
    assert raw.response() == {
        "jsonrpc": "2.0",
        "id": 1,
        "error": {"code": -32602, "message": "textDocument/hover: the params do not fit the method"},
    }
    raw.send(_hover(2, "zero", 0))
    assert raw.response()["error"]["code"] == -32602
    raw.send(_hover(3, 0, 0))
    assert raw.response() == {"jsonrpc": "2.0", "id": 3, "result": None}  # and the server still answers


def test_a_body_that_is_not_json_is_a_parse_error_and_the_server_goes_on(raw: RawClient) -> None:
    raw.send(b'Content-Length: 5\r\n\r\n{"a":')
    assert raw.response()["error"]["code"] == -32700
    raw.send(b"Content-Length: 2\r\n\r\n[]")
    assert raw.response() == {"jsonrpc": "2.0", "id": None, "error": {"code": -32600, "message": "not a JSON-RPC 2.0 message"}}
    raw.send(_hover(4, 0, 0))
    assert raw.response()["id"] == 4


def test_requests_after_shutdown_are_answered_with_invalid_request_and_exit_ends_it(raw: RawClient) -> None:
    raw.send({"jsonrpc": "2.0", "id": 1, "method": "shutdown"})
    assert raw.response() == {"jsonrpc": "2.0", "id": 1, "result": None}
    raw.send(_hover(2, 0, 0))
    answer = raw.response()
    assert answer["id"] == 2 and answer["error"]["code"] == -32600 and "shutdown was requested" in answer["error"]["message"]
    raw.send({"jsonrpc": "2.0", "method": "exit"})
    assert raw.process.wait(30) == 0


def test_an_absurd_content_length_is_refused_without_reading_it(raw: RawClient) -> None:
    raw.send(b"Content-Length: 99999999999999999999\r\n\r\n")
    answer = raw.response()
    assert answer["id"] is None and answer["error"]["code"] == -32600
    assert answer["error"]["message"].startswith("a message of 99,999,999,999,999,999,999 bytes, over the ")
    assert raw.process.poll() is None  # alive: it waits for the bytes it was told of, holding none of them
    assert raw.process.stdin is not None
    raw.process.stdin.close()  # the client goes: the server ends without an error
    assert raw.process.wait(30) == 0
    assert raw.process.stderr is not None and b"MemoryError" not in raw.process.stderr.read()


def test_a_header_line_without_end_is_read_in_bounded_pieces(raw: RawClient) -> None:
    raw.send(b"X-Junk: " + b"y" * 1_000_000 + b"\r\n" + _frame(_hover(5, 0, 0)))
    assert raw.response()["id"] == 5
