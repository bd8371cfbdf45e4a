"""Language-server sessions as byte streams: framed LSP messages in any order, some broken, through the server's transport.

A session is what an editor (or anything on the other end of the pipe) writes to ``retell-validate
lsp``: ``initialize``, then opens, changes, saves and closes of payloads (JSON, YAML, CSV; spec-shaped,
mutated, with lone surrogates and byte order marks) and of URIs never opened, hover, completion and
code actions at any position (negative, far past the end), ``codeAction/resolve``, watched-file
changes, ``shutdown`` and requests after it, and framing damage: bodies that are not JSON, messages
without a usable ``Content-Length``, an absurd one. It runs in process through
:func:`validator.lsp.transport.serve_stream`, the debounce set to zero. :func:`check_session` says what must hold.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from hypothesis import strategies as st

from tests.robustness.fuzz import strategies as fuzz
from validator.lsp import server as lsp_server
from validator.lsp.transport import serve_stream

URIS = ["file:///fuzz/batch.json", "file:///fuzz/batch.yaml", "file:///fuzz/contacts.csv", "untitled:Untitled-1", "file:///fuzz/other.json"]
LANGUAGES = {"json": "json", "yaml": "yaml", "csv": "csv", "": "plaintext"}
SESSION_SECONDS = 60.0


def frame(message: Any) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


_TEXTS = st.one_of(
    st.builds(lambda payload: json.dumps(payload), fuzz.payloads()),
    st.builds(lambda case: case[1].decode("utf-8", "replace"), fuzz.mutated_texts()),
    fuzz.yamlish,
    st.builds(lambda data: data.decode("utf-8", "replace"), fuzz.csv_texts()),
    st.sampled_from(
        [
            '\ufeff{"from_number": "14157774444", "tasks": [{"to_number": "+12137774445"}]}',
            "from_number: '+14157774444'\nname: \"\ud800\"\ntasks:\n  - to_number: '+12137774445'\n",
            '{"from_number": "+14157774444", "tasks": [' + ",".join('{"to_number": "12137774445", "x": 1}' for _ in range(50)) + "]}",
            "",
        ]
    ),
)
_POSITIONS: st.SearchStrategy[Any] = st.fixed_dictionaries(
    {"line": st.integers(-2, 60) | st.just(2**31), "character": st.integers(-2, 200) | st.just(2**31)}
) | st.sampled_from([{"line": "0", "character": 0}, {"line": 0}, None, [], {"line": 1.5, "character": 0}])


@st.composite
def _message(draw: st.DrawFn, ident: int) -> bytes:
    uri = draw(st.sampled_from(URIS))
    document: dict[str, Any] = {"uri": uri}
    kind = draw(
        st.sampled_from(
            ["open", "open", "change", "change", "save", "close", "hover", "completion", "action", "resolve", "watched", "raw", "unknown"]
        )
    )
    if kind == "open":
        language = draw(st.sampled_from(["json", "yaml", "csv", "jsonc", "plaintext"]))
        item = {**document, "languageId": language, "version": 1, "text": draw(_TEXTS)}
        return frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": item}})
    if kind == "change":
        changes = [{"text": draw(_TEXTS)}]
        params = {"textDocument": {**document, "version": draw(st.integers(0, 9))}, "contentChanges": changes}
        return frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": params})
    if kind in ("save", "close"):
        return frame({"jsonrpc": "2.0", "method": f"textDocument/did{kind.title()}", "params": {"textDocument": document}})
    if kind in ("hover", "completion"):
        params = {"textDocument": document, "position": draw(_POSITIONS)}
        return frame({"jsonrpc": "2.0", "id": ident, "method": f"textDocument/{kind}", "params": params})
    if kind == "action":
        start, end = draw(_POSITIONS), draw(_POSITIONS)
        only = draw(st.sampled_from([None, ["quickfix"], ["source.fixAll"], ["source"], ["refactor"], []]))
        context: dict[str, Any] = {"diagnostics": []} if only is None else {"diagnostics": [], "only": only}
        params = {"textDocument": document, "range": {"start": start, "end": end}, "context": context}
        return frame({"jsonrpc": "2.0", "id": ident, "method": "textDocument/codeAction", "params": params})
    if kind == "resolve":
        data: Any = draw(st.sampled_from([{"uri": uri}, None, {"uri": 5}, "x"]))
        params = {"title": "retell-validate: apply all safe fixes", "kind": "source.fixAll.retell-validate", "data": data}
        return frame({"jsonrpc": "2.0", "id": ident, "method": "codeAction/resolve", "params": params})
    if kind == "watched":
        changes = [{"uri": "file:///fuzz/pyproject.toml", "type": draw(st.integers(1, 3))}]
        return frame({"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": changes}})
    if kind == "unknown":
        return frame(
            {
                "jsonrpc": "2.0",
                "id": ident,
                "method": draw(st.sampled_from(["x/y", "$/cancelRequest", "textDocument/rename"])),
                "params": {},
            }
        )
    return draw(
        st.sampled_from(
            [
                b'Content-Length: 5\r\n\r\n{"a":',
                b"Content-Length: 2\r\n\r\n[]",
                b"Content-Length: 1\r\n\r\n5",
                b"Content-Length: x\r\n\r\n",
                b"Content-Type: a\r\n\r\n",
                b"Content-Length: 3\r\n\r\n\xff\xfe\x00",
                b"X: " + b"y" * 20_000 + b"\r\n",  # a header line past the bound, then the next message's headers
                frame({"jsonrpc": "2.0", "id": ident, "method": "textDocument/hover"}),
                frame({"id": ident, "method": "textDocument/hover", "params": {}}),
            ]
        )
    )


@st.composite
def sessions(draw: st.DrawFn) -> list[bytes]:
    """An initialize, then up to 14 messages; maybe a shutdown with requests after it; maybe an absurd length at the end."""
    initialize: dict[str, Any] = {"processId": None, "rootUri": None, "capabilities": {}}
    if draw(st.booleans()):
        initialize["capabilities"] = {"general": {"positionEncodings": [draw(st.sampled_from(["utf-8", "utf-32", "utf-16"]))]}}
    messages = [frame({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": initialize})]
    messages.append(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    count = draw(st.integers(0, 14))
    messages += [draw(_message(index + 1)) for index in range(count)]
    if draw(st.integers(0, 4)) == 0:
        messages.append(frame({"jsonrpc": "2.0", "id": 1000, "method": "shutdown"}))
        messages += [draw(_message(1001 + index)) for index in range(draw(st.integers(0, 3)))]
    if draw(st.integers(0, 19)) == 0:
        messages.append(b"Content-Length: 99999999999999999999\r\n\r\n{}")
    return messages


def _responses(output: bytes) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stream = io.BytesIO(output)
    while True:
        length = None
        while (header := stream.readline()) not in (b"\r\n", b""):
            name, _, value = header.partition(b":")
            length = int(value) if name.lower() == b"content-length" else length
        if length is None:
            return found
        found.append(json.loads(stream.read(length)))


class _Capture:
    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: bytes) -> None:
        self.data += data

    def close(self) -> None:
        pass


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("validator"):
            self.records.append(f"{record.getMessage()[:120]} {record.exc_info[1]!r}" if record.exc_info else record.getMessage()[:160])


def check_session(messages: list[bytes]) -> list[str]:
    """Run one session; what must hold: no exception escapes, every request that can be answered is answered once (and
    none with an internal error), published ranges are well formed, nothing is kept for a document that is not open."""
    lsp_server.DEBOUNCE_SECONDS = 0.0
    logging.getLogger("pygls").setLevel(logging.CRITICAL)  # it logs every message it cannot structure, with a traceback
    server = lsp_server.build_server()
    capture = _Capture()
    server.protocol.set_writer(capture)
    errors = _Errors()
    logging.getLogger("validator").addHandler(errors)
    reader = ThreadPoolExecutor(max_workers=1)
    found: list[str] = []

    async def session() -> None:
        await serve_stream(io.BytesIO(b"".join(messages)), server.protocol, reader)  # type: ignore[arg-type]
        others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        if others:
            _, late = await asyncio.wait(others, timeout=SESSION_SECONDS)
            if late:
                found.append(f"{len(late)} requests or checks still running after {SESSION_SECONDS:.0f} s")

    try:
        asyncio.run(session())
    finally:
        logging.getLogger("validator").removeHandler(errors)
        reader.shutdown(wait=False)
        server._worker.shutdown(wait=True)
    found += [f"logged: {record}" for record in errors.records]
    answered: dict[Any, int] = {}
    for message in _responses(bytes(capture.data)):
        if "id" in message and "method" not in message:
            answered[message["id"]] = answered.get(message["id"], 0) + 1
            error = message.get("error")
            if isinstance(error, dict) and error.get("code") == -32603:
                found.append(f"internal error: {str(error.get('message'))[:160]}")
        elif message.get("method") == "textDocument/publishDiagnostics":
            for diagnostic in message["params"]["diagnostics"]:
                start, end = diagnostic["range"]["start"], diagnostic["range"]["end"]
                if (start["line"], start["character"]) > (end["line"], end["character"]) or min(*start.values(), *end.values()) < 0:
                    found.append(f"a range that is not one: {diagnostic['range']}")
    for ident in _requests(messages):
        if answered.get(ident, 0) != 1:
            found.append(f"request {ident} answered {answered.get(ident, 0)} times")
    kept = set(server.analyses) | set(server._published) | set(server._fixes) | set(server._roots)
    if not kept <= set(server.documents):
        found.append(f"kept for documents not open: {sorted(kept - set(server.documents))}")
    return found


def _requests(messages: list[bytes]) -> list[Any]:
    """The ids of the well-formed requests of a session, up to the first message the stream cannot frame past."""
    ids = []
    for raw in messages:
        if raw.startswith(b"Content-Length: 9999"):
            break
        try:
            message = json.loads(raw.split(b"\r\n\r\n", 1)[1])
        except (ValueError, IndexError):
            continue
        if isinstance(message, dict) and message.get("jsonrpc") == "2.0" and "id" in message and "method" in message:
            ids.append(message["id"])
    return ids
