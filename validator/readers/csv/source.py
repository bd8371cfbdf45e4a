"""CSV files as a stream of records: encoding, separator, and the source text of each record.

Only the header line is sniffed; records are parsed by the C ``csv`` module one
at a time, so memory stays flat whatever the file size. Each record keeps its
source text and first line so cell positions can be computed later, and only
for the records that got a diagnostic (:func:`cell_spans`).
"""

from __future__ import annotations

import bisect
import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, ClassVar, Protocol

from validator.diagnostics import Finding
from validator.document import Issue, Span
from validator.readers import codes

DELIMITERS = (",", ";", "\t", "|")
# The csv module's default cell limit (128 KiB) turned one long cell into an "unclosed
# quote" and left the rest unchecked; the input's size is bounded (--max-bytes), so a
# cell may be as long as the file. Process-wide, and only ever raised.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
_UNDECODABLE = re.compile("[\udc80-\udcff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SAVE_AS_UTF8 = "in Excel: File › Save As › “CSV UTF-8 (Comma delimited)”; Google Sheets downloads are always UTF-8"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTAINERS = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or another ZIP archive", "in Excel: File › Save As › “CSV UTF-8 (Comma delimited)”"),
    (b"\xd0\xcf\x11\xe0", "a legacy Excel workbook (.xls)", "in Excel: File › Save As › “CSV UTF-8 (Comma delimited)”"),
)


class Row(Protocol):
    """One row of a contact list, whatever holds it (a CSV record, a sheet row)."""

    @property
    def cells(self) -> list[str]: ...

    @property
    def line(self) -> int:
        """Where the row starts in the file: the line of a CSV, the row of a sheet (positions)."""

    @property
    def row(self) -> int:
        """The row number a spreadsheet shows (the header is row 1): what messages name."""

    @property
    def numbers(self) -> frozenset[int]:
        """The columns whose cells a workbook holds as numbers, not text (a CSV has none)."""

    def spans(self) -> list[Span]:
        """The position of each cell."""

    def row_span(self) -> Span:
        """The position of the whole row."""

    def cell(self, column: int) -> str:
        """How a message names a cell of the row: ``row 12`` in a CSV, ``A12`` in a sheet."""


@dataclass(frozen=True, slots=True)
class Record:
    """One CSV record: its cells, the line it starts on, its row number, its source text and separator."""

    cells: list[str]
    line: int
    raw: str
    row: int = 1
    delimiter: str = ","
    _line_starts: list[int] = field(default_factory=list, compare=False, repr=False)  # filled on first use
    numbers: ClassVar[frozenset[int]] = frozenset()

    def cell(self, column: int) -> str:
        return f"row {self.row}"

    def spans(self) -> list[Span]:
        """The span of each cell (quotes included), computed from the source text."""
        return [self.span(start, end) for start, end in cell_spans(self.raw, self.delimiter)[0]]

    def span(self, start: int, end: int) -> Span:
        return Span(*self._position(start), *self._position(end))

    def row_span(self) -> Span:
        return self.span(0, len(self.raw.rstrip("\r\n")))

    def _position(self, offset: int) -> tuple[int, int]:
        # The record's line starts, found once and bisected: scanning from the record's start
        # for every cell made a long record quadratic.
        if not self._line_starts:
            self._line_starts.append(0)
            self._line_starts.extend(match.end() for match in _LINE_BREAK.finditer(self.raw))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return self.line + index, offset - self._line_starts[index] + 1


def cell_spans(raw: str, delimiter: str) -> tuple[list[tuple[int, int]], int | None]:
    """Offsets of each cell in a record's text, split the way the ``csv`` module splits it,
    and the offset of a quote still open at the end (None when every quote closed)."""
    spans: list[tuple[int, int]] = []
    start = pos = 0
    opened: int | None = None
    while pos < len(raw):
        char = raw[pos]
        if opened is not None:
            if char == '"':
                if raw.startswith('""', pos):
                    pos += 1
                else:
                    opened = None
        elif char == '"' and pos == start:
            opened = pos
        elif char == delimiter:
            spans.append((start, pos))
            start = pos + 1
        elif char in "\r\n":
            break
        pos += 1
    spans.append((start, pos))
    return spans, opened


