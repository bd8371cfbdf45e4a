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
from validator.engine.pipeline import check_document
from validator.engine.suppressions import Suppressions, find_suppressions
from validator.files import FileTooLarge, open_regular, read_regular
from validator.openapi.load import Spec, SpecError, load_spec
from validator.openapi.user import load_user_spec
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
    ``None`` means the defaults; ``spec`` a :class:`~validator.openapi.load.Spec` or the path of an
    OpenAPI document (checked like ``--spec``). A value of the wrong type raises ``TypeError``, a bad
    value ``ValueError``, each naming the argument (``now='junk' …``, ``max_bytes=-1 …``).
    """

    now: Now
    settings: Settings | None
    spec: Spec | str | Path | None
    csv: CsvOptions | None
    max_bytes: MaxBytes
    locate_first: int | None
    locate_errors_only: bool
    subjects: bool


def _options(function: str, format: InputFormat | None, args: CheckArgs) -> CheckOptions:
    """The library's arguments checked and made into :class:`CheckOptions`; errors name the argument, as the caller wrote it."""
    given: dict[str, Any] = dict(args)  # the other keys are CheckOptions' own fields (tests/config/test_settings.py)
    unknown = sorted(set(given) - set(CheckArgs.__annotations__))
    if unknown:
        raise TypeError(f"{function}() got an unexpected keyword argument {unknown[0]!r} (it takes {', '.join(CheckArgs.__annotations__)})")
    if format is not None and format not in READERS:
        raise ValueError(
            f"format={format!r} is not an input format: use {', '.join(map(repr, READERS))} or None (by extension, else sniffed)"
        )
    settings = _instance(
        "settings", given.pop("settings", None), Settings, "a validator.Settings (or validator.config.load_settings(path))"
    )
    now = given.pop("now", None)
    if now is not None:
        settings = replace(settings or Settings(), now=NOW.value(now))
    given["spec"] = _spec(given.get("spec"))
    _instance("csv", given.get("csv"), CsvOptions, "a validator.engine.csv.CsvOptions")
    _count("max_bytes", given.get("max_bytes"), "a number of bytes, None (no limit) or 'format' (each format's own)", "format")
    _count("locate_first", given.get("locate_first"), "a number of diagnostics or None (all)")
    return CheckOptions(settings=settings or Settings(), format=format, **given)


def _instance(name: str, value: Any, kind: type[Any], what: str) -> Any:
    if value is not None and not isinstance(value, kind):
        raise TypeError(f"{name}= takes {what} or None, not {type(value).__name__}")
    return value


def _count(name: str, value: Any, what: str, *words: str) -> None:
    """``value`` is None, one of ``words`` or a whole number ≥ 0; else a ValueError naming the argument."""
    if value is None or (isinstance(value, str) and value in words):
        return
    if type(value) is not int or value < 0:
        raise ValueError(f"{name}={value!r} is not {what}")


def _spec(value: Any) -> Spec | None:
    """``spec=``: a Spec, or the path of an OpenAPI document read and checked as ``--spec`` would (a SpecError names it)."""
    if value is None or isinstance(value, Spec):
        return value
    if isinstance(value, str | Path):
        try:
            return load_user_spec(value)
        except SpecError as exc:
            raise SpecError(f"spec={str(value)!r}: {exc}") from None
    raise TypeError(f"spec= takes a Spec or the path of an OpenAPI document, not {type(value).__name__}")


def validate(payload: Any, *, now: Now = None, settings: Settings | None = None, spec: Spec | str | Path | None = None) -> Report:
    """Check an already-parsed payload (a dict) as the JSON it would be sent as. Diagnostics carry pointers, no lines.

    Never raises on the payload: non-JSON values, non-string keys, NaN, cycles and
    deep nesting are diagnostics. The payload is not modified.
    """
    options = _options("validate", None, {"now": now, "settings": settings, "spec": spec})
    return check_document(read_python(payload), file=None, spec=options.spec or load_spec(), settings=options.settings)


def validate_text(text: str | bytes, format: InputFormat | None = None, *, file: str | None = None, **args: Unpack[CheckArgs]) -> Report:
    """Check JSON or YAML text (``format`` sniffed when omitted), or a CSV contact list. Diagnostics carry lines and columns.

    Keyword arguments: ``now``, ``settings``, ``spec``, ``csv``, ``max_bytes``, ``locate_first``,
    ``locate_errors_only``, ``subjects`` (see :class:`CheckOptions`).
    """
    return check_text(text, _options("validate_text", format, args), file=file)


def validate_file(path: str | Path, *, format: InputFormat | None = None, **args: Unpack[CheckArgs]) -> Report:
    """Check a JSON, YAML or CSV file (format from the extension, else sniffed). The file is only read.

    Raises OSError if it cannot be read, including when it is not a regular file (a FIFO
    or device would block or never end). Keyword arguments as for :func:`validate_text`.
    """
    return check_file(path, _options("validate_file", format, args))


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
        suppressions=suppressions,
    )
    return suppressions.apply(report)


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
