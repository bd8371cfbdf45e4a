"""``spec fetch`` against a local server: a good page, 404, HTML, truncated and oversized pages, no server at all.

The good page has the shape of Retell's docs page (a Markdown header, then the OpenAPI YAML in a
four-backtick ``yaml`` fence), built from the bundled spec, so fetching it reproduces the bundled file.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.helpers import FIXED_NOW
from tests.local_http import Reply, closed_port, serve, silent_listener
from validator.cli.main import main
from validator.openapi.fetch import DEFAULT_URL, FetchError, extract_openapi
from validator.openapi.load import bundled_spec_path

BUNDLED = bundled_spec_path().read_text(encoding="utf-8")
SPEC_YAML = BUNDLED.split("\n", 1)[1]  # without the `# source:` line
PAGE_HEAD = (
    "> ## Documentation Index\n> Fetch the complete documentation index at: https://docs.retellai.com/llms.txt\n\n"
    "# Create Batch Call\n\n> Create a batch call\n\n\n\n## OpenAPI\n\n"
)
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


def page(yaml_text: str = SPEC_YAML, fence: str = "````") -> bytes:
    return f"{PAGE_HEAD}{fence}yaml openapi-final post /create-batch-call\n{yaml_text}{fence}\n".encode()


NEWER_YAML = SPEC_YAML.replace("            - eleven_v3\n", "            - eleven_v3\n            - eleven_v4\n", 1).replace(
    "  version: 3.0.0\n", "  version: 3.1.0\n", 1
)
VOICE_V4 = {
    "from_number": "+14157774444",
    "tasks": [{"to_number": "+12137774445", "agent_override": {"agent": {"voice_id": "11labs-Adrian", "voice_model": "eleven_v4"}}}],
}


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the machine sets, these tests reach 127.0.0.1 directly unless a test sets a proxy."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def fetch(url: str, output: Path, *options: str) -> Any:
    return CliRunner().invoke(main, ["spec", "fetch", "--url", url, "-o", str(output), *options])


def assert_refused(result: Any, message: str, folder: Path, before: set[str]) -> None:
    """Exit 2, the message on stderr, no traceback, and the folder exactly as it was (no partial or temporary file)."""
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert {p.name for p in folder.iterdir()} == before


def test_good_page_writes_the_spec_with_its_source(tmp_path: Path) -> None:
    output = tmp_path / "retell.yaml"
    with serve({"/create-batch-call.md": Reply(page())}) as server:
        url = server.url("/create-batch-call.md")
        result = fetch(url, output)
        assert result.exit_code == 0, result.output
        assert output.read_text(encoding="utf-8") == f"# source: {url}\n{SPEC_YAML}"
        assert result.stdout.startswith(f"{output}: written: Retell SDK 3.0.0, sha256 ")
        assert server.requests[0].headers["User-Agent"].startswith("retell-validate/")
        again = fetch(url, output)
    assert (again.exit_code, again.stdout.split(": ")[1]) == (0, "unchanged")
    assert stat.S_IMODE(output.stat().st_mode) == 0o666 & ~_umask()


def test_the_default_page_reproduces_the_bundled_file_byte_for_byte(tmp_path: Path) -> None:
    """The bundled snapshot came from the default address: an unchanged page gives an identical file."""
    with serve({"/create-batch-call.md": Reply(page())}) as server:
        text = (f"# source: {DEFAULT_URL}\n" + extract_openapi(page().decode(), server.url("/"))).encode()
    assert text == bundled_spec_path().read_bytes()


def test_fetched_spec_is_used_by_spec_option_configuration_info_and_diff(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    payload = tmp_path / "batch.json"
    payload.write_text(json.dumps(VOICE_V4), encoding="utf-8")
    with serve({"/page.md": Reply(page(NEWER_YAML))}) as server:
        url = server.url("/page.md")
        assert fetch(url, Path("spec/retell.yaml"), "--timeout", "5").exit_code == 2  # no such folder yet
        (tmp_path / "spec").mkdir()
        assert fetch(url, Path("spec/retell.yaml")).exit_code == 0
    runner = CliRunner()
    bundled = runner.invoke(main, ["check", "--now", FIXED_NOW, "--format", "json", "batch.json"])
    assert bundled.exit_code == 1
    assert [(d["code"], d["path"]) for d in json.loads(bundled.stdout)["diagnostics"]] == [
        ("RBV103", "/tasks/0/agent_override/agent/voice_model")
    ]
    assert runner.invoke(main, ["check", "--now", FIXED_NOW, "--spec", "spec/retell.yaml", "batch.json"]).exit_code == 0

    (tmp_path / ".retell-validate.toml").write_text('spec = "spec/retell.yaml"\n', encoding="utf-8")
    configured = runner.invoke(main, ["check", "--now", FIXED_NOW, "--format", "json", "batch.json"])
    assert configured.exit_code == 0, configured.output
    recorded = json.loads(configured.stdout)["spec"]
    assert recorded["source"] == str((tmp_path / "spec/retell.yaml").resolve())
    assert (recorded["version"], recorded["origin"]) == ("3.1.0", url)
    info = runner.invoke(main, ["spec", "info"])
    assert info.exit_code == 0
    assert "version: 3.1.0\n" in info.stdout
    assert info.stdout.endswith(f"source:  file {(tmp_path / 'spec/retell.yaml').resolve()} (from {url})\n")

    diff = runner.invoke(main, ["spec", "diff", "spec/retell.yaml"])
    assert diff.exit_code == 1
    assert diff.stdout.splitlines()[2:] == [
        '+ enum  tasks[].agent_override.agent.voice_model: "eleven_v4"',
        "1 change(s) in request-body fields and enum values",
    ]
    base = runner.invoke(main, ["spec", "diff", "--base", "spec/retell.yaml", "spec/retell.yaml"])
    assert (base.exit_code, base.stdout.splitlines()[0].split(" (")[1].split(",")[0]) == (0, "spec/retell.yaml")


def test_404_is_exit_2_and_keeps_the_existing_file(tmp_path: Path) -> None:
    output = tmp_path / "retell.yaml"
    output.write_text("kept\n", encoding="utf-8")
    with serve() as server:
        result = fetch(server.url("/missing.md"), output)
        assert_refused(result, f"{server.url('/missing.md')}: HTTP 404 Not Found", tmp_path, {"retell.yaml"})
    assert output.read_text(encoding="utf-8") == "kept\n"


@pytest.mark.parametrize(
    "reply",
    [
        Reply(b"<!DOCTYPE html><html><body>" + page() + b"</body></html>", content_type="text/html; charset=utf-8"),
        Reply(b"\n  <!doctype html>\n<html><body>docs</body></html>", content_type="text/plain"),
    ],
    ids=["content-type", "sniffed"],
)
def test_html_page_is_refused(tmp_path: Path, reply: Reply) -> None:
    with serve({"/page": reply}) as server:
        result = fetch(server.url("/page"), tmp_path / "retell.yaml")
    assert_refused(result, "an HTML page, not the docs page's Markdown (use its .md address", tmp_path, set())


def test_truncated_page_without_the_closing_fence_is_refused(tmp_path: Path) -> None:
    cut = page()[: len(page()) // 2]
    with serve({"/page.md": Reply(cut)}) as server:
        result = fetch(server.url("/page.md"), tmp_path / "retell.yaml")
    assert_refused(result, "the ```yaml block is not closed: the page looks truncated", tmp_path, set())


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        (SPEC_YAML[: SPEC_YAML.index("components:")], 'is not usable: unresolvable $ref "#/components/schemas/BatchCallTask"'),
        (SPEC_YAML[: SPEC_YAML.index("example: '+") + 14] + "\n", "is not valid YAML: while scanning a quoted scalar"),
        (
            SPEC_YAML.replace("  version: 3.0.0\n", "  versoin: 3.0.0\n"),
            'is not a valid OpenAPI document: at info: "version" is a required property',
        ),
        (
            SPEC_YAML.replace("  /create-batch-call:\n", "  /create-batch-web-call:\n"),
            "has no request body schema for POST /create-batch-call",
        ),
    ],
    ids=["unresolved-refs", "broken-yaml", "no-version", "other-operation"],
)
def test_page_without_a_usable_spec_is_refused_and_leaves_no_file(tmp_path: Path, yaml_text: str, message: str) -> None:
    with serve({"/page.md": Reply(page(yaml_text))}) as server:
        url = server.url("/page.md")
        result = fetch(url, tmp_path / "retell.yaml")
    assert_refused(result, f"error: spec {url} ", tmp_path, set())  # the page is named, not the temporary file
    assert message in result.stderr


def test_oversized_page_is_refused_before_reading_when_declared(tmp_path: Path) -> None:
    with serve({"/page.md": Reply(page())}) as server:
        result = fetch(server.url("/page.md"), tmp_path / "retell.yaml", "--max-bytes", "1000")
    assert_refused(result, f"the page is {len(page()):,} bytes, over the 1,000-byte limit (--max-bytes)", tmp_path, set())


def test_oversized_page_without_a_length_stops_reading_at_the_limit(tmp_path: Path) -> None:
    with serve({"/page.md": Reply(page() * 3, length=False)}) as server:
        result = fetch(server.url("/page.md"), tmp_path / "retell.yaml", "--max-bytes", str(len(page()) * 2))
    assert_refused(result, f"the page is over the {len(page()) * 2:,}-byte limit (--max-bytes); stopped reading", tmp_path, set())


def test_page_shorter_than_its_declared_length_is_truncated(tmp_path: Path) -> None:
    with serve({"/page.md": Reply(page(), length=len(page()) + 100)}) as server:
        result = fetch(server.url("/page.md"), tmp_path / "retell.yaml")
    assert_refused(
        result, f"the connection closed after {len(page()):,} of {len(page()) + 100:,} bytes: the page is truncated", tmp_path, set()
    )


def test_connection_refused_is_exit_2(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/page.md"
    result = fetch(url, tmp_path / "retell.yaml")
    assert_refused(result, f"{url}: cannot connect: [Errno 111] Connection refused", tmp_path, set())


def test_a_silent_server_times_out(tmp_path: Path) -> None:
    with silent_listener() as port:
        started = time.monotonic()
        result = fetch(f"http://127.0.0.1:{port}/page.md", tmp_path / "retell.yaml", "--timeout", "0.5")
    assert time.monotonic() - started < 5
    assert_refused(result, "timed out", tmp_path, set())


def test_the_timeout_bounds_the_whole_download_of_a_trickling_page(tmp_path: Path) -> None:
    """Each byte arrives well within the socket timeout; the deadline still ends it."""
    with serve({"/page.md": Reply(b"x" * 100, trickle=0.05)}) as server:
        started = time.monotonic()
        result = fetch(server.url("/page.md"), tmp_path / "retell.yaml", "--timeout", "0.6")
        elapsed = time.monotonic() - started
    assert_refused(result, "timed out after 0.6 s (--timeout)", tmp_path, set())
    assert elapsed < 3


def test_proxy_from_the_environment_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy receives the absolute address in the request line: the local server plays one."""
    with serve({"http://docs.example.invalid/create-batch-call.md": Reply(page())}) as proxy:
        monkeypatch.setenv("http_proxy", proxy.url(""))
        result = fetch("http://docs.example.invalid/create-batch-call.md", tmp_path / "retell.yaml")
        assert result.exit_code == 0, result.output
        assert [r.path for r in proxy.requests] == ["http://docs.example.invalid/create-batch-call.md"]


