"""One uploaded file and its form fields, streamed from a ``multipart/form-data`` body into the request's temporary folder.

The body is parsed as it arrives (python-multipart's push parser), so nothing is held in memory
but the small form fields, and a file over its format's limit is refused as soon as its size is
known, unwritten past it. The file is stored under a name of our own (``upload`` and the
extension), never the browser's: a name such as ``../../x.csv`` only names the file in
reports. A body that stalls, or takes longer than the deadline, is refused (408); a body that is
not ``multipart/form-data`` with exactly one file in the field ``file``, or does not end with
its last boundary, is malformed (400). :class:`Refused` carries the status and the message.
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import IO

import anyio
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from validator.readers import READERS, InputFormat, format_for_path

FILE_FIELD = "file"
MAX_FIELDS = 32
MAX_FIELD_BYTES = 4096  # a form field is a word, a time or a time zone
DRAIN_BYTES = 64 * 1024 * 1024  # read past a refused file up to this much, so the client gets the answer before the connection closes
ENVELOPE_BYTES = 256 * 1024  # the multipart framing and the form fields around the file
_NAME_LIMIT = 200
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]")  # control characters and bidirectional overrides


class Refused(Exception):
    """A request answered with an error: its HTTP status and a message for the person."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


@dataclass(frozen=True)
class Limits:
    """How long a body may take: ``idle`` seconds without a byte, ``total`` seconds in all."""

    idle: float = 30.0
    total: float = 600.0


@dataclass
class Upload:
    """The file, stored in the request's folder, the name it is shown by, its format, and the form fields."""

    path: Path
    name: str
    format: InputFormat
    fields: dict[str, str] = field(default_factory=dict)


def largest_upload() -> int:
    """The largest body any upload may need: the largest format's limit and the envelope around it."""
    return max(reader.max_bytes for reader in READERS.values()) + ENVELOPE_BYTES


def shown_name(raw: str) -> str:
    """The browser's file name as reports show it: the last path component, without control characters, at most 200 characters."""
    name = _UNSAFE_NAME.sub("", re.split(r"[\\/]", raw)[-1]).strip()
    if name in ("", ".", ".."):
        return "upload"
    if len(name) > _NAME_LIMIT:
        suffix = PurePath(name).suffix[:16]
        name = name[: _NAME_LIMIT - len(suffix) - 1] + "…" + suffix
    return name


