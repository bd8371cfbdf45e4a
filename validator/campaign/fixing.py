"""``--fix`` on one file by its format: a contact list's phone cells (CSV, XLSX), or a payload's fixes (JSON, YAML).

``check --fix`` rewrites the files it is given; the web page fixes its copy of the upload and
answers the result.
"""

from __future__ import annotations

from pathlib import Path

from validator.api import CheckOptions, byte_limit
from validator.fix.apply import FixOutcome, fix_file
from validator.fix.cells import fix_contacts_file
from validator.openapi.load import load_spec
from validator.readers import format_for_path


def fix_path(path: Path, options: CheckOptions, *, unsafe: bool, write: bool) -> FixOutcome:
    """Apply the file's safe fixes (and unsafe ones with ``unsafe``); with ``write`` the result replaces it.

    Raises OSError when it cannot be read (:class:`~validator.files.FileTooLarge` over the format's limit)
    and :class:`~validator.fix.apply.FixRefused` when it cannot be rewritten.
    """
    spec = options.spec or load_spec()
    format = options.format or format_for_path(path)
    if format == "csv" or format == "xlsx":  # a contact list: its phone cells, in place
        return fix_contacts_file(path, format, settings=options.settings, spec=spec, options=options.csv, unsafe=unsafe, write=write)
    return fix_file(
        path,
        format=options.format,
        settings=options.settings,
        spec=spec,
        unsafe=unsafe,
        write=write,
        max_bytes=byte_limit(options.max_bytes, format),
    )
