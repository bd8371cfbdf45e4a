"""The library entry points. They never print, and never raise on a bad payload.

A payload that cannot be parsed, or is not an object, comes back as a
:class:`Report` with diagnostics. Only a file that cannot be read at all
(missing, a directory, no permission) raises :class:`OSError`: that is not a
payload problem, and the CLI turns it into exit status 2.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, TypedDict, Unpack

from validator.diagnostics import Report
from validator.document import Document, Issue
from validator.engine.csv import CsvOptions, check_csv
from validator.engine.gc_pause import gc_paused
from validator.engine.pipeline import check_document
from validator.engine.suppressions import Suppressions, find_suppressions
from validator.files import FileTooLarge, open_regular, read_regular
from validator.openapi.load import Spec, load_spec
from validator.options import NOW
from validator.readers import READERS, InputFormat, codes, format_for_path, read_text, sniff_format
from validator.readers.decode import decode, unencodable
from validator.readers.python import read_python
from validator.settings import Settings

Now = datetime | int | str | None
DocumentSink = Callable[[Document], None]
# ``max_bytes``: a number, None (no limit) or "format": each format's own limit (READERS[...].max_bytes).
MaxBytes = int | None | Literal["format"]
DEFAULT_MAX_BYTES: MaxBytes = "format"


@dataclass(frozen=True)
class CheckOptions:
    """How inputs are read and checked: parsed once (the CLI, or a library call) and handed down unchanged.

    ``max_bytes``: input text over this many UTF-8 bytes is refused unread (RBV014; ``None``: no
    limit; ``"format"``, the default: the format's own limit, see :func:`byte_limit`). ``locate_first=N``: the caller shows at most N diagnostics (errors only with
    ``locate_errors_only``); the others may be left without a line, after them (see
    :func:`validator.engine.pipeline.check_document`).
    """

    settings: Settings = field(default_factory=Settings)
    spec: Spec | None = None
    format: InputFormat | None = None
    csv: CsvOptions | None = None
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES
    locate_first: int | None = None
    locate_errors_only: bool = False
    subjects: bool = False  # diagnostics carry the value they are about (stable identities: SARIF, GitLab)


def byte_limit(max_bytes: MaxBytes, format: InputFormat | None) -> int | None:
    """The byte limit for one input: ``"format"`` is the format's row in READERS (the largest when unknown)."""
    if max_bytes != "format":
        return max_bytes
    return READERS[format].max_bytes if format is not None else max(r.max_bytes for r in READERS.values())


class CheckArgs(TypedDict, total=False):
    """The keyword arguments :func:`validate_text` and :func:`validate_file` share: :class:`CheckOptions`' fields, and ``now``.

    ``now`` sets ``settings.now`` (any form :func:`~validator.settings.parse_now` reads); ``settings``
    ``None`` means the defaults. A bad value raises ``ValueError`` naming the argument (``now='junk' …``).
    """

    now: Now
    settings: Settings | None
    spec: Spec | None
    csv: CsvOptions | None
    max_bytes: MaxBytes
    locate_first: int | None
    locate_errors_only: bool
    subjects: bool


def _options(format: InputFormat | None, args: CheckArgs) -> CheckOptions:
    given: dict[str, Any] = dict(args)  # the other keys are CheckOptions' own fields (tests/config/test_settings.py)
    settings = given.pop("settings", None) or Settings()
    now = given.pop("now", None)
    if now is not None:
        settings = replace(settings, now=NOW.value(now))
    return CheckOptions(settings=settings, format=format, **given)


@gc_paused
def validate(payload: Any, *, now: Now = None, settings: Settings | None = None, spec: Spec | None = None) -> Report:
    """Check an already-parsed payload (a dict) as the JSON it would be sent as. Diagnostics carry pointers, no lines.

    Never raises on the payload: non-JSON values, non-string keys, NaN, cycles and
    deep nesting are diagnostics. The payload is not modified.
    """
    options = _options(None, {"now": now, "settings": settings})
    return check_document(read_python(payload), file=None, spec=spec or load_spec(), settings=options.settings)


def validate_text(text: str | bytes, format: InputFormat | None = None, *, file: str | None = None, **args: Unpack[CheckArgs]) -> Report:
    """Check JSON or YAML text (``format`` sniffed when omitted), or a CSV contact list. Diagnostics carry lines and columns.

    Keyword arguments: ``now``, ``settings``, ``spec``, ``csv``, ``max_bytes``, ``locate_first``,
    ``locate_errors_only``, ``subjects`` (see :class:`CheckOptions`).
    """
    return check_text(text, _options(format, args), file=file)


