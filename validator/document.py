"""A parsed payload, what its reader noticed, and a way back to source positions.

Positions are found lazily: a reader keeps the text and answers
:meth:`Locator.locate` only for the pointers that got a diagnostic, so a clean
100,000-task file never pays for a source map.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, Protocol

from validator.diagnostics import Finding, Target


@dataclass(frozen=True, slots=True)
class Span:
    """1-based line and column of a start position, with an optional end."""

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True, slots=True)
class Issue:
    """A finding tagged with its rule code; ``span`` when the reader knows the position."""

    code: str
    finding: Finding
    span: Span | None = None


LocateRequest = tuple[str, Target]


class Locator(Protocol):
    def locate(self, requests: Collection[LocateRequest]) -> dict[LocateRequest, Span]: ...


@dataclass
class Document:
    """What a reader produced: the data (``None`` when unusable) and its issues."""

    data: Any
    format: str
    issues: list[Issue] = field(default_factory=list)
    locator: Locator | None = None
    # YAML 1.1 implicit conversions, by pointer: the engine decides whether each
    # explains a schema error (RBV008) or stands alone (RBV009).
    implicit_conversions: dict[str, Finding] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return isinstance(self.data, dict)


class LineIndex:
    """Offsets → (line, column), 1-based, column in characters."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """The inverse of :meth:`position`: 1-based line and column → offset."""
        return self._starts[line - 1] + column - 1

    def span(self, start: int, end: int | None = None) -> Span:
        line, column = self.position(start)
        if end is None:
            return Span(line, column)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def decode(data: bytes) -> tuple[str | None, list[Issue]]:
    """Bytes → text. A BOM is honoured with a warning; undecodable input is an RBV007 error."""
    from validator.rules.input import byte_order_mark, encoding_error

    issues: list[Issue] = []
    encoding = "utf-8"
    for bom, name, label in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            encoding = name
            hint = "save the file as UTF-8 without a BOM" if label != "UTF-8" else "remove the BOM"
            issues.append(
                Issue(
                    byte_order_mark.CODE,
                    Finding("", f"file starts with a {label} byte order mark; the API expects plain UTF-8", hint),
                    Span(1, 1),
                )
            )
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode(encoding, errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        what = "binary data" if _looks_binary(data) else f"invalid {encoding.upper()} byte {data[exc.start]:#04x}"
        issues.append(
            Issue(
                encoding_error.CODE,
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
                encoding_error.CODE,
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
    from validator.pointer import join as pointer_join
    from validator.rules.input import encoding_error

    issues: list[Issue] = []

    def clean(pointer: str, text: str, target: Target) -> str:
        if not _SURROGATE.search(text):
            return text
        issues.append(
            Issue(
                encoding_error.CODE,
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
