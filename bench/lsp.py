"""Language server latency: from a didChange to its publishDiagnostics, through the real server over stdio.

    python bench/lsp.py [--tasks 10000] [--rounds 7]

Starts ``retell-validate lsp`` as a subprocess with a real LSP client (pytest-lsp's),
opens a payload, then sends whole-document changes (the server's sync mode) that
break and repair one task's number, and times each change until the diagnostics
for that version arrive. The figure includes the debounce (:data:`DEBOUNCE_SECONDS`),
which the table also shows subtracted. Needs the ``[dev]`` extra.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml
from lsprotocol import types
from payloads import make_payload  # bench/ is on the path when this file is run
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import make_test_lsp_client

from validator.lsp.server import DEBOUNCE_SECONDS

NOW = '[tool.retell-validate]\nnow = "2026-06-01T12:00:00Z"\n'


async def _published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    while True:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if uri in client.diagnostics:
            return list(client.diagnostics.pop(uri))


async def measure(client: LanguageClient, path: Path, text: str, language: str, rounds: int) -> tuple[float, list[float], int]:
    """Seconds to the first diagnostics on open, each change's seconds, and the findings on a change."""
    uri = path.as_uri()
    start = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text)))
    await _published(client, uri)
    opened = time.perf_counter() - start
    needle = text[text.index("+1") : text.index("+1") + 12]  # the first to_number... or from_number: either breaks
    times, found = [], 0
    for version in range(2, rounds + 2):
        changed = text.replace(needle, needle[1:], 1) if version % 2 == 0 else text
        start = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangeWholeDocument(text=changed)],
            )
        )
        diagnostics = await _published(client, uri)
        times.append(time.perf_counter() - start)
        found = max(found, len(diagnostics))
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    await _published(client, uri)
    return opened, times, found


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lsp-bench-"))
    (folder / "pyproject.toml").write_text(NOW)
    payload = make_payload(args.tasks)
    documents = [
        ("JSON", "json", json.dumps(payload, indent=2)),
        ("YAML", "yaml", yaml.safe_dump(payload, sort_keys=False, allow_unicode=True)),
    ]
    client = make_test_lsp_client()

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        """Accept the configuration-file watchers the server asks for."""

    await client.start_io(sys.executable, "-m", "validator", "lsp")
    await client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=folder.as_uri())
    )
    print(f"{args.tasks:,} tasks, {args.rounds} changes each; debounce {DEBOUNCE_SECONDS * 1000:.0f} ms (included below)\n")
    print("| document | size | open → diagnostics | change → diagnostics, median | max | median without debounce | findings |")
    print("|---|---|---|---|---|---|---|")
    for label, language, text in documents:
        opened, times, found = await measure(client, folder / f"batch.{language}", text, language, args.rounds)
        median = statistics.median(times)
        print(
            f"| {label} | {len(text.encode()) / 1e6:.1f} MB | {opened:.2f} s | {median:.2f} s | {max(times):.2f} s"
            f" | {median - DEBOUNCE_SECONDS:.2f} s | {found} |"
        )
    await client.shutdown_session()
    await client.stop()


if __name__ == "__main__":
    asyncio.run(main())
