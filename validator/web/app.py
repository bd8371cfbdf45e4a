"""The web page and its API, as one ASGI application (Starlette), behind :class:`~validator.web.guard.Guard`.

``GET /`` is the page and ``GET /static/…`` its script, style sheet and icon, all shipped in this
package (no CDN, no font from elsewhere: the page works offline). The API takes the file as the
multipart field ``file`` and the options as fields beside it (:mod:`validator.web.form`):

* ``POST /api/check``: the JSON report (``check --format json``) with ``fixable``;
* ``POST /api/hours``: the hours picture, SVG;
* ``POST /api/fix``: the fixed file (field ``unsafe-fixes``: ``on`` applies unsafe fixes too);
* ``POST /api/rows``: the rows report (field ``format``: ``xlsx``, the default, or ``csv``);
* ``POST /api/split``: a zip of the parts, ``plan.json``, ``plan.txt`` and the rows set aside
  (field ``format``: ``csv`` or ``json``, default the input's).

Each request gets a temporary folder, removed before the answer is sent; nothing else is written.
Errors are JSON, ``{"error": "…"}``, with a status that says what kind (400 malformed, 408 too
slow, 413 too large, 415 not a format the page reads, 422 cannot be read for this, 500 a bug). The
work runs in worker threads, two at a time, so the server keeps answering while it checks.
"""

from __future__ import annotations

import html
import json
import logging
import tempfile
import traceback
import zoneinfo
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from string import Template
from urllib.parse import quote

import anyio
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from validator.openapi.load import Spec
from validator.options import CALL_PURPOSE
from validator.readers import CONTACT_LISTS, READERS
from validator.settings import Settings
from validator.version import __version__
from validator.web import jobs
from validator.web.form import read_form
from validator.web.guard import Guard, Guarded
from validator.web.upload import Limits, Refused, largest_upload, receive_upload

STATIC = {  # name → media type: the page's own files, read once
    "page.js": "text/javascript; charset=utf-8",
    "page.css": "text/css; charset=utf-8",
    "icon.svg": "image/svg+xml",
}
WORKERS = 2  # checks at once; more would only share the two cores and hold more uploads in memory
_log = logging.getLogger("retell-validate.web")

Compute = Callable[[jobs.Job], jobs.Answer]


@dataclass(frozen=True)
class Endpoint:
    """One API call: the job it runs, and its own form fields with the words each accepts (the first is the default)."""

    compute: Compute
    extra: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


ENDPOINTS = {
    "check": Endpoint(jobs.check),
    "hours": Endpoint(jobs.hours),
    "fix": Endpoint(jobs.fix, {"unsafe-fixes": ("off", "on")}),
    "rows": Endpoint(jobs.rows, {"format": ("xlsx", "csv")}),
    "split": Endpoint(jobs.split, {"format": ("", "csv", "json")}),
}


@dataclass(frozen=True)
class Served:
    """What the server was started with: the settings and spec every request starts from, who may call, how long a body may take."""

    settings: Settings
    spec: Spec
    guarded: Guarded
    limits: Limits = field(default_factory=Limits)
    scratch: Path | None = None  # where each request's temporary folder is made (None: the system's, TMPDIR)


def page(token_required: bool) -> str:
    """The page's HTML: the call purposes from the options table, the time zones, the formats and their size limits."""
    template = Template(resources.files("validator.web").joinpath("static/index.html").read_text(encoding="utf-8"))
    purposes = "".join(f'<option value="{html.escape(word)}">{html.escape(word)}</option>' for word in CALL_PURPOSE.kind.choices)
    zones = "".join(f'<option value="{html.escape(zone)}"></option>' for zone in sorted(zoneinfo.available_timezones()))
    suffixes = [suffix for reader in READERS.values() for suffix in reader.suffixes]
    limits = {suffix: reader.max_bytes for reader in READERS.values() for suffix in reader.suffixes}
    contacts = [suffix for name in CONTACT_LISTS for suffix in READERS[name].suffixes]
    return template.substitute(
        version=html.escape(__version__),
        purposes=purposes,
        default_purpose=html.escape(str(CALL_PURPOSE.default)),
        zones=zones,
        accept=html.escape(",".join(suffixes)),
        limits=html.escape(json.dumps(limits)),
        contacts=html.escape(json.dumps(contacts)),
        token_required="true" if token_required else "false",
    )


def create_app(served: Served) -> ASGIApp:
    """The page and the API, guarded."""
    index = page(served.guarded.token is not None).encode("utf-8")
    folder = resources.files("validator.web").joinpath("static")
    static = {name: (folder.joinpath(name).read_bytes(), media) for name, media in STATIC.items()}
    workers = anyio.CapacityLimiter(WORKERS)

    async def home(request: Request) -> Response:
        return Response(index, media_type="text/html; charset=utf-8")

    async def asset(request: Request) -> Response:
        found = static.get(request.path_params["name"])
        if found is None:
            return JSONResponse({"error": "no such file"}, status_code=404)
        return Response(found[0], media_type=found[1])

    def api(endpoint: Endpoint) -> Callable[[Request], Awaitable[Response]]:
        async def answer(request: Request) -> Response:
            try:
                return await _answer(request, endpoint, served, workers)
            except Refused as exc:
                return JSONResponse({"error": exc.message}, status_code=exc.status)

        return answer

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/static/{name}", asset, methods=["GET"]),
        *(Route(f"/api/{name}", api(endpoint), methods=["POST"]) for name, endpoint in ENDPOINTS.items()),
    ]
    return Guard(Starlette(routes=routes), served.guarded)


async def _answer(request: Request, endpoint: Endpoint, served: Served, workers: anyio.CapacityLimiter) -> Response:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > largest_upload()):
        largest = max(reader.max_bytes for reader in READERS.values())
        raise Refused(413 if declared.isdigit() else 400, f"the upload is larger than any file the page reads ({largest // 2**20} MiB)")
    with tempfile.TemporaryDirectory(prefix="retell-validate-", dir=served.scratch) as scratch:
        try:
            upload = await receive_upload(request.headers.get("content-type"), request.stream(), Path(scratch), served.limits)
        except ClientDisconnect:
            return Response(status_code=400)  # nobody is left to read it
        asked = read_form(upload.fields, served.settings, upload.format, endpoint.extra)
        job = jobs.Job(upload, asked, served.spec)
        try:
            answer = await anyio.to_thread.run_sync(endpoint.compute, job, limiter=workers)
        except Refused:
            raise
        except Exception as exc:  # a bug: the person gets a message, the server goes on
            _log.error("internal error on %s:\n%s", request.url.path, traceback.format_exc())
            raise Refused(500, f"internal error: {type(exc).__name__}: {exc}") from None
    headers = {}
    if answer.filename is not None:
        headers["content-disposition"] = _attachment(answer.filename)
    if answer.note is not None:
        headers["x-retell-validate-note"] = quote(answer.note)
    return Response(answer.body, media_type=answer.media_type, headers=headers)


def _attachment(filename: str) -> str:
    """``attachment`` with an ASCII fallback name and the UTF-8 name (RFC 6266), never a quote or control character unescaped."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