def test_no_proxy_reaches_127_0_0_1_directly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{closed_port()}")  # a proxy that is down
    with serve({"/page.md": Reply(page())}) as server:
        url = server.url("/page.md")
        assert fetch(url, tmp_path / "a.yaml").exit_code == 2  # through the dead proxy
        monkeypatch.setenv("no_proxy", "127.0.0.1")
        result = fetch(url, tmp_path / "b.yaml")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "b.yaml").is_file() and not (tmp_path / "a.yaml").exists()


@pytest.mark.parametrize("url", ["ftp://docs.example.invalid/page.md", "file:///etc/passwd", "docs.retellai.com/page.md"])
def test_only_http_addresses_are_fetched(tmp_path: Path, url: str) -> None:
    assert_refused(fetch(url, tmp_path / "retell.yaml"), f"{url}: not an http:// or https:// address", tmp_path, set())


def test_page_without_a_yaml_block_is_refused(tmp_path: Path) -> None:
    with serve({"/a.md": Reply(b"# Create Batch Call\n\n```json\n{}\n```\n"), "/b.md": Reply(b"```yaml\nname: x\n```\n")}) as server:
        no_yaml = fetch(server.url("/a.md"), tmp_path / "retell.yaml")
        no_openapi = fetch(server.url("/b.md"), tmp_path / "retell.yaml")
    assert_refused(no_yaml, "no ```yaml block in the page: is this Retell's create-batch-call docs page?", tmp_path, set())
    assert_refused(no_openapi, "no ```yaml block in the page holds an OpenAPI document (an `openapi:` key)", tmp_path, set())


