"""JSON Pointer (RFC 6901): the one place that escapes and splits reference tokens.

Every diagnostic carries a pointer; readers, rules, fixers and reporters build
and read them only through these functions.
"""

from __future__ import annotations


def escape(token: str | int) -> str:
    """One reference token, escaped: ``~`` → ``~0``, ``/`` → ``~1``."""
    text = str(token)
    return text.replace("~", "~0").replace("/", "~1") if "~" in text or "/" in text else text


def unescape(token: str) -> str:
    """The inverse of :func:`escape`."""
    return token.replace("~1", "/").replace("~0", "~") if "~" in token else token


def join(base: str, *parts: str | int) -> str:
    """``base`` with reference tokens appended."""
    out = base
    for part in parts:
        out += "/" + escape(part)
    return out


def tokens(pointer: str) -> list[str]:
    """The unescaped reference tokens of ``pointer`` (``""`` → ``[]``)."""
    if not pointer:
        return []
    if "~" not in pointer:  # the common case: one split, no per-token work
        return pointer[1:].split("/")
    return [unescape(part) for part in pointer[1:].split("/")]
