"""What every request passes before the page or the API sees it, and the headers every answer carries.

* **Host**: the name the request was sent to must be the server's own (DNS rebinding: a site whose
  name resolves to 127.0.0.1 would otherwise read the API as its own origin), with the bound port.
* **Origin**: a ``POST`` from another site is refused (CSRF: a form elsewhere posting a file here);
  so is one whose ``Sec-Fetch-Site`` says ``cross-site``. Scripts that send no ``Origin`` pass.
* **Token**: when the server listens beyond this machine, every API request must carry the
  access token printed at start (``Authorization: Bearer …``), compared in constant time.
* **Headers**: a Content-Security-Policy with no inline script or style, no string-to-markup sink
  in the page (Trusted Types), no framing and no other origin to talk to; ``nosniff``; no referrer;
  nothing cached.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "require-trusted-types-for 'script'",
        "trusted-types svg",  # the page's one policy: the hours picture into an inert document (static/page.js)
    )
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cache-control": "no-store",
}
_SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class Guarded:
    """Who may be served: the host names the server answers to, its port, and the access token (``None``: none needed)."""

    hosts: frozenset[str]
    port: int
    token: str | None = None

    def host_allowed(self, host: str | None) -> bool:
        """Whether a ``Host`` header (``name``, ``name:port``, ``[v6]:port``) names this server."""
        if not host:
            return False
        name, port = _split_host(host.strip().lower())
        if port is None:
            return name in self.hosts and self.port == 80
        return name in self.hosts and port == self.port

    def origins(self) -> Iterable[str]:
        return (f"http://{host}:{self.port}" for host in self.hosts)


def _split_host(host: str) -> tuple[str, int | None]:
    """``example:8080`` → (``example``, 8080); ``[::1]:80`` → (``[::1]``, 80); a port that is not a number → port -1."""
    if host.startswith("["):
        end = host.find("]")
        name, rest = host[: end + 1], host[end + 1 :]
    else:
        name, _, rest = host.partition(":")
        rest = f":{rest}" if rest else ""
    if not rest:
        return name, None
    digits = rest.removeprefix(":")
    return name, int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 5 else -1


class Guard:
    """ASGI middleware: the checks above, then the app; every answer (the guard's own too) gets :data:`SECURITY_HEADERS`."""

    def __init__(self, app: ASGIApp, guarded: Guarded) -> None:
        self.app, self.guarded = app, guarded
        self._origins = frozenset(guarded.origins())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        refusal = self.refusal(scope)
        if refusal is not None:
            status, message = refusal
            body = json.dumps({"error": message}).encode("utf-8")
            await with_headers(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
                    + ([(b"www-authenticate", b'Bearer realm="retell-validate"')] if status == 401 else []),
                }
            )
            await with_headers({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, with_headers)

    def refusal(self, scope: Scope) -> tuple[int, str] | None:
        """The status and message a request is refused with, or ``None`` when it may go on."""
        headers = Headers(scope=scope)
        if not self.guarded.host_allowed(headers.get("host")):
            return 400, "this server answers only to the address it printed when it started (the Host header names another)"
        if scope["method"] not in _SAFE_METHODS:
            origin = headers.get("origin")
            if origin is not None and origin.lower() not in self._origins:
                return 403, "a request from another site is refused: use the page this server serves"
            if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
                return 403, "a request from another site is refused: use the page this server serves"
        if self.guarded.token is not None and scope["path"].startswith("/api/"):
            scheme, _, given = headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.guarded.token.encode()):
                return 401, "this server needs the access token it printed when it started"
        return None
