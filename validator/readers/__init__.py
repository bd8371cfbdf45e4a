"""Readers: bytes or text in, a :class:`~validator.document.Document` out, never an exception.

:data:`READERS` is the one table of input formats: a new format is one module
and one row. Text readers parse a whole payload; a streamed reader (CSV) is
read in chunks by :mod:`validator.engine.csv`, so its row has no ``read``: CSV
text (``readers/csv/``) and workbook sheets (``readers/xlsx.py``), contact lists both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from validator.document import Document
from validator.readers.json import read_json
from validator.readers.yaml import read_yaml

InputFormat = Literal["json", "yaml", "csv", "xlsx"]


@dataclass(frozen=True)
class Reader:
    name: InputFormat
    suffixes: tuple[str, ...]
    read: Callable[[str], Document] | None  # None: a contact list, streamed in chunks by the engine (CSV, XLSX)
    comments: bool = False  # comments may carry ``retell-validate: ignore[...]`` suppressions
    # The default --max-bytes for text held in memory: about 2 GB peak RSS at the limit, from
    # bench/memory.py's RSS per input MB (docs/robustness.md). CSV files are streamed, unlimited.
    max_bytes: int = 64 * 1024 * 1024


READERS: dict[str, Reader] = {
    "json": Reader("json", (".json",), read_json, max_bytes=64 * 1024 * 1024),
    "yaml": Reader("yaml", (".yaml", ".yml"), read_yaml, comments=True, max_bytes=20 * 1024 * 1024),
    "csv": Reader("csv", (".csv", ".tsv"), None, max_bytes=64 * 1024 * 1024),
    # Workbooks are read in read-only mode, row by row; .xls is named only to say it is not read.
    "xlsx": Reader("xlsx", (".xlsx", ".xlsm", ".xls"), None, max_bytes=64 * 1024 * 1024),
}
CONTACT_LISTS: tuple[InputFormat, ...] = tuple(r.name for r in READERS.values() if r.read is None)
FORMAT_NAMES: tuple[str, ...] = tuple(READERS)


def format_for_path(path: PurePath) -> InputFormat | None:
    """The format a file's extension names, ``None`` when it names none."""
    suffix = path.suffix.lower()
    for reader in READERS.values():
        if suffix in reader.suffixes:
            return reader.name
    return None


def sniff_format(text: str) -> InputFormat:
    """JSON when the first meaningful character opens a JSON value, else YAML."""
    stripped = text.lstrip()
    return "json" if not stripped or stripped[0] in '{["' else "yaml"


def read_text(text: str, format: InputFormat | None) -> tuple[Document, Reader]:
    """Parse payload text with the reader for ``format`` (sniffed when ``None``); text readers only."""
    reader = READERS[format or sniff_format(text)]
    assert reader.read is not None, "streamed formats are not read as text"
    return reader.read(text), reader
