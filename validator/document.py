"""A parsed payload, what its reader noticed, and a way back to source positions.

Positions are found lazily: a reader keeps the text and answers
:meth:`Locator.locate` only for the pointers that got a diagnostic, so a clean
100,000-task file never pays for a source map.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Sequence
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


Refine = Callable[[list["Issue"], Callable[[str], bool]], list["Issue"]]


class Locator(Protocol):
    def locate(self, requests: Collection[LocateRequest]) -> dict[LocateRequest, Span]: ...


@dataclass
class Document:
    """What a reader produced: the data (``None`` when unusable) and its issues."""

    data: Any
    format: str
    issues: list[Issue] = field(default_factory=list)
    locator: Locator | None = None
    # The reader's last word on the finished issues, given a test for "is this code an
    # error by default" (YAML: an error its 1.1 guessing caused is explained, not repeated).
    refine: Refine | None = None
    task_offset: int = 0  # a chunk of a longer input: its tasks[0] is the input's tasks[task_offset]
    task_rows: Sequence[int] | None = None  # a contact list: the spreadsheet row of each task, which messages name

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