def validate_file(path: str | Path, *, format: InputFormat | None = None, **args: Unpack[CheckArgs]) -> Report:
    """Check a JSON, YAML or CSV file (format from the extension, else sniffed). The file is only read.

    Raises OSError if it cannot be read, including when it is not a regular file (a FIFO
    or device would block or never end). Keyword arguments as for :func:`validate_text`.
    """
    return check_file(path, _options(format, args))


@gc_paused
def check_text(text: str | bytes, options: CheckOptions, *, file: str | None = None, on_document: DocumentSink | None = None) -> Report:
    """:func:`validate_text` with its options already parsed (the CLI's entry point).

    ``on_document`` receives the parsed JSON or YAML document, for a command that acts on the
    payload it checked (``split``, ``hours``).
    """
    spec = options.spec or load_spec()
    if options.format == "csv" or options.format == "xlsx":
        raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
        limit = byte_limit(options.max_bytes, options.format)
        if limit is not None and len(raw) > limit:  # e.g. standard input cut at the limit
            document = Document(None, options.format, [codes.payload_too_large(len(raw), limit)])
            return check_document(document, file=file, spec=spec, settings=options.settings)
        return check_csv(
            io.BytesIO(raw),
            file=file,
            spec=spec,
            settings=options.settings,
            options=options.csv,
            subjects=options.subjects,
            format=options.format,
        )
    head = text[:4096]
    kind = options.format or sniff_format(head.decode("utf-8", "ignore") if isinstance(head, bytes) else head)
    decoded, issues = _decoded(text, byte_limit(options.max_bytes, kind))
    if decoded is None:
        return check_document(Document(None, options.format or "json", issues), file=file, spec=spec, settings=options.settings)
    document, reader = read_text(decoded, options.format)
    if on_document is not None:
        on_document(document)
    suppressions = find_suppressions(decoded) if reader.comments else Suppressions()
    document.issues[:0] = [*issues, *suppressions.issues]
    report = check_document(
        document,
        file=file,
        spec=spec,
        settings=options.settings,
        # suppressions apply by line: then every diagnostic needs one
        locate_first=None if suppressions.by_line else options.locate_first,
        locate_errors_only=options.locate_errors_only,
        subjects=options.subjects,
    )
    return suppressions.apply(report)


@gc_paused
def check_file(path: str | Path, options: CheckOptions, *, on_document: DocumentSink | None = None) -> Report:
    """:func:`validate_file` with its options already parsed (the CLI's entry point); ``on_document`` as for :func:`check_text`."""
    path = Path(path)
    options = replace(options, format=options.format or format_for_path(path))
    name = printable_path(path)
    if options.format == "csv" or options.format == "xlsx":  # streamed: a contact list may have a million rows
        with open_regular(path) as stream:
            return check_csv(
                stream,
                file=name,
                spec=options.spec or load_spec(),
                settings=options.settings,
                options=options.csv,
                subjects=options.subjects,
                format=options.format,
            )
    try:  # unknown format: the largest limit here, and check_text applies the sniffed format's
        data = read_regular(path, byte_limit(options.max_bytes, options.format))
    except FileTooLarge as exc:
        document = Document(None, options.format or "json", [codes.payload_too_large(exc.size, exc.limit)])
        return check_document(document, file=name, spec=options.spec or load_spec(), settings=options.settings)
    return check_text(data, options, file=name, on_document=on_document)


def printable_path(path: Path) -> str:
    """The path as text any terminal can print (undecodable file-name bytes become U+FFFD)."""
    return os.fsencode(path).decode("utf-8", "replace")


def _decoded(text: str | bytes, max_bytes: int | None) -> tuple[str | None, list[Issue]]:
    """The text to parse (``None`` when it cannot be) and what decoding noticed (BOM, bad bytes, size)."""
    size = len(text) if isinstance(text, bytes) or text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    if max_bytes is not None and size > max_bytes:
        return None, [codes.payload_too_large(size, max_bytes)]
    if isinstance(text, str):
        surrogates = [] if text.isascii() else unencodable(text)
        if surrogates or not text.startswith("\ufeff"):
            return (None if surrogates else text), surrogates
        text = text.encode("utf-8")
    return decode(text)
