"""Listening: the socket, the names the server answers to, the access token, and uvicorn serving the application on it.

The socket is bound before the address is printed, so the printed port is the real one (``--port
0`` picks a free one) and a browser opened at once finds it listening. Loopback addresses
(``127.0.0.1``, ``::1``, ``localhost``) answer to the loopback names; another address answers to
its own name and, for the wildcard addresses, to this machine's host names and addresses too.
"""

from __future__ import annotations

import contextlib
import ipaddress
import secrets
import socket
from collections.abc import Iterable
from dataclasses import dataclass

import uvicorn
from starlette.types import ASGIApp

from validator.openapi.load import Spec
from validator.settings import Settings
from validator.web.app import Served, create_app
from validator.web.guard import Guarded

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})
WILDCARDS = ("0.0.0.0", "::", "[::]")
MAX_CONNECTIONS = 64  # beyond this, 503: a runaway script cannot take every file descriptor


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_names(host: str) -> frozenset[str]:
    """The ``Host`` names a server bound to ``host`` answers to (IPv6 addresses in brackets, lower case)."""
    if is_loopback(host):
        return LOOPBACK_NAMES | {_bracketed(host)}
    if host in WILDCARDS:
        names = {socket.gethostname(), socket.getfqdn()}
        return LOOPBACK_NAMES | {_bracketed(name) for name in names | set(_addresses(names))}
    return frozenset({_bracketed(host)})


def _addresses(names: Iterable[str]) -> Iterable[str]:
    for name in names:
        try:
            found = socket.getaddrinfo(name, None)
        except OSError:
            continue
        yield from (str(info[4][0]) for info in found)


def _bracketed(name: str) -> str:
    name = name.lower().strip("[]")
    return f"[{name}]" if ":" in name else name


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host`` and ``port`` (OSError when the address cannot be had)."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host.strip("[]"), port))
        listener.listen(128)
    except OSError:
        listener.close()
        raise
    listener.set_inheritable(True)
    return listener


def url(host: str, port: int) -> str:
    """The page's address: on a wildcard address, by this machine's name."""
    return f"http://{_bracketed(socket.gethostname() if host in WILDCARDS else host)}:{port}/"


def server(app: ASGIApp) -> uvicorn.Server:
    """uvicorn, quiet, for this application: no access log, no proxy headers believed, at most :data:`MAX_CONNECTIONS`."""
    config = uvicorn.Config(
        app,
        lifespan="off",
        log_level="warning",
        access_log=False,  # the paths say nothing a person needs, and file names stay out of logs
        server_header=False,
        proxy_headers=False,  # no proxy in front: X-Forwarded-* from a client is not believed
        limit_concurrency=MAX_CONNECTIONS,
        timeout_keep_alive=5,
        timeout_graceful_shutdown=10,
    )
    return uvicorn.Server(config)


def run(app: ASGIApp, listener: socket.socket) -> None:
    """Serve until Ctrl-C (then return) or SIGTERM (then end as the signal ends a process), finishing the requests in flight."""
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn hands Ctrl-C back once it has shut down: the person asked for this stop
        server(app).run(sockets=[listener])


@dataclass(frozen=True)
class Listening:
    """A bound socket, what it was asked to listen on, its real port, and the access token it needs (``None`` on loopback)."""

    listener: socket.socket
    host: str
    port: int
    token: str | None

    @property
    def address(self) -> str:
        """The page's address to print and open; the token after ``#`` (the page reads it there; browsers never send it)."""
        return url(self.host, self.port) + (f"#token={self.token}" if self.token else "")


def listen(host: str, port: int) -> Listening:
    """Bind ``host`` and ``port`` (OSError when they cannot be had); beyond loopback, with a fresh access token."""
    listener = bind(host, port)
    return Listening(listener, host, listener.getsockname()[1], None if is_loopback(host) else secrets.token_urlsafe(24))


def serve_page(listening: Listening, settings: Settings, spec: Spec) -> None:
    """The page and its API on the socket, every check starting from ``settings`` and ``spec``, until Ctrl-C."""
    guarded = Guarded(host_names(listening.host), listening.port, listening.token)
    run(create_app(Served(settings, spec, guarded)), listening.listener)
