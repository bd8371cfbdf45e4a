"""Helpers for the language server's tests: open a document in process or through a client, and wait for what it publishes."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.helpers import ROOT
from validator.lsp.server import PayloadServer

CONFIG = '[tool.retell-validate]\nnow = "2026-06-01T12:00:00Z"\n'
BUNDLED_SPEC = ROOT / "spec" / "create-batch-call.openapi.yaml"

# The client's registrations (the configuration-file watchers), in the order they came.
registrations: list[types.RegistrationParams] = []


def open_in(server: PayloadServer, path: Path, text: str, language: str = "json") -> str:
    """Open a document, and check it as the worker does after the debounce (requests answer from that check)."""
    uri = path.as_uri()
    server.open(uri, text, language)
    server.analysis(uri)
    return uri


async def published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics the server publishes for ``uri``."""
    while True:
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
        if uri in client.diagnostics:
            return list(client.diagnostics.pop(uri))


def spec_with_a_day_missing(folder: Path) -> tuple[Path, str, str]:
    """A workspace whose configured spec lacks the day "Funday": (the spec file, its text, a payload that uses the day)."""
    spec = folder / "retell.yaml"
    bundled = BUNDLED_SPEC.read_text()
    spec.write_text(bundled)
    (folder / "pyproject.toml").write_text(CONFIG + 'spec = "retell.yaml"\n')
    window = {"windows": [{"start": 540, "end": 1020}], "timezone": "America/New_York", "day": ["Funday"]}
    payload = json.dumps({"from_number": "+14157774444", "tasks": [{"to_number": "+12137774445"}], "call_time_window": window})
    return spec, bundled, payload