def test_extract_takes_the_first_yaml_block_with_an_openapi_key() -> None:
    text = "```yaml\nname: example\n```\n\n~~~~yml title\nopenapi: 3.0.3\n```\nstill inside\n~~~~\n```yaml\nopenapi: 3.1.0\n```\n"
    assert extract_openapi(text, "u") == "openapi: 3.0.3\n```\nstill inside\n"


def test_extract_needs_a_closing_fence_at_least_as_long() -> None:
    with pytest.raises(FetchError, match="not closed"):
        extract_openapi("````yaml\nopenapi: 3.0.3\n```\n", "u")


def test_unwritable_target_is_exit_2(tmp_path: Path) -> None:
    with serve({"/page.md": Reply(page())}) as server:
        result = fetch(server.url("/page.md"), tmp_path / "missing" / "retell.yaml")
    assert_refused(result, f"{tmp_path / 'missing' / 'retell.yaml'}: cannot write: No such file or directory", tmp_path, set())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- a server that trickles what urllib reads before the body: the deadline bounds it too ------------------------------


@contextlib.contextmanager
def trickling(head: bytes, trickled: bytes, seconds_per_byte: float = 0.1) -> Iterator[str]:
    """A raw HTTP server: ``head`` at once, then ``trickled`` a byte at a time (each well within a socket timeout)."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def answer() -> None:
        with contextlib.suppress(OSError):
            connection, _ = listener.accept()
            with connection:
                request = b""
                while b"\r\n\r\n" not in request:
                    request += connection.recv(4096)
                connection.sendall(head)
                for byte in trickled:
                    if stop.wait(seconds_per_byte):
                        return
                    connection.sendall(bytes([byte]))

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/page.md"
    finally:
        stop.set()
        listener.close()
        thread.join(10)


@pytest.mark.parametrize(
    ("head", "trickled"),
    [
        (b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 300 + b"\r\n\r\n"),  # the header lines themselves
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"5;" + b"e" * 300 + b"\r\nhello\r\n0\r\n\r\n"),  # a chunk-size line
    ],
    ids=["header lines", "chunk-size line"],
)
def test_the_timeout_bounds_a_server_trickling_headers_or_chunk_framing(tmp_path: Path, head: bytes, trickled: bytes) -> None:
    """Before: --timeout 3 ran as long as the server kept trickling (30 s here)."""
    with trickling(head, trickled) as url:
        result = fetch(url, tmp_path / "retell.yaml", "--timeout", "1")
    assert_refused(result, f"{url}: timed out after 1 s (--timeout)", tmp_path, set())


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/page.md", "file:///etc/passwd", "gopher://127.0.0.1/x"])
def test_a_redirect_off_http_is_refused_at_every_hop(tmp_path: Path, target: str) -> None:
    with serve({}) as server:
        server.routes["/page.md"] = Reply(status=302, headers=(("Location", server.url("/hop.md")),))
        server.routes["/hop.md"] = Reply(status=301, headers=(("Location", target),))
        result = fetch(server.url("/page.md"), tmp_path / "retell.yaml")
        assert [r.path for r in server.requests] == ["/page.md", "/hop.md"]
    assert_refused(result, f"redirected to {target}: only http:// and https:// are followed", tmp_path, set())


def test_a_redirect_to_another_http_page_is_followed(tmp_path: Path) -> None:
    with serve({"/real.md": Reply(page())}) as server:
        server.routes["/page.md"] = Reply(status=302, headers=(("Location", "/real.md"),))  # relative: resolved on the page's address
        result = fetch(server.url("/page.md"), tmp_path / "retell.yaml")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_target_that_is_not_a_regular_file_is_refused_not_replaced(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "target"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/null")  # as root, `-o /dev/null` replaced /dev/null itself
    with serve({"/page.md": Reply(page())}) as server:
        result = fetch(server.url("/page.md"), target)
    assert result.exit_code == 2 and "cannot write: " in result.stderr and "only a regular file is replaced" in result.stderr
    assert target.is_fifo() if kind == "fifo" else Path("/dev/null").is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]


def test_a_symlinked_target_is_written_through(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "retell.yaml").write_text("old")
    (tmp_path / "retell.yaml").symlink_to("specs/retell.yaml")
    with serve({"/page.md": Reply(page())}) as server:
        assert fetch(server.url("/page.md"), tmp_path / "retell.yaml").exit_code == 0
    assert (tmp_path / "retell.yaml").is_symlink() and (tmp_path / "specs" / "retell.yaml").read_text().startswith("# source: ")
