"""The library entry points. They never print, and never raise on a bad payload.

A payload that cannot be parsed, or is not an object, comes back as a
:class:`Report` with diagnostics. Only a file that cannot be read at all
(missing, a directory, no permission) raises :class:`OSError`: that is not a
payload problem, and the CLI turns it into exit status 2.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from validator.csv_check import CsvOptions, check_csv
from validator.diagnostics import Report
from validator.document import Document, Issue, decode
from validator.engine import check_document
from validator.json_source import read_json
from validator.rules import root_not_object
from validator.settings import Settings, parse_now
from validator.spec import Spec, load_spec
from validator.suppressions import Suppressions, find_suppressions
from validator.yaml_source import read_yaml

InputFormat = Literal["json", "yaml", "csv"]
Now = datetime | int | str | None


def _settings(settings: Settings | None, now: Now) -> Settings:
    settings = settings or Settings()
    if now is None:
        return settings
    moment = parse_now(now.isoformat() if isinstance(now, datetime) else str(now))
    return Settings(**{**settings.__dict__, "now": moment})


def validate(payload: Any, *, now: Now = None, settings: Settings | None = None, spec: Spec | None = None) -> Report:
    """Check an already-parsed payload (a dict). Diagnostics carry pointers, no lines."""
    document = Document(payload, "python")
    if not isinstance(payload, dict):
        document.issues.append(root_not_object.issue(payload))
    return check_document(document, file=None, spec=spec or load_spec(), settings=_settings(settings, now))


def validate_text(
    text: str | bytes,
    format: InputFormat | None = None,
    *,
    file: str | None = None,
    now: Now = None,
    settings: Settings | None = None,
    spec: Spec | None = None,
    csv: CsvOptions | None = None,
) -> Report:
    """Check JSON or YAML text (``format`` sniffed when omitted), or a CSV contact list. Diagnostics carry lines and columns."""
    if format == "csv":
        data = io.BytesIO(text if isinstance(text, bytes) else text.encode("utf-8"))
        return check_csv(data, file=file, spec=spec or load_spec(), settings=_settings(settings, now), options=csv)
    issues: list[Issue] = []
    if isinstance(text, bytes):
        decoded, issues = decode(text)
        if decoded is None:
            return check_document(
                Document(None, format or "json", issues), file=file, spec=spec or load_spec(), settings=_settings(settings, now)
            )
        text = decoded
    elif text.startswith("\ufeff"):
        decoded, issues = decode(text.encode("utf-8"))
        text = decoded or ""
    kind = format or sniff_format(text)
    document = read_json(text) if kind == "json" else read_yaml(text)
    suppressions = find_suppressions(text) if kind == "yaml" else Suppressions()
    document.issues[:0] = [*issues, *suppressions.issues]
    return suppressions.apply(check_document(document, file=file, spec=spec or load_spec(), settings=_settings(settings, now)))


def validate_file(
    path: str | Path,
    *,
    format: InputFormat | None = None,
    now: Now = None,
    settings: Settings | None = None,
    spec: Spec | None = None,
    csv: CsvOptions | None = None,
) -> Report:
    """Check a JSON, YAML or CSV file (format from the extension, else sniffed). Raises OSError if unreadable."""
    path = Path(path)
    format = format or format_for_path(path)
    if format == "csv":  # streamed: a contact list may have a million rows
        with path.open("rb") as stream:
            return check_csv(stream, file=str(path), spec=spec or load_spec(), settings=_settings(settings, now), options=csv)
    data = path.read_bytes()
    return validate_text(data, format, file=str(path), now=now, settings=settings, spec=spec)


def format_for_path(path: Path) -> InputFormat | None:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix in (".csv", ".tsv"):
        return "csv"
    return None


def sniff_format(text: str) -> InputFormat:
    """JSON when the first meaningful character opens a JSON value, else YAML."""
    stripped = text.lstrip()
    return "json" if not stripped or stripped[0] in '{["' else "yaml"
