"""``spec fetch``: download Retell's create-batch-call docs page and keep the OpenAPI document in it.

The page is Markdown with the operation's OpenAPI description in a ```` ```yaml ````
fence (four backticks on the docs site). The document is checked like ``--spec``
(OpenAPI validity, a request body for POST /create-batch-call) before it is written,
and it is written atomically: a failure at any step leaves the target untouched.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from validator.escape import visible
from validator.files import read_regular, write_atomic
from validator.json_values import quote
from validator.openapi.load import Spec, SpecError
from validator.openapi.source import source_header
from validator.openapi.user import load_user_spec
from validator.version import __version__

DEFAULT_URL = "https://docs.retellai.com/api-references/create-batch-call.md"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # the page is ~100 KB; anything near this is not it
_CHUNK = 64 * 1024
_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*)$")
_OPENAPI_KEY = re.compile(r"^openapi[ \t]*:", re.MULTILINE)


class FetchError(Exception):
    """The page could not be downloaded, or holds no usable OpenAPI document. Nothing was written."""


@dataclass(frozen=True)
class Fetched:
    spec: Spec
    changed: bool  # False: the file already held exactly this document (it was left as it was)


def fetch_spec(output: Path, url: str = DEFAULT_URL, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Fetched:
    """Download ``url``, extract and check its OpenAPI document, and write it to ``output`` with a ``# source:`` line."""
    text = source_header(url) + extract_openapi(download(url, timeout=timeout, max_bytes=max_bytes), url)
    with contextlib.suppress(OSError, UnicodeDecodeError):  # a FIFO or a huge file at OUTPUT: not "unchanged"
        if read_regular(output, len(text.encode("utf-8"))).decode("utf-8") == text:
            return Fetched(_checked(output, url), changed=False)
    return Fetched(_write_checked(output, text, url), changed=True)


