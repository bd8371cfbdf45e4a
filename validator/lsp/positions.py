"""Offsets in a text ↔ the line/column pairs of the validator's readers and of LSP.

The readers report 1-based lines and 1-based columns counted in code points,
each with its own idea of a line break: JSON only ``\\n`` (:class:`LineIndex`),
YAML also ``\\r``, NEL, LS and PS (libyaml), CSV ``\\r\\n``, ``\\r`` or ``\\n``.
LSP counts 0-based lines broken at ``\\r\\n``, ``\\r`` or ``\\n`` only, and
columns in the code units of the negotiated encoding (UTF-16 unless the
client offers another). Everything goes through an absolute code-point offset.
"""

from __future__ import annotations

import bisect
import re
from typing import Literal

Encoding = Literal["utf-8", "utf-16", "utf-32"]

READER_BREAKS = {
    "json": re.compile("\n"),
    "yaml": re.compile("\r\n|[\r\n\x85\u2028\u2029]"),
    "csv": re.compile("\r\n|[\r\n]"),
}
LSP_BREAKS = re.compile("\r\n|[\r\n]")
_RARE_BREAKS = "\r\x85\u2028\u2029"


class Lines:
    """Line starts of ``text`` under one convention of line breaks."""

    def __init__(self, text: str, breaks: re.Pattern[str] = LSP_BREAKS) -> None:
        self.text = text
        if not any(char in text for char in _RARE_BREAKS):  # then every convention breaks at \n only: ~10x faster
            ends = _newlines(text)
            self.starts = [0, *(end + 1 for end in ends)]
        else:
            found = list(breaks.finditer(text))
            ends = [m.start() for m in found]
            self.starts = [0, *(m.end() for m in found)]
        # Where each line's content ends (before its break): a column never reaches into the break.
        self.ends = [*ends, len(text)]

    def offset(self, line: int, column: int) -> int:
        """1-based reader line and code-point column → offset, clamped to the line (and the text)."""
        index = min(max(line, 1), len(self.starts)) - 1
        return min(self.starts[index] + max(column, 1) - 1, self.ends[index])

    def line_of(self, offset: int) -> int:
        """0-based line holding ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1

    def span(self, line: int | None, column: int | None, end_line: int | None, end_column: int | None) -> tuple[int, int]:
        """A reader's span → (start, end) offsets. No position: the start of the text. No end: the character at
        the start (nothing at the end of a line), so a syntax error still underlines something."""
        if line is None or column is None:
            return 0, 0
        start = self.offset(line, column)
        if end_line is None or end_column is None:
            return start, min(start + 1, self.ends[self.line_of(start)])
        return start, max(start, self.offset(end_line, end_column))


def reader_lines(text: str, fmt: str) -> Lines:
    """The lines of ``text`` as the reader of ``fmt`` counts them."""
    return Lines(text, READER_BREAKS.get(fmt, LSP_BREAKS))


def _newlines(text: str) -> list[int]:
    found = []
    find = text.find
    position = find("\n")
    while position != -1:
        found.append(position)
        position = find("\n", position + 1)
    return found


# Characters that take more than one code unit: astral ones in UTF-16, any non-ASCII one in UTF-8.
_WIDE = {"utf-16": re.compile("[\U00010000-\U0010ffff]"), "utf-8": re.compile("[^\x00-\x7f]")}
_NONE: tuple[list[int], list[int]] = ([], [])


def _extra_units(char: str, encoding: Encoding) -> int:
    """Code units beyond the first for one character (a lone surrogate is one UTF-16 unit, three UTF-8 bytes)."""
    if encoding == "utf-16":
        return 1
    code = ord(char)
    return 1 if code < 0x800 else 2 if code < 0x10000 else 3


class LspText:
    """Offsets ↔ LSP positions for one document text.

    Each line's wide characters are found once, with a regular expression, when a position on
    it is first asked for: a one-line document with thousands of findings is scanned once, and
    each position is then a bisection, never a walk from the line's start.
    """

    def __init__(self, text: str, encoding: Encoding = "utf-16") -> None:
        self.lines = Lines(text)
        self.encoding = encoding
        self._wide: dict[int, tuple[list[int], list[int]]] = {}  # line → (offsets of wide characters, extra units through each)

    @property
    def text(self) -> str:
        return self.lines.text

    def _table(self, line: int) -> tuple[list[int], list[int]]:
        found = self._wide.get(line)
        if found is None:
            start, end = self.lines.starts[line], self.lines.ends[line]
            found = _NONE
            if self.encoding != "utf-32" and not self.text[start:end].isascii():
                offsets, extras, total = [], [], 0
                for match in _WIDE[self.encoding].finditer(self.text, start, end):
                    total += _extra_units(match.group(), self.encoding)
                    offsets.append(match.start())
                    extras.append(total)
                found = (offsets, extras)
            self._wide[line] = found
        return found

    def _units_before(self, line: int, offset: int) -> int:
        """Code units from the start of ``line`` to ``offset`` (on that line)."""
        offsets, extras = self._table(line)
        wide = bisect.bisect_left(offsets, offset)
        return offset - self.lines.starts[line] + (extras[wide - 1] if wide else 0)

    def position(self, offset: int) -> tuple[int, int]:
        """Offset → (0-based line, character in code units)."""
        offset = min(max(offset, 0), len(self.text))
        line = self.lines.line_of(offset)
        return line, self._units_before(line, offset)

    def offset(self, line: int, character: int) -> int:
        """LSP position → offset; past the end of a line means its end, past the last line the text's end.

        A character inside a wide one (between a surrogate pair's units) means the offset after it.
        """
        if line >= len(self.lines.starts):
            return len(self.text)
        line = max(line, 0)
        low, high = self.lines.starts[line], self.lines.ends[line]
        if not self._table(line)[0]:
            return min(low + max(character, 0), high)
        while low < high:  # the first offset with at least `character` units before it
            middle = (low + high) // 2
            if self._units_before(line, middle) >= character:
                high = middle
            else:
                low = middle + 1
        return low
