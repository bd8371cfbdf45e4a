"""Bytes to text, and text the API cannot carry: BOMs, other encodings, NUL bytes, lone surrogates."""

from __future__ import annotations

import codecs
import re
from typing import Any

from validator.diagnostics import Finding, Target
from validator.document import Issue, LineIndex, Span
from validator.pointer import join as pointer_join
from validator.readers import codes

BOMS = (  # (mark, codec, name); UTF-32 before UTF-16, whose mark begins UTF-32's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def decode(data: bytes) -> tuple[str | None, list[Issue]]:
    """Bytes → text. A UTF-8 BOM is a warning (RBV004); a UTF-16 or UTF-32 file is decoded but is an RBV007 error, as is undecodable input."""
    issues: list[Issue] = []
    encoding = "utf-8"
    for bom, name, label in BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            encoding = name
            if label == "UTF-8":  # the bytes after it are what the API reads: a warning
                finding = Finding("", "file starts with a UTF-8 byte order mark; the API expects plain UTF-8", "remove the BOM")
                issues.append(Issue(codes.BYTE_ORDER_MARK, finding, Span(1, 1)))
            else:  # sent as it is, every character is unreadable to the API: decoded to check the rest, but an error
                message = f"the file is {label} (it starts with a {label} byte order mark); the API reads UTF-8 only"
                issues.append(Issue(codes.ENCODING_ERROR, Finding("", message, "save the file as UTF-8 without a BOM"), Span(1, 1)))
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode(encoding, errors="replace")
        line, column = _position(before, len(before))
        what = "binary data" if _looks_binary(data) else f"invalid {encoding.upper()} byte {data[exc.start]:#04x}"
        issues.append(
            Issue(
                codes.ENCODING_ERROR,
                Finding("", f"cannot decode the file: {what} at byte {exc.start}", "save the file as UTF-8 text"),
                Span(line, column),
            )
        )
        return None, issues
    nul = text.find("\x00")
    if nul != -1:
        line, column = LineIndex(text).position(nul)
        issues.append(
            Issue(
                codes.ENCODING_ERROR,
                Finding("", "the file contains NUL bytes: binary data, not a text payload", "save the file as UTF-8 text"),
                Span(line, column),
            )
        )
        return None, issues
    return text, issues


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(data: Any) -> tuple[Any, list[Issue]]:
    """Unpaired surrogates (``"\\ud800"`` escapes) → U+FFFD, each string reported as RBV007.

    They are not Unicode: nothing can encode them as UTF-8, not the server and not our
    own reporters. Containers are updated in place (the reader owns them).
    """
    issues: list[Issue] = []

    def clean(pointer: str, text: str, target: Target) -> str:
        if not _SURROGATE.search(text):
            return text
        issues.append(
            Issue(
                codes.ENCODING_ERROR,
                Finding(
                    pointer,
                    "the string holds an unpaired UTF-16 surrogate escape: not valid Unicode, it cannot be sent as UTF-8",
                    "remove the \\uD8xx-\\uDFxx escape, or complete the surrogate pair",
                    target,
                ),
            )
        )
        return scrub(text)

    def clean_value(pointer: str, value: Any) -> Any:
        if isinstance(value, str):
            return clean(pointer, value, "value")
        if isinstance(value, dict | list):
            stack.append((pointer, value))
        return value

    stack: list[tuple[str, Any]] = []
    root = clean_value("", data)
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            items = []
            for key, value in node.items():
                key = clean(pointer_join(pointer, scrub(key)), key, "key")
                items.append((key, clean_value(pointer_join(pointer, key), value)))
            node.clear()  # rebuilt in order: a key may have changed
            node.update(items)
        else:
            node[:] = [clean_value(f"{pointer}/{index}", value) for index, value in enumerate(node)]
    return root, issues


def scrub(text: str) -> str:
    """``text`` with unpaired surrogates replaced, as :func:`replace_surrogates` stores it."""
    return _SURROGATE.sub("\ufffd", text)


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:1024] or data.startswith(b"\x89PNG")


def unencodable(text: str) -> list[Issue]:
    """Text handed in as ``str`` may hold lone surrogates, which no UTF-8 payload can."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        message = f"cannot encode the text as UTF-8: unpaired surrogate U+{ord(text[exc.start]):04X}"
        return [Issue(codes.ENCODING_ERROR, Finding("", message, "pass text that is valid Unicode"), Span(*_position(text, exc.start)))]
    return []


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of one offset (no index of every line for a single position)."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