def download(url: str, *, timeout: float, max_bytes: int) -> str:
    """The page as text. Proxies come from the environment (``https_proxy``, ``no_proxy``…); ``timeout`` bounds the whole
    download, headers and chunk framing included; every redirect must stay on http(s)."""
    # Imported here: about 25 ms that only `spec fetch` should pay (every CLI start imports this module).
    import urllib.request

    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"{url}: not an http:// or https:// address")
    request = urllib.request.Request(
        url, headers={"User-Agent": f"retell-validate/{__version__}", "Accept": "text/markdown, text/plain;q=0.9, */*;q=0.1"}
    )
    deadline = _Deadline(timeout)
    try:
        # A fresh opener: its ProxyHandler reads the environment now (urlopen's global opener keeps the first one it saw).
        with deadline, _opener(url, deadline).open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.isascii() and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: the page is {int(length):,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
            body = _read_limited(response.read1, url, max_bytes, deadline)
            if length.isascii() and length.isdigit() and len(body) < int(length):
                raise FetchError(f"{url}: the connection closed after {len(body):,} of {int(length):,} bytes: the page is truncated")
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset() or "utf-8"
    except FetchError:
        raise
    except Exception as exc:  # whatever the connection raised once the deadline shut it: the deadline is why
        if deadline.expired:
            raise FetchError(f"{url}: timed out after {timeout:g} s (--timeout)") from None
        raise _failure(url, timeout, exc) from None
    try:
        text = body.decode(charset)
    except (LookupError, UnicodeDecodeError) as exc:
        raise FetchError(f"{url}: the page is not {charset} text: {exc}") from None
    if "html" in content_type or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        raise FetchError(f"{url}: an HTML page, not the docs page's Markdown (use its .md address, such as {DEFAULT_URL})")
    return text


def _failure(url: str, timeout: float, exc: Exception) -> Exception:
    """The FetchError for what the download raised (anything else is a bug, raised as it is)."""
    import http.client
    import urllib.error

    if isinstance(exc, urllib.error.HTTPError):
        return FetchError(f"{url}: HTTP {exc.code} {exc.reason}")
    if isinstance(exc, urllib.error.URLError):
        reason = "timed out" if isinstance(exc.reason, TimeoutError) else str(exc.reason)
        return FetchError(f"{url}: cannot connect: {reason}")
    if isinstance(exc, TimeoutError):
        return FetchError(f"{url}: timed out after {timeout:g} s (--timeout)")
    if isinstance(exc, http.client.IncompleteRead):  # chunked transfer cut short
        return FetchError(f"{url}: the connection closed after {len(exc.partial):,} bytes of a chunk: the page is truncated")
    if isinstance(exc, OSError | http.client.HTTPException | ValueError):
        return FetchError(f"{url}: download failed: {type(exc).__name__}: {exc}")
    return exc


class _Deadline:
    """The end of the whole download: at it, every socket the download opened is shut down under whatever read it is in.

    A socket timeout bounds one read only: a server sending a header line, a chunk-size line or the
    body a byte at a time, each within it, would hold the download for ever.
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._end = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def passed(self) -> bool:
        return self.expired or time.monotonic() > self._end

    def watch(self, connection: socket.socket) -> None:
        with self._lock:
            self._sockets.append(connection)
            if self.expired:
                self._shut(connection)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for connection in self._sockets:
                self._shut(connection)

    @staticmethod
    def _shut(connection: socket.socket) -> None:
        with contextlib.suppress(OSError):
            connection.shutdown(socket.SHUT_RDWR)


def _opener(url: str, deadline: _Deadline) -> Any:
    """urllib's opener with connections the deadline watches and redirects kept on http(s)."""
    import http.client
    import ssl
    import urllib.request
    from urllib.parse import urljoin, urlsplit

    class Http(http.client.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class Https(http.client.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    class HttpHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Http, req)

    class HttpsHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(Https, req, context=ssl.create_default_context())

    class Redirects(urllib.request.HTTPRedirectHandler):
        def http_error_302(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any) -> Any:
            location = headers.get("location") or headers.get("uri")
            target = urljoin(req.full_url, location) if location else ""
            if target and urlsplit(target).scheme.lower() not in ("http", "https"):  # urllib would follow ftp://
                raise FetchError(f"{url}: redirected to {visible(quote(target, 200))}: only http:// and https:// are followed")
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    return urllib.request.build_opener(HttpHandler, HttpsHandler, Redirects)


def _read_limited(read: Callable[[int], bytes], url: str, max_bytes: int, deadline: _Deadline) -> bytes:
    """Read what arrives (``read1``), stopping past ``max_bytes`` or the deadline."""
    chunks: list[bytes] = []
    size = 0
    while chunk := read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: the page is over the {max_bytes:,}-byte limit (--max-bytes); stopped reading")
        if deadline.passed():
            raise TimeoutError
        chunks.append(chunk)
    if deadline.expired:  # the deadline shut the connection: what ended the read was not the page's end
        raise TimeoutError
    return b"".join(chunks)


def extract_openapi(page: str, url: str) -> str:
    """The first ```` ```yaml ```` block of ``page`` that holds an OpenAPI document (an ``openapi:`` key)."""
    lines = page.splitlines(keepends=True)
    found_yaml = False
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index].rstrip("\r\n"))
        index += 1
        if not opening:
            continue
        fence, info = opening["fence"], opening["info"].split()
        closing = re.compile(rf"^{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        start = index
        while index < len(lines) and not closing.match(lines[index].rstrip("\r\n")):
            index += 1
        is_yaml = bool(info) and info[0].lower() in ("yaml", "yml")
        if index == len(lines):
            if is_yaml:
                raise FetchError(f"{url}: the ```yaml block is not closed: the page looks truncated")
            break
        block = "".join(lines[start:index])
        index += 1
        found_yaml |= is_yaml
        if is_yaml and _OPENAPI_KEY.search(block):
            return block
    if found_yaml:
        raise FetchError(f"{url}: no ```yaml block in the page holds an OpenAPI document (an `openapi:` key)")
    raise FetchError(f"{url}: no ```yaml block in the page: is this Retell's create-batch-call docs page?")


def _checked(path: Path, url: str) -> Spec:
    """The document at ``path`` loaded and checked as ``--spec`` would; errors name the page, not the file."""
    try:
        return load_user_spec(path)
    except SpecError as exc:
        message, where = str(exc), str(path.resolve())
        raise FetchError(message.replace(where, url) if where in message else f"spec {url} is not usable: {message}") from None


def _write_checked(output: Path, text: str, url: str) -> Spec:
    """Check ``text`` in a temporary file beside ``output``, then rename it into place (a symlink's target is replaced;
    a FIFO or a device is refused, never replaced)."""
    checked: list[Spec] = []
    try:
        write_atomic(output, text.encode("utf-8"), check=lambda temporary: checked.append(_checked(temporary, url)))
    except OSError as exc:
        raise FetchError(f"{visible(str(output))}: cannot write: {exc.strerror or exc}") from None
    return checked[0]
