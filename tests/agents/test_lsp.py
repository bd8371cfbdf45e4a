"""The language server with pulled agents: the workspace configuration's ``agents`` reaches it (a real LSP client, pytest-lsp)."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.agents.sdk_agents import document, write_folder
from tests.helpers import FIXED_NOW
from tests.rules.tasks.agents import batch, sales

ROOTS: list[Path] = []


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "validator", "lsp", "--stdio"]))  # type: ignore[untyped-decorator]
async def client(lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[None]:
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)  # type: ignore[untyped-decorator]
    def register(params: types.RegistrationParams) -> None:
        """The server watches the configuration files; nothing to do here."""

    root = tmp_path_factory.mktemp("workspace")
    (root / ".git").mkdir()
    (root / "pyproject.toml").write_text(f'[tool.retell-validate]\nnow = "{FIXED_NOW}"\nagents = "agents"\n')
    write_folder(root / "agents", {"agent_sales": document("agent_sales", phone=True)})
    ROOTS[:] = [root]
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri(), workspace_folders=None)
    )
    yield
    await lsp_client.shutdown_session()


async def _diagnostics(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    path.write_text(text)
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "json", 1, text)))
    while True:
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 20)
        if uri in client.diagnostics:
            return list(client.diagnostics.pop(uri))


@pytest.mark.asyncio(loop_scope="function")
async def test_the_editor_shows_a_begin_message_variable_the_task_lacks(client: LanguageClient) -> None:
    root = ROOTS[0]
    text = json.dumps(batch(sales(0, without=("first_name",))), indent=2)
    found = [d for d in await _diagnostics(client, root / "batch.json", text) if str(d.code).startswith("RBV6")]
    assert [(d.code, d.severity) for d in found] == [("RBV606", types.DiagnosticSeverity.Error)]
    assert "{{first_name}} is in the begin message of agent agent_sales v3" in found[0].message
    assert found[0].range.start.line == text.splitlines().index('      "retell_llm_dynamic_variables": {')
    (root / "agents" / "agent_sales.json").write_text("{")  # a broken pull: the next check says so
    broken = [d for d in await _diagnostics(client, root / "other.json", text) if str(d.code).startswith("RBV6")]
    assert [d.code for d in broken] == ["RBV610"]
