"""The files a do-not-call index is built from, read into keys (E.164 digits as integers) and whether each is added.

What each format is (docs/dnc.md cites where each layout is published):

* **flat files** (the FTC's and Canada's DNCL full lists): one number a line, area code and
  number separated by a comma (``201,2345678``), or ten digits, or 11 starting with 1, or
  ``+`` and E.164 digits. Lines of the first two shapes are read in bulk (numpy); others one by one;
* **change lists**: a flat record with more fields, one of them saying ``A``/``add`` or
  ``D``/``delete`` (other fields, such as dates, are passed over);
* **XML** (the DNCL's full list, ``<list type='full'><ac val='416'><ph val='1234567'/>…``);
  a change list in XML is refused (its layout is not published: use the flat one);
* **tables** (a company's opt-out list, a state file): CSV or XLSX with a header row naming
  a phone column; each cell read as ``check`` reads a ``to_number``;
* a **ZIP archive** of any of these (as the registries serve them): every member in turn.

Blank lines are passed over. Every other line that holds no usable number is counted, with
its line number, in the source's :class:`SourceReport`; a file that cannot be read at all
raises :class:`SourceError`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING
from xml.parsers import expat

from validator.dnc import xlsx
from validator.knowledge.phones import analyze
from validator.readers.csv.header import looks_like_phone

ADD = frozenset({"A", "ADD", "ADDED", "ADDITION", "ADDITIONS"})
DELETE = frozenset({"D", "DEL", "DELETE", "DELETED", "DELETION", "DELETIONS"})
SHOWN_LINES = 5  # unreadable lines named by number; the rest are counted
BLOCK = 1 << 22  # bytes of a flat file parsed at once: ~350,000 lines, ~40 MB of temporaries
LONGEST_LINE = 1 << 16
NANP = 10**10  # +1 and ten digits: the key is NANP + the national number
_SPLIT = re.compile(r"[,;\t]")

if TYPE_CHECKING:
    from validator.dnc.index import Keys, Mask

    Emit = Callable[[Keys, Mask], None]


class SourceError(ValueError):
    """A source that cannot be used at all (unreadable, not a list of numbers); nothing is written."""


@dataclass
class SourceReport:
    """What one file (or archive member) gave: lines read, numbers added and deleted, lines it could not read."""

    name: str
    format: str
    lines: int = 0
    added: int = 0
    deleted: int = 0
    unreadable: int = 0
    unreadable_lines: list[int] = field(default_factory=list)  # the first SHOWN_LINES

    def bad(self, line: int) -> None:
        self.unreadable += 1
        if len(self.unreadable_lines) < SHOWN_LINES:
            self.unreadable_lines.append(line)

    def to_dict(self) -> dict[str, object]:
        return {k: v for k, v in vars(self).items() if k != "unreadable_lines"}


def read_source(path: Path, emit: Emit) -> list[SourceReport]:
    """Read one source file, handing keys to ``emit`` in file order; one report per file or archive member."""
    try:
        with path.open("rb") as file:
            head = file.read(4096)
            if head.startswith(b"PK\x03\x04"):
                return _read_archive(path, emit)
            return [_read_stream(path.name, file, head, emit)]
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _read_archive(path: Path, emit: Emit) -> list[SourceReport]:
    try:
        with zipfile.ZipFile(path) as archive:
            if xlsx.is_workbook(archive):
                report = SourceReport(path.name, "xlsx")
                _read_table(report, xlsx.rows(archive), emit)
                return [report]
            reports = []
            for member in archive.infolist():
                if member.is_dir():
                    continue
                with archive.open(member) as stream:
                    head = stream.read(4096)
                with archive.open(member) as stream:
                    reports.append(_read_stream(f"{path.name}:{member.filename}", stream, head, emit, rewind=False))
            return reports
    except (zipfile.BadZipFile, KeyError, ValueError, RuntimeError) as exc:  # RuntimeError: an encrypted member
        if isinstance(exc, SourceError):
            raise
        raise SourceError(f"{path}: cannot read the archive: {exc}") from None


def _read_stream(name: str, stream: IO[bytes], head: bytes, emit: Emit, *, rewind: bool = True) -> SourceReport:
    if rewind:
        stream.seek(0)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        report = SourceReport(name, "xml")
        _read_xml(report, stream, emit)
    elif any(looks_like_phone(cell.strip().strip('"')) for cell in _SPLIT.split(_first_line(text))):
        report = SourceReport(name, "csv")
        lines = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
        header = _first_line(text)
        reader = csv.reader(lines, delimiter=next((d for d in ",;\t" if d in header), ","))
        _read_table(report, ((reader.line_num, row) for row in reader), emit)
    else:
        report = SourceReport(name, "flat")
        _read_flat(report, stream, emit)
    if report.lines and not report.added and not report.deleted:
        raise SourceError(f"{name}: none of its {report.lines} lines holds a phone number (first at line {report.unreadable_lines[0]})")
    return report


def _first_line(text: bytes) -> str:
    return text.split(b"\n", 1)[0].decode("utf-8", "replace").strip()


def _read_flat(report: SourceReport, stream: IO[bytes], emit: Emit) -> None:
    """Blocks of whole lines; the common shapes parsed as arrays, the others line by line."""
    rest, line = b"", 0
    while True:
        block = stream.read(BLOCK)
        if not block:
            if rest.strip():
                line = _parse_block(report, rest + b"\n", line, emit)
            return
        data = rest + block
        cut = data.rfind(b"\n") + 1
        if cut == 0 and len(data) > LONGEST_LINE:
            raise SourceError(f"{report.name}: line {line + 1} is longer than {LONGEST_LINE} bytes: not a list of phone numbers")
        body, rest = data[:cut], data[cut:]
        if body:
            line = _parse_block(report, body, line, emit)


def _parse_block(report: SourceReport, body: bytes, before: int, emit: Emit) -> int:
    """Lines ``before + 1 …`` of a flat file (``body`` ends with a newline); returns the last line number."""
    import numpy as np

    data = np.frombuffer(body, dtype=np.uint8)
    ends = np.flatnonzero(data == 10)
    starts = np.concatenate(([0], ends[:-1] + 1))
    lengths = ends - starts
    lengths -= (lengths > 0) & (data[np.maximum(ends - 1, 0)] == 13)
    keys = np.zeros(len(ends), dtype=np.uint64)
    adds = np.ones(len(ends), dtype=bool)
    bad_before = report.unreadable
    done = lengths == 0  # blank lines, and lines read in bulk below
    usable = np.zeros(len(ends), dtype=bool)
    for width, comma in ((11, True), (10, False)):  # 201,2345678 and 2012345678
        rows = np.flatnonzero(lengths == width)
        if not len(rows):
            continue
        chars = data[starts[rows, None] + np.arange(width)]
        ok = chars[:, 3] == ord(",") if comma else np.ones(len(rows), dtype=bool)
        digits = (np.delete(chars, 3, axis=1) if comma else chars) - np.uint8(ord("0"))  # wraps below "0": > 9
        ok &= (digits <= 9).all(axis=1)
        ok &= (digits[:, 0] >= 2) & (digits[:, 3] >= 2)  # NPA and NXX start with 2-9
        value = (digits.astype(np.uint64) * 10 ** np.arange(9, -1, -1, dtype=np.uint64)).sum(axis=1)
        keys[rows[ok]] = value[ok] + np.uint64(NANP)
        usable[rows[ok]] = done[rows[ok]] = True
    for row in np.flatnonzero(~done).tolist():
        start = int(starts[row])
        parsed = parse_line(body[start : start + int(lengths[row])])
        if parsed is None:
            report.bad(before + row + 1)
        elif parsed is not BLANK:
            keys[row], adds[row] = parsed
            usable[row] = True
    report.lines += int(np.count_nonzero(usable)) + report.unreadable - bad_before
    _emit(report, keys[usable], adds[usable], emit)
    return before + len(ends)


def _emit(report: SourceReport, keys: Keys, adds: Mask, emit: Emit) -> None:
    import numpy as np

    added = int(np.count_nonzero(adds))
    report.added += added
    report.deleted += len(adds) - added
    if len(keys):
        emit(keys, adds)


BLANK = (0, True)  # a line with nothing on it: neither a number nor unreadable


def parse_line(raw: bytes) -> tuple[int, bool] | None:
    """One flat-file line → ``(key, added)``; :data:`BLANK` for a blank line; ``None`` when it holds no usable number."""
    text = raw.decode("utf-8", "replace").lstrip("\ufeff").strip()
    if not text:
        return BLANK
    fields = [f.strip().strip('"').strip() for f in _SPLIT.split(text)]
    actions = [f.upper() in ADD or f.upper() in DELETE for f in fields]
    if sum(actions) > 1:
        return None
    added = not any(actions) or fields[actions.index(True)].upper() in ADD
    rest = [f for f, action in zip(fields, actions, strict=True) if not action and f]
    key = _number(rest) if any(actions) else _number(rest, exact=True)
    return None if key is None else (key, added)


def _number(fields: list[str], *, exact: bool = False) -> int | None:
    """The one number in ``fields``; ``exact``: nothing else may be there (a change list's other fields are dates and such)."""
    found: list[int] = []
    for i, text in enumerate(fields):
        if text.isascii() and text.isdigit():
            if len(text) == 3 and i + 1 < len(fields) and len(fields[i + 1]) == 7 and fields[i + 1].isdigit():
                found.append(_national(text + fields[i + 1]))
            elif len(text) == 10 or (len(text) == 11 and text[0] == "1"):
                found.append(_national(text[-10:]))
            elif len(text) == 7 and i > 0 and len(fields[i - 1]) == 3 and fields[i - 1].isdigit():
                continue  # the number after its area code
            elif exact:
                return None
        elif text.startswith("+"):
            info = analyze(text)
            found.append(int(info.e164[1:]) if info.valid and info.e164 else -1)
        elif exact:
            return None
    return found[0] if len(found) == 1 and found[0] > 0 else None


def _national(ten: str) -> int:
    """Ten NANP digits → key; -1 when the area code or exchange starts with 0 or 1."""
    return NANP + int(ten) if ten[0] >= "2" and ten[3] >= "2" else -1


def _read_xml(report: SourceReport, stream: IO[bytes], emit: Emit) -> None:
    """``<ac val='416'><ph val='1234567'/>…</ac>``, inside ``<list type='full' …>``, parsed in one streaming pass."""
    import numpy as np

    parser = expat.ParserCreate()
    keys: list[int] = []
    area = ""

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal area
        if name == "list" and attributes.get("type", "full") != "full":
            raise SourceError(
                f"{report.name}: an XML {attributes.get('type')!r} list; only full lists are read in XML (use the flat text change list)"
            )
        if name == "ac":
            area = attributes.get("val", "")
        elif name == "ph":
            number = attributes.get("val", "")
            key = (
                _national(area + number)
                if len(area) == 3 and len(number) == 7 and (area + number).isascii() and (area + number).isdigit()
                else -1
            )
            report.lines += 1
            if key < 0:
                report.bad(parser.CurrentLineNumber)
            else:
                keys.append(key)
                if len(keys) >= 1 << 20:
                    _flush()

    def _flush() -> None:
        _emit(report, np.array(keys, dtype=np.uint64), np.ones(len(keys), dtype=bool), emit)
        keys.clear()

    parser.StartElementHandler = start
    # The DNCL's published sample closes <list …/> before its <ac> elements: a wrapper element makes any such file one document.
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    try:
        first = stream.read(BLOCK)
        text = decoder.decode(first)
        declaration = re.match(r"\s*<\?xml[^>]*\?>", text.lstrip("\ufeff"))
        body = text.lstrip("\ufeff")[declaration.end() :] if declaration else text.lstrip("\ufeff")
        parser.Parse("<retell-validate-wrapper>" + body, False)
        while block := stream.read(BLOCK):
            parser.Parse(decoder.decode(block), False)
        parser.Parse(decoder.decode(b"", final=True) + "</retell-validate-wrapper>", True)
    except expat.ExpatError as exc:
        raise SourceError(f"{report.name}: not well-formed XML: {expat.ErrorString(exc.code)} at line {exc.lineno}") from None
    _flush()


def _read_table(report: SourceReport, rows: Iterator[tuple[int, list[str]]], emit: Emit) -> None:
    """A header row naming a phone column, then one number a row, read as ``check`` reads a ``to_number``."""
    import numpy as np

    column = None
    keys: list[int] = []
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if column is None:
            column = next((i for i, cell in enumerate(cells) if looks_like_phone(cell.strip())), None)
            if column is None:
                raise SourceError(f"{report.name}: no phone column in the header row {cells[:8]} (name it 'phone number')")
            continue
        report.lines += 1
        info = analyze(cells[column].strip()) if column < len(cells) else None
        if info is None or not info.valid or info.e164 is None:
            report.bad(line)
        else:
            keys.append(int(info.e164[1:]))
    if column is None and report.format == "xlsx":
        raise SourceError(f"{report.name}: the first sheet is empty")
    _emit(report, np.array(keys, dtype=np.uint64), np.ones(len(keys), dtype=bool), emit)
