"""A parsed payload, what its reader noticed, and a way back to source positions.

Positions are found lazily: a reader keeps the text and answers
:meth:`Locator.locate` only for the pointers that got a diagnostic, so a clean
100,000-task file never pays for a source map.
"""

from __future__ import annotations

import bisect
import codecs
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
    from validator.rules import byte_order_mark, encoding_error

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


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:1024] or data.startswith(b"\x89PNG")
