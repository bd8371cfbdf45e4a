"""Requests no page of ours sends: each is answered with the status that says why, nothing is left on disk, and the
server goes on serving. Another site's name in Host (DNS rebinding), another site's Origin (CSRF), bodies too large,
malformed or slow, file names that try to climb out of the request's folder, a missing token, a bug in a job."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.support import BOUNDARY, CONTACTS, Server, in_process, multipart, read_answer
from validator.readers import READERS
from validator.web import app as web_app
from validator.web.jobs import Answer, Job
from validator.web.upload import Limits

IDLE, TOTAL = 1.0, 4.0


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with in_process(Limits(idle=IDLE, total=TOTAL)) as running:
        yield running


@pytest.fixture(autouse=True)
def still_serving(request: pytest.FixtureRequest) -> Iterator[None]:
    """After every attack: the page is still served and no request left a file behind."""
    yield
    if "server" in request.fixturenames:
        running: Server = request.getfixturevalue("server")
        assert running.serving()
        deadline = time.monotonic() + 5  # a refused request's folder goes when its handler returns
        while running.leftovers() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert running.leftovers() == []


def contacts() -> bytes:
    return multipart({}, ("contacts.csv", CONTACTS.encode()))


def post_check(server: Server, headers: dict[str, str], body: bytes | None = None) -> tuple[int, str]:
    body = contacts() if body is None else body
    answer = server.request("POST", "/api/check", body, {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", **headers})
    return answer.status, answer.error if answer.status != 200 else ""


# -- Host: DNS rebinding --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "attacker.example:{port}",
        "attacker.example",
        "127.0.0.1:{other}",
        "127.0.0.1",
        "127.0.0.1:{port}@attacker.example",
        "127.0.0.1:x",
        "",
    ],
)
def test_a_host_that_is_not_the_servers_is_refused(server: Server, host: str) -> None:
    named = host.format(port=server.port, other=server.port + 1)
    for method, path in (("GET", "/"), ("GET", "/static/page.js"), ("POST", "/api/check")):
        answer = server.request(
            method,
            path,
            contacts() if method == "POST" else b"",
            {"Host": named, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
        )
        assert answer.status == 400, (named, path)
        assert "answers only to the address it printed" in answer.error
        assert b"retell-validate" not in answer.body.replace(b"retell-validate serve", b"")


def test_a_request_without_host_is_refused(server: Server) -> None:
    answer = server.raw(b"GET / HTTP/1.0\r\n\r\n")
    assert answer.status == 400


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}", "[::1]:{port}"])
def test_the_loopback_names_are_the_servers(server: Server, host: str) -> None:
    assert server.request("GET", "/", headers={"Host": host.format(port=server.port)}).status == 200


# -- Origin: cross-site requests -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://attacker.example"},
        {"Origin": "null"},
        {"Origin": "http://localhost:{other}"},  # another port of this machine is another site's page
        {"Origin": "https://127.0.0.1:{port}"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "http://127.0.0.1:{port}", "Sec-Fetch-Site": "cross-site"},
    ],
)
def test_a_post_from_another_site_is_refused(server: Server, headers: dict[str, str]) -> None:
    given = {name: value.format(port=server.port, other=server.port + 1) for name, value in headers.items()}
    assert post_check(server, given) == (403, "a request from another site is refused: use the page this server serves")


@pytest.mark.parametrize(
    "headers", [{}, {"Origin": "http://127.0.0.1:{port}"}, {"Origin": "http://localhost:{port}", "Sec-Fetch-Site": "same-origin"}]
)
def test_the_pages_own_posts_and_scripts_without_origin_pass(server: Server, headers: dict[str, str]) -> None:
    assert post_check(server, {name: value.format(port=server.port) for name, value in headers.items()}) == (200, "")


# -- too large -------------------------------------------------------------------------------------------------


def test_a_declared_length_over_every_limit_is_refused_before_the_body(server: Server) -> None:
    head = (
        f"POST /api/check HTTP/1.1\r\nHost: {server.authority}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
        f"Content-Length: {100 * 2**30}\r\n\r\n"
    )
    answer = server.raw(head.encode())  # not a byte of the 100 GB is sent
    assert answer.status == 413
    assert "larger than any file the page reads (64 MiB)" in answer.error


def test_a_file_over_its_formats_limit_is_refused_as_it_streams(server: Server) -> None:
    """A YAML payload one byte over YAML's 20 MiB, sent chunked (no length declared): 413, and nothing of it kept."""
    limit = READERS["yaml"].max_bytes
    opening = f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.yaml"\r\n\r\n'.encode()
    closing = f"\r\n--{BOUNDARY}--\r\n".encode()
    head = (
        f"POST /api/check HTTP/1.1\r\nHost: {server.authority}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    )
    with socket.create_connection((server.host, server.port), timeout=60) as sock:
        sock.sendall(head.encode())
        piece = b"# " + b"x" * (1024 * 1024 - 3) + b"\n"
        sent = 0
        chunks = [opening] + [piece] * (limit // len(piece) + 1) + [closing]
        try:
            for chunk in chunks:
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = read_answer(sock)
    assert sent > limit
    assert answer.status == 413
    assert answer.error == "big.yaml is larger than 20 MiB, the limit for YAML files (split it, or check it with `retell-validate check`)"


# -- malformed ----------------------------------------------------------------------------------------------------


def _part(name: str, value: bytes, filename: str | None = None, headers: str | None = None) -> bytes:
    disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename is not None else "")
    return f"--{BOUNDARY}\r\n{headers if headers is not None else f'Content-Disposition: {disposition}'}\r\n\r\n".encode() + value + b"\r\n"


END = f"--{BOUNDARY}--\r\n".encode()
FILE = _part("file", CONTACTS.encode(), "contacts.csv")


@pytest.mark.parametrize(
    ("content_type", "body", "status", "says"),
    [
        (None, FILE + END, 400, "send multipart/form-data"),
        ("text/plain", FILE + END, 400, "send multipart/form-data"),
        ("application/x-www-form-urlencoded", b"file=contacts.csv", 400, "send multipart/form-data"),
        ("multipart/form-data", FILE + END, 400, "send multipart/form-data"),  # no boundary
        ("multipart/form-data; boundary=" + "b" * 80, FILE + END, 400, "malformed multipart body"),
        ("multipart/form-data; boundary={b}", FILE, 400, "malformed multipart body: it ends before its last boundary"),
        ("multipart/form-data; boundary={b}", FILE[: len(FILE) // 2], 400, "malformed multipart body: it ends before its last boundary"),
        ("multipart/form-data; boundary={b}", b"\x00\xff garbage \r\n\r\n", 400, "malformed multipart body"),
        ("multipart/form-data; boundary={b}", b"", 400, "malformed multipart body: it ends before its last boundary"),
        ("multipart/form-data; boundary={b}", END, 400, "no file: send it in the form field 'file'"),
        ("multipart/form-data; boundary={b}", _part("window", b"09:00-20:00") + END, 400, "no file"),
        (
            "multipart/form-data; boundary={b}",
            _part("upload", b"x", "x.csv") + END,
            400,
            "send the file in the form field 'file', not 'upload'",
        ),
        ("multipart/form-data; boundary={b}", FILE + FILE + END, 400, "one file per request"),
        ("multipart/form-data; boundary={b}", _part("file", b"+1") + END, 400, "send the file with its file name"),
        ("multipart/form-data; boundary={b}", _part("x", b"1", headers="Content-Type: text/plain") + END, 400, "Content-Disposition"),
        (
            "multipart/form-data; boundary={b}",
            _part("x", b"1", headers="Content-Disposition: attachment") + END,
            400,
            "Content-Disposition",
        ),
        ("multipart/form-data; boundary={b}", _part("window", b"1" * 5000) + FILE + END, 400, "longer than 4096 bytes"),
        (
            "multipart/form-data; boundary={b}",
            b"".join(_part(f"f{i}", b"1") for i in range(40)) + FILE + END,
            400,
            "more than 32 form fields",
        ),
        ("multipart/form-data; boundary={b}", _part("window", "09:00".encode("utf-16")) + FILE + END, 400, "is not UTF-8 text"),
        ("multipart/form-data; boundary={b}", _part("region", b"US") + _part("region", b"GB") + FILE + END, 400, "is given twice"),
        (
            "multipart/form-data; boundary={b}",
            _part("x", b"1", headers="\r\n".join(f"X-H{i}: {i}" for i in range(20))) + END,
            400,
            "malformed multipart body",
        ),
        (
            "multipart/form-data; boundary={b}",
            _part("file", b"MZ\x90\x00", "setup.exe") + END,
            415,
            "setup.exe: not a file this page reads",
        ),
        ("multipart/form-data; boundary={b}", _part("file", b"x", "contacts") + END, 415, "contacts: not a file this page reads"),
    ],
)
def test_a_malformed_body_is_refused_saying_why(server: Server, content_type: str | None, body: bytes, status: int, says: str) -> None:
    headers = {"Content-Type": content_type.format(b=BOUNDARY) if content_type else None}
    answer = server.request("POST", "/api/check", body, headers)  # type: ignore[arg-type]
    assert answer.status == status, answer.body
    assert says in answer.error, answer.error


def test_a_length_that_is_not_a_number_is_refused(server: Server) -> None:
    head = f"POST /api/check HTTP/1.1\r\nHost: {server.authority}\r\nContent-Length: lots\r\n\r\n"
    assert server.raw(head.encode()).status == 400


def test_other_methods_and_paths_are_refused(server: Server) -> None:
    assert server.request("GET", "/api/check").status == 405
    assert server.request("PUT", "/api/split", contacts()).status == 405
    assert server.request("POST", "/api/run", contacts(), {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}).status == 404
    for path in ("/static/..%2f..%2fpyproject.toml", "/static/../app.py", "/static/index.html", "/static/%00", "/etc/passwd"):
        answer = server.request("GET", path)
        assert answer.status == 404, path
        assert b"[project]" not in answer.body and b"import" not in answer.body


# -- file names -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "shown"),
    [
        ("../../escaped.csv", "escaped.csv"),
        ("..\\..\\escaped.csv", "escaped.csv"),
        ("/etc/cron.d/escaped.csv", "escaped.csv"),
        ("C:\\Windows\\escaped.csv", "escaped.csv"),
        ("\u202evsc.escaped", None),  # a right-to-left override hiding the extension: read by its real one
        ("es\x1b[31mcaped.csv", "es[31mcaped.csv"),
        ("x" * 400 + ".csv", "x" * 195 + "….csv"),
        ("..csv", "..csv"),
        ("/", None),
    ],
)
def test_a_file_name_only_names_the_file(server: Server, sent: str, shown: str | None) -> None:
    """Whatever its name, the upload is stored as the request's own file: nothing is written where a name points."""
    answer = server.post("check", (sent, CONTACTS.encode()))
    if shown is None:
        assert answer.status == 415
    else:
        assert answer.status == 200, answer.body
        assert answer.json()["files"] == [shown]
        assert {d["file"] for d in answer.json()["diagnostics"]} == {shown}
    for place in (server.scratch, server.scratch.parent, Path("/etc/cron.d"), Path.cwd()):
        assert not (place / "escaped.csv").exists()


def test_a_name_with_markup_or_quotes_is_a_safe_download_name(server: Server) -> None:
    answer = server.post("fix", ("<img src=x onerror=alert(1)>;x=é.csv", CONTACTS.encode()))
    assert answer.status == 200
    disposition = answer.headers["content-disposition"]
    assert disposition == (
        'attachment; filename="<img src=x onerror=alert(1)>;x=_-fixed.csv"; '
        "filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%3Bx%3D%C3%A9-fixed.csv"
    )
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"


# -- slow bodies ---------------------------------------------------------------------------------------------------


def _start_upload(server: Server, declared: int) -> socket.socket:
    sock = socket.create_connection((server.host, server.port), timeout=30)
    head = (
        f"POST /api/check HTTP/1.1\r\nHost: {server.authority}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
        f"Content-Length: {declared}\r\n\r\n"
    )
    sock.sendall(head.encode() + FILE[:40])
    return sock


def test_a_body_that_stalls_is_refused_and_others_are_served_meanwhile(server: Server) -> None:
    started = time.monotonic()
    with _start_upload(server, len(FILE) + len(END)) as stalled:
        assert post_check(server, {}) == (200, "")  # answered while the other upload hangs
        answer = read_answer(stalled)
    assert answer.status == 408
    assert answer.error == "the upload stalled for 1 seconds"
    assert IDLE <= time.monotonic() - started < IDLE + 10


def test_a_body_that_trickles_past_the_deadline_is_refused(server: Server) -> None:
    body = FILE + END
    with _start_upload(server, len(body)) as slow:
        started = time.monotonic()
        answer = None
        for index in range(40, len(body)):
            try:
                slow.sendall(body[index : index + 1])
            except (BrokenPipeError, ConnectionResetError):
                break
            time.sleep(IDLE / 4)  # never idle long enough to stall, always too slow to finish
            if time.monotonic() - started > TOTAL + 2:
                break
        answer = read_answer(slow)
    assert answer.status == 408
    assert answer.error == "the upload took too long"


def test_slow_uploads_side_by_side_leave_the_server_serving(server: Server) -> None:
    uploads = [_start_upload(server, len(FILE) + len(END)) for _ in range(8)]
    try:
        answers = [server.request("GET", "/") for _ in range(3)]
        assert [a.status for a in answers] == [200, 200, 200]
        statuses = [read_answer(upload).status for upload in uploads]
    finally:
        for upload in uploads:
            upload.close()
    assert statuses == [408] * 8


def test_a_client_that_goes_away_mid_upload_leaves_nothing(server: Server) -> None:
    with _start_upload(server, 10_000_000) as gone:
        gone.sendall(b"x" * 100_000)
    time.sleep(0.3)


# -- the access token -----------------------------------------------------------------------------------------------


def test_a_server_with_a_token_refuses_the_api_without_it() -> None:
    with in_process(token="s3cret-token") as guarded:
        assert guarded.request("GET", "/").status == 200  # the page holds no data: it asks for the token
        assert b'data-token-required="true"' in guarded.request("GET", "/").body
        anonymous = Server(guarded.host, guarded.port, guarded.scratch)
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret-token"}, {"Authorization": "Bearer "}):
            answer = anonymous.post("check", ("contacts.csv", CONTACTS.encode()), headers=headers)
            assert answer.status == 401
            assert answer.headers["www-authenticate"] == 'Bearer realm="retell-validate"'
            assert answer.error == "this server needs the access token it printed when it started"
        assert guarded.post("check", ("contacts.csv", CONTACTS.encode())).status == 200
        assert guarded.leftovers() == []


# -- a bug ------------------------------------------------------------------------------------------------------------


def test_a_job_that_fails_is_a_500_with_its_message_and_the_server_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(job: Job) -> Answer:
        raise RuntimeError("the check broke")

    monkeypatch.setitem(web_app.ENDPOINTS, "check", web_app.Endpoint(broken))
    with in_process() as running:
        answer = running.post("check", ("contacts.csv", CONTACTS.encode()))
        assert (answer.status, answer.error) == (500, "internal error: RuntimeError: the check broke")
        assert running.post("hours", ("contacts.csv", CONTACTS.encode())).status == 200
        assert running.serving()
        assert running.leftovers() == []


def test_every_answer_carries_the_security_headers(server: Server) -> None:
    answers = [
        server.request("GET", "/"),
        server.request("GET", "/static/page.js"),
        server.request("GET", "/nothing"),
        server.request("GET", "/", headers={"Host": "attacker.example"}),
        server.post("check", ("contacts.csv", CONTACTS.encode())),
    ]
    for answer in answers:
        policy = answer.headers["content-security-policy"]
        assert "script-src 'self';" in policy and "unsafe-inline" not in policy and "require-trusted-types-for 'script'" in policy
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["cache-control"] == "no-store"
    assert answers[0].headers["content-type"] == "text/html; charset=utf-8"
    assert answers[1].headers["content-type"] == "text/javascript; charset=utf-8"


def test_checks_run_beside_each_other(server: Server) -> None:
    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(server.post("check", ("contacts.csv", CONTACTS.encode())).status)) for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert results == [200] * 6
