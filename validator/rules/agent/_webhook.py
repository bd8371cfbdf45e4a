"""Parsing `agent.webhook_url` once for the three webhook rules."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from validator.context import Context
from validator.pointer import join as pointer_join

FIELD = "webhook_url"
SCHEMES = ("https", "http")
# Names that resolve only inside the sender's own network.
_LOCAL_SUFFIXES = (".local", ".localhost", ".internal", ".lan", ".home.arpa")


@dataclass(frozen=True)
class Webhook:
    pointer: str
    text: str
    url: SplitResult | None  # None when the text is not an absolute http(s) URL
    problem: str | None = None


def webhooks(ctx: Context) -> Iterator[Webhook]:
    """Every string ``webhook_url`` in the overrides, parsed (``null`` removes the webhook: skipped)."""
    for pointer, agent in ctx.override_sections("agent"):
        text = agent.get(FIELD)
        if isinstance(text, str):
            yield _parse(pointer_join(pointer, FIELD), text)


def _parse(pointer: str, text: str) -> Webhook:
    if not text.strip():
        return Webhook(pointer, text, None, "is empty")
    if text != text.strip():
        return Webhook(pointer, text, None, "has whitespace around it")
    if any(c.isspace() for c in text):
        return Webhook(pointer, text, None, "contains whitespace")
    url = urlsplit(text)
    if not url.scheme or "://" not in text:
        return Webhook(pointer, text, None, "has no https:// in front")
    if url.scheme.lower() not in SCHEMES:
        return Webhook(pointer, text, None, f'uses the scheme "{url.scheme}", not https')
    try:
        url.port  # noqa: B018 - raises ValueError for a non-numeric or out-of-range port
    except ValueError:
        return Webhook(pointer, text, None, "has an invalid port")
    if not url.hostname:
        return Webhook(pointer, text, None, "has no host name")
    return Webhook(pointer, text, url)


def local_host(host: str) -> str | None:
    """Why Retell's servers cannot reach ``host``, or None when it may be public."""
    lowered = host.lower().rstrip(".")
    if lowered == "localhost" or lowered.endswith(_LOCAL_SUFFIXES):
        return "a name that resolves only on your own machine or network"
    try:
        address = ipaddress.ip_address(lowered)
    except ValueError:
        return None if "." in lowered else "a single-label name that public DNS does not resolve"
    if address.is_loopback:
        return "a loopback address"
    if address.is_private or address.is_link_local or address.is_unspecified:
        return "a private network address"
    return None