def _megabytes(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


class _Reader:
    """The push parser's callbacks: headers of each part, the file written to disk, fields kept in memory."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.upload: Upload | None = None
        self.fields: dict[str, str] = {}
        self.ended = False
        self.file_bytes = 0
        self.limit = 0
        self.over = False  # the file passed its limit: the rest of the body is read and dropped
        self._handle: IO[bytes] | None = None
        self._headers: dict[bytes, bytes] = {}
        self._header_name = bytearray()
        self._header_value = bytearray()
        self._name: str | None = None
        self._value = bytearray()
        self._is_file = False

    # python-multipart calls these with (data, start, end) slices of the chunk being parsed.
    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[bytes(self._header_name).lower()] = bytes(self._header_value)
        self._header_name.clear()
        self._header_value.clear()

    def on_part_begin(self) -> None:
        self._headers = {}
        self._value.clear()
        self._name = None
        self._is_file = False

    def on_headers_finished(self) -> None:
        disposition, params = parse_options_header(self._headers.get(b"content-disposition"))
        if disposition != b"form-data" or b"name" not in params:
            raise Refused(400, "each part of the form needs a Content-Disposition: form-data header with a name")
        name = params[b"name"].decode("utf-8", "replace")
        if b"filename" in params:
            self._open_file(name, params[b"filename"].decode("utf-8", "replace"))
            return
        if name in self.fields or name == FILE_FIELD:
            raise Refused(400, f"the form field {name!r} is given twice" if name != FILE_FIELD else "send the file with its file name")
        if len(self.fields) >= MAX_FIELDS:
            raise Refused(400, f"more than {MAX_FIELDS} form fields")
        self._name = name

    def _open_file(self, name: str, filename: str) -> None:
        if name != FILE_FIELD:
            raise Refused(400, f"send the file in the form field {FILE_FIELD!r}, not {name!r}")
        if self.upload is not None:
            raise Refused(400, "one file per request")
        shown = shown_name(filename)
        format = format_for_path(PurePath(shown))
        if format is None:
            kinds = ", ".join(suffix for reader in READERS.values() for suffix in reader.suffixes)
            raise Refused(415, f"{shown}: not a file this page reads; it reads {kinds}")
        self.limit = READERS[format].max_bytes
        path = self.folder / f"upload{PurePath(shown).suffix.lower()}"
        self.upload = Upload(path, shown, format)
        self._handle = path.open("xb")
        self._is_file = True

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._is_file:
            self.file_bytes += end - start
            if self.file_bytes > self.limit:
                self.over = True
                self._close()
            elif self._handle is not None:
                self._handle.write(data[start:end])
            return
        self._value += data[start:end]
        if len(self._value) > MAX_FIELD_BYTES:
            raise Refused(400, f"the form field {self._name!r} is longer than {MAX_FIELD_BYTES} bytes")

    def on_part_end(self) -> None:
        if self._is_file:
            self._close()
        elif self._name is not None:
            try:
                self.fields[self._name] = self._value.decode("utf-8")
            except UnicodeDecodeError:
                raise Refused(400, f"the form field {self._name!r} is not UTF-8 text") from None

    def on_end(self) -> None:
        self.ended = True

    def _close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def close(self) -> None:
        self._close()


async def receive_upload(content_type: str | None, body: AsyncIterator[bytes], folder: Path, limits: Limits) -> Upload:
    """Read the body into ``folder``: the file, its name and format, and the form fields; :class:`Refused` when it cannot be."""
    kind, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise Refused(400, f"send multipart/form-data with the file in the field {FILE_FIELD!r} (the options as fields beside it)")
    reader = _Reader(folder)
    callbacks = {name: getattr(reader, name) for name in dir(reader) if name.startswith("on_")}
    try:
        parser = MultipartParser(boundary, callbacks)  # type: ignore[arg-type]  # python-multipart types the callbacks as a TypedDict
    except (FormParserError, ValueError) as exc:
        raise Refused(400, f"malformed multipart body: {exc}") from None
    deadline = time.monotonic() + limits.total
    drained = 0
    try:
        async for chunk in _timed(body, limits.idle, deadline):
            if reader.over:
                drained += len(chunk)
                if drained > DRAIN_BYTES:
                    break
                continue
            try:
                parser.write(chunk)
            except (FormParserError, ValueError) as exc:
                raise Refused(400, f"malformed multipart body: {exc}") from None
    finally:
        reader.close()
    if reader.over and reader.upload is not None:
        raise Refused(
            413,
            f"{reader.upload.name} is larger than {_megabytes(reader.limit)}, the limit for {reader.upload.format.upper()} files "
            "(split it, or check it with `retell-validate check`)",
        )
    if not reader.ended:
        raise Refused(400, "malformed multipart body: it ends before its last boundary")
    if reader.upload is None:
        raise Refused(400, f"no file: send it in the form field {FILE_FIELD!r}, with its file name")
    reader.upload.fields = reader.fields
    return reader.upload


async def _timed(body: AsyncIterator[bytes], idle: float, deadline: float) -> AsyncIterator[bytes]:
    """The body's chunks; :class:`Refused` (408) when none comes for ``idle`` seconds or the deadline passes."""
    iterator = body.__aiter__()
    while True:
        wait = min(idle, deadline - time.monotonic())
        try:
            with anyio.fail_after(max(wait, 0.0)):
                chunk = await iterator.__anext__()
        except StopAsyncIteration:
            return
        except TimeoutError:
            stalled = wait == idle
            raise Refused(408, f"the upload stalled for {idle:g} seconds" if stalled else "the upload took too long") from None
        yield chunk
