"""A scripted HTTP server on 127.0.0.1 for tests of code that talks HTTP (spec fetch, the guarded Retell SDK).

Each path gets a :class:`Reply`: a route with the query (``/get-agent/a?version=3``) first, else the path without it;
every request is recorded with its method, path, headers and body.
Unknown paths are 404. The server runs in a thread for the duration of a ``with`` block.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Reply:
    """``length``: the Content-Length to declare (``None``: the body's; ``False``: none, the body ends at close).

    ``trickle``: send the body one byte at a time this many seconds apart; ``headers``: more headers (a redirect's Location).
    """

    body: bytes = b""
    status: int = 200
    content_type: str = "text/markdown; charset=utf-8"
    length: int | bool | None = None
    trickle: float = 0.0
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class LocalServer:
    routes: dict[str, Reply] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@contextlib.contextmanager
def serve(routes: dict[str, Reply] | None = None) -> Iterator[LocalServer]:
    state = LocalServer(dict(routes or {}))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._answer()

        def do_POST(self) -> None:
            self._answer()

        def _answer(self) -> None:
            size = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(size) if size else b""
            state.requests.append(Request(self.command, self.path, dict(self.headers.items()), body))
            reply = state.routes.get(self.path) or state.routes.get(
                self.path.split("?")[0], Reply(b"not found", status=404, content_type="text/plain")
            )
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers:
                self.send_header(name, value)
            if reply.length is not False:
                self.send_header("Content-Length", str(len(reply.body) if reply.length is None else reply.length))
            self.end_headers()
            try:
                if reply.trickle:
                    for byte in reply.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(reply.trickle)
                else:
                    self.wfile.write(reply.body)
            except OSError:  # the client gave up (size limit, deadline): expected
                pass
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)  # shutdown() waits one poll
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextlib.contextmanager
def silent_listener() -> Iterator[int]:
    """A port that accepts connections (into the backlog) and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        yield listener.getsockname()[1]


def closed_port() -> int:
    """A port nothing listens on: connecting is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
