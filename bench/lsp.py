"""Language server latency: from a didChange to its publishDiagnostics, through the real server over stdio.

    python bench/lsp.py [--tasks 10000] [--rounds 7]
    python bench/lsp.py --growth [--n 800] [--server-tree PATH]

``--growth``: the shapes that once grew faster than the document, at n and 10n side by side
(a one-line JSON document with a finding per task; ``codeAction`` over a whole document with a
fix per task, JSON and YAML; hover at the end of an n-task YAML document, first and again; the
server's memory after 10n ``didSave`` of documents never opened). ``--server-tree`` runs the
server of another checkout (``python -m validator lsp`` there), for before/after figures.

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
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

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


# -- --growth ---------------------------------------------------------------------------------------------------------


def _numbers(tasks: int) -> dict[str, Any]:
    """A finding with a safe fix per task: each number written as people type it, ``(213) 555-0123`` (RBV201 writes E.164)."""
    return make_payload(tasks, numbers="spaced")


async def _started(tree: Path | None, folder: Path) -> LanguageClient:
    client = make_test_lsp_client()

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        """Accept the configuration-file watchers the server asks for."""

    env = None if tree is None else {**os.environ, "PYTHONPATH": str(tree)}
    await client.start_io(sys.executable, "-m", "validator", "lsp", env=env, cwd=str(tree or Path.cwd()))
    await client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=folder.as_uri())
    )
    return client


async def _seconds(work: Callable[[], Awaitable[object]]) -> float:
    start = time.perf_counter()
    await work()
    return time.perf_counter() - start


def _rss_mb(client: LanguageClient) -> float:
    server = client._server
    assert server is not None
    with open(f"/proc/{server.pid}/status", encoding="ascii") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS:"))


async def growth_row(client: LanguageClient, folder: Path, n: int) -> dict[str, float]:
    """Each shape once at ``n``: seconds (and MB for the saves)."""
    row: dict[str, float] = {}
    minified = folder / f"minified-{n}.json"
    text = json.dumps(_numbers(n), separators=(",", ":"))

    async def open_minified() -> None:
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(minified.as_uri(), "json", 1, text)))
        await _published(client, minified.as_uri())

    row["minified"] = await _seconds(open_minified)
    whole = types.Range(types.Position(0, 0), types.Position(10**6, 0))
    for language, body in (("json", json.dumps(_numbers(n), indent=2)), ("yaml", yaml.safe_dump(_numbers(n), sort_keys=False))):
        path = folder / f"fixes-{n}.{language}"
        client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(path.as_uri(), language, 1, body)))
        await _published(client, path.as_uri())
        params = types.CodeActionParams(types.TextDocumentIdentifier(path.as_uri()), whole, types.CodeActionContext(diagnostics=[]))
        start = time.perf_counter()
        actions = await client.text_document_code_action_async(params)
        row[f"actions {language}"] = time.perf_counter() - start
        assert actions is not None and len(actions) > n, f"{len(actions or [])} code actions for {n} fixes"
    path = folder / f"hover-{n}.yaml"
    body = yaml.safe_dump(_numbers(n), sort_keys=False)
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(path.as_uri(), "yaml", 1, body)))
    await _published(client, path.as_uri())
    end = types.Position(body.count("\n") - 2, 6)
    hover = types.HoverParams(types.TextDocumentIdentifier(path.as_uri()), end)
    row["hover first"] = await _seconds(lambda: client.text_document_hover_async(hover))
    row["hover again"] = await _seconds(lambda: client.text_document_hover_async(hover))
    before = _rss_mb(client)
    for index in range(10 * n):
        uri = (folder / f"never-{n}-{index}.json").as_uri()
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    await client.text_document_hover_async(hover)  # after every save was read
    await asyncio.sleep(1)
    row["saves MB"] = _rss_mb(client) - before
    return row


async def growth(n: int, tree: Path | None) -> None:
    folder = Path(tempfile.mkdtemp(prefix="lsp-growth-"))
    (folder / "pyproject.toml").write_text(NOW)
    print(
        f"`python bench/lsp.py --growth --n {n}`{f' --server-tree {tree}' if tree else ''}; {platform.python_version()}, {os.cpu_count()} cores\n"
    )
    rows = {}
    for size in (n, 10 * n):
        client = await _started(tree, folder)  # a fresh server per size: nothing cached from the smaller run
        rows[size] = await growth_row(client, folder, size)
        await client.shutdown_session()
        await client.stop()
    labels = {
        "minified": "one-line JSON, a finding per task: open → diagnostics",
        "actions json": "codeAction over the whole document, a fix per task (JSON)",
        "actions yaml": "codeAction over the whole document, a fix per task (YAML)",
        "hover first": "hover at the end of the YAML document, first",
        "hover again": "hover at the same place again",
        "saves MB": "RSS growth after 10 × n didSave of documents never opened (MB)",
    }
    print(f"| shape | n = {n:,} | 10n = {10 * n:,} | growth |")
    print("|---|---:|---:|---:|")
    for key, label in labels.items():
        small, large = rows[n][key], rows[10 * n][key]
        unit = "" if key == "saves MB" else " s"
        ratio = f"×{large / small:.1f}" if small > 0.001 else "–"
        print(f"| {label} | {small:.2f}{unit} | {large:.2f}{unit} | {ratio} |")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--growth", action="store_true", help="the shapes at n and 10n instead")
    parser.add_argument("--n", type=int, default=800)
    parser.add_argument("--server-tree", type=Path, help="run this checkout's server")
    args = parser.parse_args()
    if args.growth:
        await growth(args.n, args.server_tree)
        return
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
