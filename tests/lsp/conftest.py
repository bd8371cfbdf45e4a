"""What the language server's tests share: the server in process, and a real LSP client over stdio."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.lsp.support import CONFIG, registrations
from validator.lsp.server import PayloadServer, build_server


@pytest.fixture
def server() -> PayloadServer:
    return build_server()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "validator", "lsp", "--stdio"]))  # type: ignore[untyped-decorator]
async def client(lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[None]:
    """``retell-validate lsp --stdio`` driven by pytest-lsp's client, in a workspace whose configuration fixes the clock."""

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)  # type: ignore[untyped-decorator]
    def register(params: types.RegistrationParams) -> None:
        registrations.append(params)

    root = tmp_path_factory.mktemp("workspace")
    (root / "pyproject.toml").write_text(CONFIG)
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri(), workspace_folders=None)
    )
    yield
    await lsp_client.shutdown_session()
    server = lsp_client._server  # the subprocess: shutdown then exit must end it with status 0
    assert server is not None and server.returncode == 0
