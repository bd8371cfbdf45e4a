"""The server's end of the stdio transport: LSP's framing read with bounds, and an answer to every request.

pygls reads a ``Content-Length`` and then that many bytes at once (a header of 10^12 bytes is a
``MemoryError`` that ends the server), and drops, without answering, a request whose params do not
fit its method (a negative position) or that comes after ``shutdown``: the editor waits forever.
Here every header line and every message is bounded, a message over the bound is skipped, and each
such request is answered with the JSON-RPC error the specification names.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams, JsonRpcInvalidRequest, JsonRpcParseError
from pygls.protocol import LanguageServerProtocol

logger = logging.getLogger(__name__)

MAX_HEADER_LINE = 8 * 1024  # LSP has two headers, each a few dozen bytes
MAX_MESSAGE_BYTES = 512 * 1024 * 1024  # a 64 MiB payload, escaped in a didOpen, fits with room to spare
_SKIP_CHUNK = 1024 * 1024


def reply_error(writer: Any, ident: Any, code: int, message: str) -> None:
    """Write a JSON-RPC error response (``ident`` None when the request's id cannot be read)."""
    if not isinstance(ident, int | str) or isinstance(ident, bool):
        ident = None
    body = json.dumps({"jsonrpc": "2.0", "id": ident, "error": {"code": code, "message": message}})
    writer.write(f"Content-Length: {len(body)}\r\n\r\n{body}".encode())  # json.dumps writes ASCII: characters are bytes


class Protocol(LanguageServerProtocol):
    """pygls's protocol, answering requests that come after ``shutdown`` with InvalidRequest (pygls drops them)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.shutdown_requested = False

    def handle_message(self, message: Any) -> None:
        method, ident = getattr(message, "method", None), getattr(message, "id", None)
        if self.shutdown_requested and method is not None and ident is not None:
            reply_error(self.writer, ident, JsonRpcInvalidRequest.CODE, f"{method}: the server is shutting down (shutdown was requested)")
            return
        super().handle_message(message)
        if method == types.SHUTDOWN and ident is not None:
            self.shutdown_requested = True


async def serve_stream(stdin: BinaryIO, protocol: Protocol, reader: ThreadPoolExecutor) -> None:
    """Read framed messages from ``stdin`` until it ends, handing each to ``protocol`` (``exit`` ends the process)."""
    loop = asyncio.get_running_loop()

    async def read(method: Callable[[int], bytes], size: int) -> bytes:
        return await loop.run_in_executor(reader, method, size)

    while True:
        length: int | None = None
        declared = b""
        while True:  # the header part: lines up to an empty one
            line = await read(stdin.readline, MAX_HEADER_LINE)
            if not line:
                return
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                declared = value.strip()[:40]
                length = int(declared) if declared.isdigit() else None  # bytes.isdigit(): ASCII digits only
        if length is None:
            shown = declared.decode("ascii", "replace") or "none"
            reply_error(protocol.writer, None, JsonRpcInvalidRequest.CODE, f"a message without a usable Content-Length header ({shown})")
            continue
        if length > MAX_MESSAGE_BYTES:
            message = f"a message of {length:,} bytes, over the {MAX_MESSAGE_BYTES:,}-byte limit: skipped"
            reply_error(protocol.writer, None, JsonRpcInvalidRequest.CODE, message)
            while length:  # read past it without holding it
                chunk = await read(stdin.read, min(length, _SKIP_CHUNK))
                if not chunk:
                    return
                length -= len(chunk)
            continue
        body = await read(stdin.read, length) if length else b""
        if len(body) < length:
            return
        receive(body, protocol)


def receive(body: bytes, protocol: Protocol) -> None:
    """One message's body: handled, or answered with the JSON-RPC error that says why not."""
    try:
        message = json.loads(body, object_hook=protocol.structure_message)
    except (ValueError, RecursionError) as exc:  # not JSON, not UTF-8, or nested past the parser
        reply_error(protocol.writer, None, JsonRpcParseError.CODE, f"the message is not JSON: {type(exc).__name__}")
        return
    except JsonRpcException as exc:  # it is JSON, but its params do not fit its method (a negative position …)
        try:
            raw = json.loads(body)
        except (ValueError, RecursionError):
            raw = None
        if isinstance(raw, dict) and "method" in raw and raw.get("id") is not None:
            code = exc.code if isinstance(exc, JsonRpcInvalidParams) else JsonRpcInvalidParams.CODE
            reply_error(protocol.writer, raw["id"], code, f"{str(raw['method'])[:100]}: the params do not fit the method")
        return
    if isinstance(message, dict | list) or not hasattr(message, "jsonrpc"):  # no "jsonrpc" member: not a JSON-RPC 2.0 message
        ident = message.get("id") if isinstance(message, dict) and "method" in message else None
        if ident is not None or not isinstance(message, dict):
            reply_error(protocol.writer, ident, JsonRpcInvalidRequest.CODE, "not a JSON-RPC 2.0 message")
        return
    try:
        protocol.handle_message(message)
    except Exception:  # a bug must not take the editor's server down
        logger.exception("handling a message failed")
