"""Parsing the URLs of an override once, for the webhook rules and the custom-LLM websocket rules."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from validator.context import Context
from validator.diagnostics import Finding
from validator.json_values import preview
from validator.pointer import join as pointer_join

WEBHOOK = "webhook_url"
WEBHOOK_SCHEMES = ("https", "http")
WEBSOCKET = "llm_websocket_url"
WEBSOCKET_SCHEMES = ("wss", "ws")
# Names that resolve only inside the sender's own network.
_LOCAL_SUFFIXES = (".local", ".localhost", ".internal", ".lan", ".home.arpa")
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # RFC 6598 shared address space


@dataclass(frozen=True)
class Url:
    pointer: str
    text: str
    url: SplitResult | None  # None when the text is not an absolute URL of an allowed scheme
    problem: str | None = None


def webhooks(ctx: Context) -> Iterator[Url]:
    """Every string ``agent.webhook_url`` in the overrides, parsed (``null`` removes the webhook: skipped)."""
    for pointer, agent in ctx.override_sections("agent"):
        text = agent.get(WEBHOOK)
        if isinstance(text, str):
            yield parse(pointer_join(pointer, WEBHOOK), text, WEBHOOK_SCHEMES)


def websockets(ctx: Context) -> Iterator[Url]:
    """Every string ``agent.response_engine.llm_websocket_url`` (a custom LLM) in the overrides, parsed."""
    for pointer, agent in ctx.override_sections("agent"):
        engine = agent.get("response_engine")
        text = engine.get(WEBSOCKET) if isinstance(engine, dict) else None
        if isinstance(text, str):
            yield parse(pointer_join(pointer, "response_engine", WEBSOCKET), text, WEBSOCKET_SCHEMES)


def parse(pointer: str, text: str, schemes: tuple[str, ...]) -> Url:
    """``schemes``: the accepted ones, the recommended first."""
    if not text.strip():
        return Url(pointer, text, None, "is empty")
    if text != text.strip():
        return Url(pointer, text, None, "has whitespace around it")
    if any(c.isspace() for c in text):
        return Url(pointer, text, None, "contains whitespace")
    try:
        url = urlsplit(text)
    except ValueError:  # "http://[abc": an unclosed IPv6 bracket
        return Url(pointer, text, None, "has an invalid IPv6 host (a [ without its ])")
    if not url.scheme or "://" not in text:
        return Url(pointer, text, None, f"has no {schemes[0]}:// in front")
    if url.scheme.lower() not in schemes:
        return Url(pointer, text, None, f'uses the scheme "{url.scheme}", not {schemes[0]}')
    try:
        url.port  # noqa: B018 - raises ValueError for a non-numeric or out-of-range port
    except ValueError:
        return Url(pointer, text, None, "has an invalid port")
    if not url.hostname:
        return Url(pointer, text, None, "has no host name")
    return Url(pointer, text, url)


def local_host(host: str) -> str | None:
    """Why Retell's servers cannot reach ``host``, or None when it may be public."""
    lowered = host.lower().rstrip(".")
    if lowered == "localhost" or lowered.endswith(_LOCAL_SUFFIXES):
        return "a name that resolves only on your own machine or network"
    try:
        address = ipaddress.ip_address(lowered)
    except ValueError:
        return None if "." in lowered else "a single-label name that public DNS does not resolve"
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    if address.is_loopback:
        return "a loopback address"
    if address.is_private or address.is_link_local or address.is_unspecified:
        return "a private network address"
    if address in _SHARED:  # not is_private, yet only a carrier's own customers reach it
        return "a carrier-grade NAT address (100.64.0.0/10, RFC 6598), shared inside a carrier's network"
    return None


def unreachable(ctx: Context, urls: Iterator[Url], field: str) -> Iterator[Finding]:
    """A finding for each parsed URL whose host Retell's servers cannot reach."""
    for found in urls:
        host = found.url.hostname if found.url is not None else None
        reason = local_host(host) if host else None
        if reason is None:
            continue
        yield ctx.finding(
            found.pointer,
            f"`{field}` {preview(found.text)} points at {preview(host)}, {reason}; Retell's servers cannot reach it",
            "use a publicly reachable URL (for local development, a tunnel such as ngrok or cloudflared)",
        )