@dataclass
class CsvText:
    """A decoded CSV stream. ``records()`` yields each record once; ``issues`` fills as it goes."""

    delimiter: str
    encoding: str
    issues: list[Issue] = field(default_factory=list)
    _lines: Iterator[str] = field(default_factory=lambda: iter(()))
    _bad_lines: int = 0
    _first_bad: tuple[int, str] | None = None
    exact: bool = False  # keep undecodable bytes as they are (surrogates) instead of U+FFFD: a fix writes them back

    def rows(self) -> Iterator[Record]:
        pending: list[str] = []

        def lines() -> Iterator[str]:
            for line in self._lines:
                pending.append(line)
                yield line

        reader = csv.reader(lines(), delimiter=self.delimiter)
        start, previous, delimiter = 1, None, self.delimiter
        try:
            for row, cells in enumerate(reader, 1):
                raw = "".join(pending)
                pending.clear()
                if _UNDECODABLE.search(raw):
                    cells, raw = self._undecodable(cells, raw, start)
                if previous is not None:
                    yield previous
                previous = Record(cells, start, raw, row, delimiter)
                start = reader.line_num + 1
        except csv.Error:  # in practice a field over the size limit: an unclosed quote swallowing the file
            self.issues.append(self._unclosed(Record([], start, "".join(pending), delimiter=delimiter)))
        except UnicodeDecodeError as exc:
            line = reader.line_num + 1
            self.issues.append(
                _issue(codes.CSV_ENCODING, f"line {line} cannot be decoded as {self.encoding.upper()}: {exc.reason}", Span(line, 1))
            )
        if previous is not None:
            if cell_spans(previous.raw, self.delimiter)[1] is not None:
                self.issues.append(self._unclosed(previous))
            yield previous
        self._report_undecodable()

    def _unclosed(self, record: Record) -> Issue:
        opened = cell_spans(record.raw, self.delimiter)[1] or 0
        at = record.span(opened, opened + 1)
        message = f"the quote opened at line {at.line} never closes: the rest of the file is read as one cell, and its rows are not checked"
        hint = 'close the quote; inside a quoted cell write a literal quote as ""'
        return _issue(codes.CSV_UNCLOSED_QUOTE, message, Span(at.line, at.column), hint=hint)

    def _undecodable(self, cells: list[str], raw: str, line: int) -> tuple[list[str], str]:
        """Count the record, remember the first, and hand on text with U+FFFD for the bad bytes."""
        self._bad_lines += 1
        if self._first_bad is None:
            self._first_bad = (line, raw)
        if self.exact:
            return cells, raw
        return [_UNDECODABLE.sub("\ufffd", cell) for cell in cells], _UNDECODABLE.sub("\ufffd", raw)

    def _report_undecodable(self) -> None:
        if self._first_bad is None:
            return
        line, raw = self._first_bad
        match = _UNDECODABLE.search(raw)
        assert match is not None
        record = Record([], line, raw, delimiter=self.delimiter)
        at = record.span(match.start(), match.end())
        byte = ord(match.group()) - 0xDC00
        word = _word_around(raw, match.start())
        as_1252 = word.encode("utf-8", "surrogateescape").decode("cp1252", "replace")
        more = f" (and {self._bad_lines - 1:,} more line{'s' if self._bad_lines > 2 else ''})" if self._bad_lines > 1 else ""
        message = (
            f"line {at.line} is not UTF-8: byte {byte:#04x} in “{word.encode('utf-8', 'surrogateescape').decode('utf-8', 'replace')}”"
            f" reads as “{as_1252}” in Windows-1252, the encoding of Excel's plain “CSV”{more}; these values would arrive garbled"
        )
        self.issues.append(_issue(codes.CSV_ENCODING, message, Span(at.line, at.column), hint=_SAVE_AS_UTF8))


def open_csv(stream: BinaryIO, delimiter: str | None = None, *, exact: bool = False) -> CsvText | Issue:
    """Detect the encoding and separator of a seekable binary stream; an :class:`Issue` when it is no text."""
    head = stream.read(4096)
    stream.seek(0)
    for magic, what, hint in _CONTAINERS:
        if head.startswith(magic):
            return _issue(codes.CSV_ENCODING, f"the file is {what}, not CSV text", Span(1, 1), hint=hint)
    encoding = _encoding(head)
    if encoding is None:
        return _issue(codes.CSV_ENCODING, "the file contains NUL bytes: binary data, not CSV text", Span(1, 1), hint=_SAVE_AS_UTF8)
    errors = "surrogateescape" if encoding.startswith("utf-8") else "strict"
    text = io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline="")
    try:
        first = text.readline()
    except UnicodeDecodeError as exc:
        return _issue(codes.CSV_ENCODING, f"cannot decode the file as {encoding.upper()}: {exc.reason}", Span(1, 1), hint=_SAVE_AS_UTF8)
    rest: Iterator[str] = iter(text)
    return CsvText(delimiter or sniff_delimiter(first), encoding, _lines=_chain(first, rest), exact=exact)


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def _encoding(head: bytes) -> str | None:
    """The codec for the stream: by BOM, UTF-16 without BOM by its NUL pattern, else UTF-8; None for binary."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    sample = head[:200]
    if b"\x00" not in sample:
        return "utf-8"
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4 and 0 not in sample[0::2][:2]:
        return "utf-16-le"
    if len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 4 and 0 not in sample[1::2][:2]:
        return "utf-16-be"
    return None


def sniff_delimiter(header_line: str) -> str:
    """The separator that splits the header into the most cells (``,`` first on a tie, and by default)."""
    return max(DELIMITERS, key=lambda d: len(next(csv.reader([header_line], delimiter=d), [])))


def _word_around(text: str, offset: int) -> str:
    """The run of non-separator characters around an offset, for quoting a garbled value."""
    start = offset
    while start > 0 and text[start - 1] not in ',;\t|\r\n"':
        start -= 1
    end = offset
    while end < len(text) and text[end] not in ',;\t|\r\n"':
        end += 1
    return text[start:end][:40]


def _issue(code: str, message: str, span: Span, *, hint: str | None = None) -> Issue:
    return Issue(code, Finding("", message, hint), span)
