"""``retell-validate serve`` as a person starts it: the address it prints, loopback by default, another address only
when asked with a warning and a token, the configuration and flags every check starts from, a clean stop."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import ROOT
from tests.web.support import CONTACTS, Server, served_command
from validator.cli.main import main
from validator.web.app import STATIC


def test_serve_prints_its_address_and_serves_on_loopback(tmp_path: Path) -> None:
    with served_command("--now", "2026-06-01T12:00:00Z", scratch=tmp_path) as running:
        assert running.server is not None, running.printed
        assert running.server.host == "127.0.0.1"
        assert running.printed[1] == "Files go only to this server, which keeps none of them. Ctrl-C stops it."
        assert running.server.serving()
        answer = running.server.post("check", ("contacts.csv", CONTACTS.encode()))
        assert answer.status == 200
        assert answer.json()["summary"]["ready"] is False
        assert running.server.leftovers() == []  # TMPDIR: each request's folder was made there, and removed
        running.process.send_signal(signal.SIGINT)
        assert running.process.wait(20) == 0


def test_the_server_starts_from_the_configuration_and_flags(tmp_path: Path) -> None:
    """--call-purpose on the command line is what a check without the field uses; the page's field overrides it."""
    with served_command("--now", "2026-06-01T12:00:00Z", "--call-purpose", "informational", scratch=tmp_path) as running:
        assert running.server is not None, running.printed
        window = {"window": "09:00-20:00", "timezone": "America/New_York"}
        codes = {d["code"] for d in running.server.post("check", ("contacts.csv", CONTACTS.encode()), window).json()["diagnostics"]}
        assert "RBV705" not in codes
        asked = running.server.post("check", ("contacts.csv", CONTACTS.encode()), {**window, "call-purpose": "solicitation"}).json()
        assert "RBV705" in {d["code"] for d in asked["diagnostics"]}


def test_another_host_needs_allow_remote() -> None:
    result = CliRunner().invoke(main, ["serve", "--no-browser", "--host", "0.0.0.0", "--port", "0"])
    assert result.exit_code == 2
    assert "--host 0.0.0.0 listens beyond this machine, where others could reach the page: add --allow-remote" in result.output


def test_allow_remote_warns_prints_a_token_and_requires_it(tmp_path: Path) -> None:
    with served_command("--host", "0.0.0.0", "--allow-remote", scratch=tmp_path) as running:
        assert running.server is not None, running.printed
        printed = "\n".join(running.printed)
        assert "warning: listening on 0.0.0.0 port" in printed
        assert "beyond this machine: anyone who can reach it with the token can upload files to it" in printed
        token = re.search(r"access token: (\S+)", printed)
        assert token is not None and token[1] == running.server.token
        assert running.server.host == socket.gethostname()
        local = Server("127.0.0.1", running.server.port, tmp_path, token[1])
        assert local.post("check", ("contacts.csv", CONTACTS.encode())).status == 200
        anonymous = Server("127.0.0.1", running.server.port, tmp_path)
        assert anonymous.post("check", ("contacts.csv", CONTACTS.encode())).status == 401
        assert anonymous.request("GET", "/", headers={"Host": f"attacker.example:{running.server.port}"}).status == 400


def test_a_port_in_use_is_a_usage_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--no-browser", "--port", str(port)])
    assert result.exit_code == 2
    assert f"error: cannot listen on 127.0.0.1 port {port}: Address already in use (choose another with --port" in result.output


def test_a_bad_configuration_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".retell-validate.toml").write_text('call-purpose = "sales"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--no-browser", "--port", "0"])
    assert result.exit_code == 2
    assert "call-purpose" in result.output and "is not a call purpose" in result.output


def test_without_a_screen_the_address_is_printed_for_the_person_to_open(tmp_path: Path) -> None:
    environment = {"PATH": "/usr/bin:/bin", "TMPDIR": str(tmp_path), "HOME": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "validator", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(3)]
    finally:
        process.terminate()
        process.wait(20)
    assert lines[0].startswith("serving the page at http://127.0.0.1:")
    assert lines[2] == "(no browser to open here: open the address above in yours)\n"


def test_serve_is_listed_with_its_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--no-browser", "--allow-remote", "--now", "--call-purpose", "--config", "--dnc", "--spec"):
        assert option in result.output


@pytest.mark.slow
def test_the_wheel_carries_the_page(tmp_path: Path) -> None:
    """The page's files are package data: an installed wheel serves them without the source tree."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("retell_batch_validator-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {f"validator/web/static/{name}" for name in ("index.html", *STATIC)} <= names


def test_without_the_web_extra_serve_says_how_to_install_it() -> None:
    hide = "import sys; sys.modules['starlette'] = None; from validator.cli.main import main; main(['serve', '--no-browser'])"
    result = subprocess.run([sys.executable, "-c", hide], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == (
        "error: the page needs the web extra, which is not installed (starlette is missing); "
        "install it with: pip install 'retell-batch-validator[web]'\n"
    )
