"""What each of the page's requests computes from an upload, with the library the commands use: run in a worker thread.

* ``check``: the JSON report ``check --format json`` writes, with the verdict that counts every row
  a grouped finding covers, and ``fixable``: how many findings ``--fix`` (and ``--unsafe-fixes``) would fix;
* ``hours``: the SVG ``hours --svg`` draws;
* ``fix``: the file with its fixes applied (``check --fix``);
* ``rows``: the rows report (``check --report rows:FILE``), ``.xlsx`` or ``.csv``;
* ``split``: a zip of what ``split -o DIR`` writes: the parts, ``plan.json``, ``plan.txt`` and the rows set aside.

Everything is written inside the request's folder, which the caller removes. Input that cannot be
read for a command that needs rows (no phone column, a payload without a usable window, …) is a
:class:`~validator.web.upload.Refused` (422) with the command's message.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from validator.api import CheckOptions, check_text
from validator.campaign.fixing import fix_path
from validator.campaign.hours import svg
from validator.campaign.rows import Input, cover, write_rows
from validator.campaign.sheet import Unreadable, plan_for
from validator.campaign.split import NotWritable, parts_as_csv, write_split
from validator.diagnostics import judge
from validator.document import Document
from validator.engine.registry import all_rules
from validator.files import FileTooLarge, read_regular
from validator.fix.apply import FixRefused, fixable_counts
from validator.openapi.load import Spec
from validator.openapi.source import describe_spec
from validator.reporters import RenderOptions, get_renderer
from validator.version import __version__
from validator.web.form import Asked
from validator.web.upload import Refused, Upload

UNREADABLE = 422


@dataclass(frozen=True)
class Job:
    """One request's upload and options, and the spec the server checks against."""

    upload: Upload
    asked: Asked
    spec: Spec

    @property
    def options(self) -> CheckOptions:
        return CheckOptions(settings=self.asked.settings, spec=self.spec, format=self.upload.format, csv=self.asked.csv)

    @property
    def stem(self) -> str:
        return PurePath(self.upload.name).stem or "upload"


@dataclass(frozen=True)
class Answer:
    """A file to send back: its bytes, media type and the name to save it as, and what the page may say of it."""

    body: bytes
    media_type: str
    filename: str | None = None
    note: str | None = None


def _checked(job: Job) -> Input:
    """The upload checked as ``check`` checks a file, with the rows its grouped blocking findings cover (for the verdict)."""
    documents: list[Document] = []
    options = job.options
    report = check_text(read_regular(job.upload.path, None), options, file=job.upload.name, on_document=documents.append)
    item = Input(job.upload.path, report, job.asked.csv, options.settings, job.spec)
    cover(item, documents[0].data if documents else None)
    return item


def check(job: Job) -> Answer:
    item = _checked(job)
    verdict = judge([item.report], {item.report.file: item.covered} if item.covered else None)
    shown = RenderOptions(rules=all_rules(), version=__version__, spec=describe_spec(job.spec).to_dict(), verdict=verdict)
    text = get_renderer("json")([item.report], shown).rstrip()
    safe, unsafe = fixable_counts(item.report.diagnostics)
    # One more member at the end of the report's object (its schema admits added members), without parsing it again.
    text = text.removesuffix("}").rstrip() + f',\n  "fixable": {json.dumps({"safe": safe, "unsafe": unsafe})}\n}}\n'
    return Answer(text.encode("utf-8"), "application/json")


def hours(job: Job) -> Answer:
    try:
        plan = plan_for(job.upload.path, job.asked.csv, job.asked.settings, job.spec, job.upload.name)
    except Unreadable as exc:
        raise Refused(UNREADABLE, str(exc)) from None
    return Answer(svg(plan).encode("utf-8"), "image/svg+xml", f"{job.stem}-hours.svg")


def fix(job: Job) -> Answer:
    unsafe = job.asked.extra.get("unsafe-fixes") == "on"
    try:
        outcome = fix_path(job.upload.path, job.options, unsafe=unsafe, write=True)
    except (FileTooLarge, FixRefused) as exc:
        raise Refused(UNREADABLE, f"{job.upload.name}: not fixed: {exc}") from None
    if outcome.not_applied and not outcome.changed:
        raise Refused(UNREADABLE, "; ".join(outcome.not_applied))
    note = f"{outcome.applied} fix(es) applied" if outcome.applied else "nothing to fix"
    suffix = PurePath(job.upload.name).suffix
    return Answer(read_regular(job.upload.path, None), _media_type(suffix), f"{job.stem}-fixed{suffix}", note)


def rows(job: Job) -> Answer:
    suffix = "." + job.asked.extra["format"]
    target = job.upload.path.parent / f"rows{suffix}"
    item = _checked(job)
    if problem := write_rows(target, [item]):
        raise Refused(UNREADABLE, problem)
    return Answer(target.read_bytes(), _media_type(suffix), f"{job.stem}-rows{suffix}")


def split(job: Job) -> Answer:
    try:
        plan = plan_for(job.upload.path, job.asked.csv, job.asked.settings, job.spec, job.upload.name)
        as_csv = parts_as_csv(plan, job.asked.extra.get("format") or None)
    except (Unreadable, NotWritable) as exc:
        raise Refused(UNREADABLE, str(exc)) from None
    folder = job.upload.path.parent / "parts"
    folder.mkdir()
    written = write_split(plan, folder, as_csv=as_csv)
    archive = job.upload.path.parent / "parts.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for file in sorted(folder.iterdir()):
            bundle.write(file, file.name)
    parts = len(written.parts)
    note = f"{parts} part{'' if parts == 1 else 's'}, {written.aside['rows']:,} row(s) set aside"
    return Answer(archive.read_bytes(), "application/zip", f"{job.stem}-parts.zip", note)


_MEDIA_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".tsv": "text/tab-separated-values; charset=utf-8",
    ".json": "application/json",
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
}


def _media_type(suffix: str) -> str:
    return _MEDIA_TYPES.get(suffix.lower(), "application/octet-stream")
